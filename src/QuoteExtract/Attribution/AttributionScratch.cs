using QuoteExtract.Matching;

namespace QuoteExtract.Attribution;

/// <summary>
/// Everything one <see cref="AttributionExtractor.Candidates(Tagging.TaggedText, CancellationToken)"/> call writes besides its candidates: the quotation
/// index per token, the quote states, both passes' matches and the candidates' sort keys. Lent to one call at a time
/// from the extractor's <see cref="ScratchPool{T}"/>; the buffers only grow, so after the largest document a call
/// allocates nothing per token.
/// </summary>
internal sealed class AttributionScratch
{
    private int[] _quotationByOpen = [];
    private int[] _quotationByClose = [];
    private QuoteState[] _states = [];

    /// <summary>Matches of the sentence pass.</summary>
    public MatchSet Matches { get; } = new();

    /// <summary>Matches of the whole-text pass.</summary>
    public MatchSet Whole { get; } = new();

    /// <summary>Sorted token positions of the candidates (attribution starts, then cue starts).</summary>
    public List<int> Positions { get; } = [];

    /// <summary>The candidates by position, for the second scoring stage's neighbour features.</summary>
    public NeighbourIndex Neighbours { get; } = new();

    /// <summary>Clause boundaries of one content at a time (<see cref="CandidateReader.ClauseBoundaries"/>).</summary>
    public List<(int At, string Kind)> Boundaries { get; } = [];

    /// <summary>The features each family of candidates shares, for the scorer.</summary>
    public SharedFeatureCache SharedFeatures { get; } = new();

    /// <summary>Content lengths of each family (rule, cue, speaker) of candidates.</summary>
    public Dictionary<(string Rule, int Cue, int Speaker), (int Shortest, int Longest, int Count)> Families { get; } = new(FamilyComparer.Instance);

    /// <summary>Per token: the outermost quotation opened there, or -1 (at least as long as the document).</summary>
    public int[] QuotationByOpen => _quotationByOpen;

    /// <summary>Per token: the outermost closed quotation closed there, or -1 (at least as long as the document).</summary>
    public int[] QuotationByClose => _quotationByClose;

    /// <summary>The quote state of each token (at least as long as the document).</summary>
    public QuoteState[] States => _states;

    /// <summary>Clears the matches and grows the per-token buffers to <paramref name="tokens"/>.</summary>
    public void Prepare(int tokens)
    {
        Matches.Clear();
        Whole.Clear();
        Positions.Clear();
        Families.Clear();
        if (_states.Length < tokens)
        {
            // Doubling keeps a run of growing documents from reallocating at every one.
            int size = Math.Max(tokens, 2 * _states.Length);
            _quotationByOpen = new int[size];
            _quotationByClose = new int[size];
            _states = new QuoteState[size];
        }
    }
}

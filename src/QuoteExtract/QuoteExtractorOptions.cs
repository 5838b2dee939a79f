namespace QuoteExtract;

/// <summary>
/// Settings of a <see cref="QuoteExtractor"/>. Mutable so that configuration binding works;
/// the extractor copies and validates them once, at construction.
/// </summary>
public sealed class QuoteExtractorOptions
{
    /// <summary>The default maximum document length: 10 million characters.</summary>
    public const int DefaultMaxDocumentLength = 10_000_000;

    /// <summary>Extra cue words (verbs or nouns, any inflection) added to the built-in lexicon as speech cues.</summary>
    public IList<string> ExtraCueWords { get; set; } = new List<string>();

    /// <summary>Extra attribution patterns in the pattern language, added to the built-in grammar.</summary>
    public IList<string> ExtraPatterns { get; set; } = new List<string>();

    /// <summary>Categories to report. Empty means all.</summary>
    public ISet<QuoteCategory> Categories { get; set; } = new HashSet<QuoteCategory>();

    /// <summary>Quotes whose confidence is below this are dropped. Between 0 and 1; default 0.</summary>
    public double MinimumConfidence { get; set; }

    /// <summary>
    /// Longer documents are truncated to this many characters (never inside a surrogate pair) and the result carries a
    /// <c>text-truncated</c> diagnostic whose offset is the cut; readers and streams stop reading just past it, so
    /// memory stays bounded whatever the input. Must be positive. Default 10 million.
    /// </summary>
    public int MaxDocumentLength { get; set; } = DefaultMaxDocumentLength;

    /// <summary>
    /// Documents longer than this many characters are read in sections of at most this length, cut at paragraph
    /// breaks (see <see cref="DocumentSections"/>), so that extraction time stays linear in the length of any input.
    /// Far above the longest news article, so articles are read whole; internal so that tests can make it small.
    /// </summary>
    internal int SectionLength { get; set; } = DefaultSectionLength;

    /// <summary>The default <see cref="SectionLength"/>: 100,000 characters, about three times the longest article of the corpus.</summary>
    internal const int DefaultSectionLength = 100_000;

    /// <summary>Whether speakers are resolved to document entities. Default true.</summary>
    public bool ResolveSpeakers { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message if any setting is invalid.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or malformed.</exception>
    public void Validate()
    {
        if (double.IsNaN(MinimumConfidence) || MinimumConfidence < 0 || MinimumConfidence > 1)
        {
            throw new ArgumentException(
                $"{nameof(MinimumConfidence)} must be between 0 and 1, but was {MinimumConfidence}.", nameof(MinimumConfidence));
        }

        if (MaxDocumentLength <= 0)
        {
            throw new ArgumentException(
                $"{nameof(MaxDocumentLength)} must be positive, but was {MaxDocumentLength}.", nameof(MaxDocumentLength));
        }

        if (SectionLength < 2)
        {
            throw new ArgumentException($"{nameof(SectionLength)} must be at least 2, but was {SectionLength}.", nameof(SectionLength));
        }

        if (ExtraCueWords is null || ExtraPatterns is null || Categories is null)
        {
            throw new ArgumentException("Collections of the options must not be null.");
        }

        foreach (var word in ExtraCueWords)
        {
            if (string.IsNullOrWhiteSpace(word) || word.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException(
                    $"{nameof(ExtraCueWords)} entries must be single non-empty words, but got '{word}'.", nameof(ExtraCueWords));
            }
        }

        if (ExtraPatterns.Any(p => p is null))
        {
            throw new ArgumentException($"{nameof(ExtraPatterns)} entries must not be null.", nameof(ExtraPatterns));
        }

        foreach (var category in Categories)
        {
            if (!Enum.IsDefined(category))
            {
                throw new ArgumentException($"Unknown category {category}.", nameof(Categories));
            }
        }
    }

    /// <summary>A deep copy, so that later changes to this object do not reach an extractor built from it.</summary>
    internal QuoteExtractorOptions Clone() => new()
    {
        ExtraCueWords = ExtraCueWords.ToList(),
        ExtraPatterns = ExtraPatterns.ToList(),
        Categories = Categories.ToHashSet(),
        MinimumConfidence = MinimumConfidence,
        MaxDocumentLength = MaxDocumentLength,
        SectionLength = SectionLength,
        ResolveSpeakers = ResolveSpeakers,
    };
}

using QuoteExtract.Matching;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// The lookups that give a quotation without a cue its neighbouring attributions (see
/// <see cref="AttributionExtractor"/>): whether a kept attribution or an added quotation already takes its tokens,
/// and the kept attribution whose content ends last before it, or starts first after it, in its paragraph. Overlaps
/// are looked up in the buckets near the quotation, ends and starts by binary search in the kept attributions
/// sorted by content end and by content start, so no lookup scans the document. Ties go to the attribution kept
/// first, as a scan in keeping order would find.
/// </summary>
/// <remarks>
/// A quotation joins an attribution only when nothing kept overlaps it and the attribution is the nearest one
/// before (or after) it, so the content that grows over the quotation passes no other end (or start): the sorted
/// orders stay valid. Each change is checked against its neighbours all the same, and a broken order is sorted again.
/// </remarks>
internal sealed class UncuedNeighbours
{
    // One spare per thread, as for TokenBuckets: selection runs outside the extractor's rented scratch (training
    // calls it too), and reusing the sorted arrays and the order lookup keeps a document from allocating them.
    [ThreadStatic]
    private static UncuedNeighbours? t_spare;

    private readonly Dictionary<Candidate, int> _order = new(ReferenceEqualityComparer.Instance);
    private readonly Comparison<Candidate> _compareEnd;
    private readonly Comparison<Candidate> _compareStart;
    private AnalyzedText _analysis = null!;
    private TokenBuckets _taken = null!;
    private Candidate[] _byEnd = [];
    private Candidate[] _byStart = [];

    // Per candidate, by keeping order: its index in _byEnd and in _byStart.
    private int[] _endIndex = [];
    private int[] _startIndex = [];
    private int _count;

    private UncuedNeighbours()
    {
        _compareEnd = CompareEnd;
        _compareStart = CompareStart;
    }

    /// <summary>The lookups for <paramref name="chosen"/>: this thread's spare ones if free, else new ones. Give them back with <see cref="Release"/>.</summary>
    public static UncuedNeighbours Rent(AnalyzedText analysis, List<Candidate> chosen)
    {
        var neighbours = t_spare ?? new UncuedNeighbours();
        t_spare = null;
        neighbours.Fill(analysis, chosen);
        return neighbours;
    }

    /// <summary>Gives the token buckets and these lookups back; neither is used after this.</summary>
    public void Release()
    {
        _taken.Return();
        _taken = null!;
        _analysis = null!;
        _order.Clear();
        Array.Clear(_byEnd, 0, _count);
        Array.Clear(_byStart, 0, _count);
        _count = 0;
        t_spare = this;
    }

    private void Fill(AnalyzedText analysis, List<Candidate> chosen)
    {
        _analysis = analysis;
        _taken = TokenBuckets.Rent(analysis.Tokens.Length);
        _count = chosen.Count;
        if (_byEnd.Length < _count)
        {
            int size = Math.Max(_count, 2 * _byEnd.Length);
            _byEnd = new Candidate[size];
            _byStart = new Candidate[size];
            _endIndex = new int[size];
            _startIndex = new int[size];
        }

        for (int i = 0; i < _count; i++)
        {
            var c = chosen[i];
            _order[c] = i;
            _byEnd[i] = _byStart[i] = c;
            FileTokens(c);
        }

        SortByEnd();
        SortByStart();
    }

    /// <summary>Files a kept attribution again after a quotation joined its content.</summary>
    public void Refile(Candidate c)
    {
        FileTokens(c);
        int order = _order[c];
        int i = _endIndex[order];
        if ((i > 0 && CompareEnd(_byEnd[i - 1], c) > 0) || (i + 1 < _count && CompareEnd(c, _byEnd[i + 1]) > 0))
        {
            SortByEnd();
        }

        i = _startIndex[order];
        if ((i > 0 && CompareStart(_byStart[i - 1], c) > 0) || (i + 1 < _count && CompareStart(c, _byStart[i + 1]) > 0))
        {
            SortByStart();
        }
    }

    /// <summary>Files a quotation added with a borrowed speaker, so that no later quotation overlaps it; returns it.</summary>
    public Candidate Taking(Candidate added)
    {
        _taken.Add(added, added.Content);
        return added;
    }

    /// <summary>Whether a kept attribution's content or cue, or an added quotation, overlaps <paramref name="range"/>.</summary>
    public bool Taken(TokenRange range)
    {
        foreach (var c in _taken.Near(range.Start, range.End))
        {
            if (AttributionExtractor.Overlap(c.Content, range) || AttributionExtractor.Overlap(c.Content2, range) || AttributionExtractor.Overlap(c.Cue, range))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The kept attribution of <paramref name="paragraph"/> whose content ends last at or before the start of <paramref name="range"/>.</summary>
    public Candidate? Previous(TokenRange range, int paragraph)
    {
        // The first of those with the last end at or before the start: ends in an earlier paragraph mean none in this one.
        int i = FirstIndex(_byEnd.AsSpan(0, _count), range.Start, byEnd: true) - 1;
        if (i < 0)
        {
            return null;
        }

        while (i > 0 && _byEnd[i - 1].ContentEnd == _byEnd[i].ContentEnd)
        {
            i--;
        }

        var found = _byEnd[i];
        return !found.FromContext && AttributionExtractor.ParagraphOf(_analysis, found.ContentEnd - 1) == paragraph ? found : null;
    }

    /// <summary>The kept attribution of <paramref name="paragraph"/> whose content starts first at or after the end of <paramref name="range"/>.</summary>
    public Candidate? Next(TokenRange range, int paragraph)
    {
        int i = FirstIndex(_byStart.AsSpan(0, _count), range.End - 1, byEnd: false);
        if (i == _count)
        {
            return null;
        }

        var found = _byStart[i];
        return !found.FromContext && AttributionExtractor.ParagraphOf(_analysis, found.ContentStart) == paragraph ? found : null;
    }

    /// <summary>
    /// The first index whose candidate's content ends (<paramref name="byEnd"/>) or starts after <paramref name="token"/>;
    /// the array is sorted by that position.
    /// </summary>
    private static int FirstIndex(ReadOnlySpan<Candidate> sorted, int token, bool byEnd)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if ((byEnd ? sorted[mid].ContentEnd : sorted[mid].ContentStart) > token)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        WorkMeter.Add(1);
        return lo;
    }

    /// <summary>
    /// <c>“A,” said X, who likened it to a crash. “B.”</c>: an attribution inside the cue sentence of a direct quote
    /// (a relative clause, a participle, an appositive's own cue) is an aside; the next quotation continues X's words.
    /// Returns the direct quote whose cue comes last before <paramref name="previous"/>'s cue in that sentence, or null.
    /// </summary>
    public Candidate? OuterDirectQuote(Candidate? previous, int before)
    {
        if (previous is null || previous.Cue.IsNone)
        {
            return null;
        }

        int first = _analysis.Sentences[AttributionExtractor.SentenceOf(_analysis, previous.Cue.Start)].FirstToken;
        Candidate? outer = null;
        foreach (var c in _taken.Near(first, previous.Cue.Start))
        {
            if (c != previous && !c.FromContext && c.Kind == QuoteKind.Direct && !c.Cue.IsNone && c.Cue.Start >= c.ContentEnd
                && c.Cue.Start >= first && c.Cue.Start < previous.Cue.Start && c.ContentEnd <= before
                && (outer is null || c.Cue.Start > outer.Cue.Start))
            {
                outer = c;
            }
        }

        return outer;
    }


    private int CompareEnd(Candidate a, Candidate b) => a.ContentEnd != b.ContentEnd ? a.ContentEnd.CompareTo(b.ContentEnd) : _order[a].CompareTo(_order[b]);

    private int CompareStart(Candidate a, Candidate b) => a.ContentStart != b.ContentStart ? a.ContentStart.CompareTo(b.ContentStart) : _order[a].CompareTo(_order[b]);

    private void SortByEnd()
    {
        WorkMeter.Add(_count);
        _byEnd.AsSpan(0, _count).Sort(_compareEnd);
        for (int i = 0; i < _count; i++)
        {
            _endIndex[_order[_byEnd[i]]] = i;
        }
    }

    private void SortByStart()
    {
        WorkMeter.Add(_count);
        _byStart.AsSpan(0, _count).Sort(_compareStart);
        for (int i = 0; i < _count; i++)
        {
            _startIndex[_order[_byStart[i]]] = i;
        }
    }

    private void FileTokens(Candidate c)
    {
        _taken.Add(c, c.Content);
        _taken.Add(c, c.Content2);
        _taken.Add(c, c.Cue);
    }
}

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
    private readonly AnalyzedText _analysis;
    private readonly TokenBuckets _taken;
    private readonly Dictionary<Candidate, int> _order = new(ReferenceEqualityComparer.Instance);
    private readonly Candidate[] _byEnd;
    private readonly Candidate[] _byStart;
    private readonly Dictionary<Candidate, int> _endIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Candidate, int> _startIndex = new(ReferenceEqualityComparer.Instance);

    public UncuedNeighbours(AnalyzedText analysis, List<Candidate> chosen)
    {
        _analysis = analysis;
        _taken = TokenBuckets.Rent(analysis.Tokens.Length);
        foreach (var c in chosen)
        {
            _order[c] = _order.Count;
            FileTokens(c);
        }

        _byEnd = [.. chosen];
        _byStart = [.. chosen];
        SortByEnd();
        SortByStart();
    }

    /// <summary>Gives the token buckets back; the lookups are not used after this.</summary>
    public void Release() => _taken.Return();

    /// <summary>Files a kept attribution again after a quotation joined its content.</summary>
    public void Refile(Candidate c)
    {
        FileTokens(c);
        int i = _endIndex[c];
        if ((i > 0 && CompareEnd(_byEnd[i - 1], c) > 0) || (i + 1 < _byEnd.Length && CompareEnd(c, _byEnd[i + 1]) > 0))
        {
            SortByEnd();
        }

        i = _startIndex[c];
        if ((i > 0 && CompareStart(_byStart[i - 1], c) > 0) || (i + 1 < _byStart.Length && CompareStart(c, _byStart[i + 1]) > 0))
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
        int i = FirstIndex(_byEnd, range.Start, byEnd: true) - 1;
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
        int i = FirstIndex(_byStart, range.End - 1, byEnd: false);
        if (i == _byStart.Length)
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
    private static int FirstIndex(Candidate[] sorted, int token, bool byEnd)
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
        WorkMeter.Add(_byEnd.Length);
        Array.Sort(_byEnd, CompareEnd);
        for (int i = 0; i < _byEnd.Length; i++)
        {
            _endIndex[_byEnd[i]] = i;
        }
    }

    private void SortByStart()
    {
        WorkMeter.Add(_byStart.Length);
        Array.Sort(_byStart, CompareStart);
        for (int i = 0; i < _byStart.Length; i++)
        {
            _startIndex[_byStart[i]] = i;
        }
    }

    private void FileTokens(Candidate c)
    {
        _taken.Add(c, c.Content);
        _taken.Add(c, c.Content2);
        _taken.Add(c, c.Cue);
    }
}

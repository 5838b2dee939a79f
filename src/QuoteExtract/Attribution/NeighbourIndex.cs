namespace QuoteExtract.Attribution;

/// <summary>
/// A document's candidates sorted by where their extents (content, second fragment, cue) start, so that the ones
/// whose extents may touch a range are one contiguous slice: no set, no per-lookup allocation. Reused from document
/// to document (its arrays only grow); one document at a time.
/// </summary>
internal sealed class NeighbourIndex
{
    private Candidate[] _byStart = [];
    private int[] _starts = [];
    private int _count;
    private int _longest;

    /// <summary>Files the candidates of one document, replacing the previous document's.</summary>
    public void Build(List<Candidate> candidates)
    {
        _count = candidates.Count;
        if (_byStart.Length < _count)
        {
            _byStart = new Candidate[Math.Max(_count, 2 * _byStart.Length)];
            _starts = new int[_byStart.Length];
        }

        _longest = 0;
        for (int i = 0; i < _count; i++)
        {
            var (start, end) = AttributionExtractor.Extent(candidates[i]);
            _byStart[i] = candidates[i];
            _starts[i] = start;
            _longest = Math.Max(_longest, end - start);
        }

        Array.Sort(_starts, _byStart, 0, _count);
    }

    /// <summary>
    /// Every candidate whose extent may touch tokens [<paramref name="start"/>, <paramref name="end"/>] (a superset:
    /// those starting from the longest extent's length before it up to its end; callers keep their exact test).
    /// </summary>
    public ReadOnlySpan<Candidate> Near(int start, int end)
    {
        int from = LowerBound(start - _longest), to = LowerBound(end + 1);
        return _byStart.AsSpan(from, to - from);
    }

    private int LowerBound(int value) => AttributionExtractor.LowerBound(_starts.AsSpan(0, _count), value);
}

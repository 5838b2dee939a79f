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

    // Per position in start order: the furthest extent end up to there. It never decreases, so the first candidate
    // that can reach a range is found by binary search, where a window of the longest extent's length let every
    // short candidate before the range in.
    private int[] _reach = [];
    private int _count;

    /// <summary>Files the candidates of one document, replacing the previous document's.</summary>
    public void Build(List<Candidate> candidates)
    {
        _count = candidates.Count;
        if (_byStart.Length < _count)
        {
            _byStart = new Candidate[Math.Max(_count, 2 * _byStart.Length)];
            _starts = new int[_byStart.Length];
            _reach = new int[_byStart.Length];
        }

        for (int i = 0; i < _count; i++)
        {
            _byStart[i] = candidates[i];
            _starts[i] = AttributionExtractor.Extent(candidates[i]).Start;
        }

        Array.Sort(_starts, _byStart, 0, _count);
        int reach = int.MinValue;
        for (int i = 0; i < _count; i++)
        {
            reach = Math.Max(reach, AttributionExtractor.Extent(_byStart[i]).End);
            _reach[i] = reach;
        }
    }

    /// <summary>
    /// Every candidate whose extent may touch tokens [<paramref name="start"/>, <paramref name="end"/>] (a superset:
    /// those from the first whose extent, or an earlier one's, ends at or after the start, up to those starting after
    /// the end; callers keep their exact test).
    /// </summary>
    public ReadOnlySpan<Candidate> Near(int start, int end)
    {
        int from = AttributionExtractor.LowerBound(_reach.AsSpan(0, _count), start), to = LowerBound(end + 1);
        return from < to ? _byStart.AsSpan(from, to - from) : [];
    }

    private int LowerBound(int value) => AttributionExtractor.LowerBound(_starts.AsSpan(0, _count), value);
}

using System.Runtime.CompilerServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// Memo of the weight sums of a token's word-only features (<see cref="FeatureTemplates.PosWord"/>,
/// <see cref="FeatureTemplates.NerWord"/>): most tokens are frequent words, so their sum is read back instead of
/// a dozen scattered table lookups. Direct-mapped; an entry is keyed by the word's two independent 64-bit hashes
/// and everything else the features read (flags, tag). Integer sums do not depend on the order of addition, so
/// scores, and so tags, are exactly those of adding every feature one by one. Used by one call at a time (the
/// tagger pools them).
/// </summary>
internal sealed class WordScoreCache
{
    private const int Bits = 11;
    private const ulong Valid = 1UL << 63;

    private readonly ulong[] _keys = new ulong[3 << Bits];
    private readonly int[] _sums;
    private readonly int _width;

    public WordScoreCache(PerceptronModel model)
    {
        Model = model;
        _width = model.ClassCount;
        _sums = new int[_width << Bits];
    }

    /// <summary>The model whose weights the entries sum.</summary>
    public PerceptronModel Model { get; }

    /// <summary>
    /// The entry for a word with hashes <paramref name="raw"/> and <paramref name="norm"/> and further key bits
    /// <paramref name="extra"/> (below bit 63). On a miss the entry is emptied and claimed: the caller fills it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<int> Entry(ulong raw, ulong norm, ulong extra, out bool hit)
    {
        ulong tag = extra | Valid;
        ulong h = (raw ^ (tag * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL;
        int slot = (int)(h >> (64 - Bits));
        var sums = _sums.AsSpan(slot * _width, _width);
        int at = slot * 3;
        hit = _keys[at] == raw && _keys[at + 1] == norm && _keys[at + 2] == tag;
        if (!hit)
        {
            _keys[at] = raw;
            _keys[at + 1] = norm;
            _keys[at + 2] = tag;
            sums.Clear();
        }

        return sums;
    }
}

using System.Runtime.CompilerServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// A memo of weight sums keyed by a word form: the sums of a token's word-only features (<see cref="FeatureTemplates.PosWord"/>,
/// <see cref="FeatureTemplates.NerWord"/>), or of the features that neighbouring tokens read from it (the neighbour-word
/// groups of <see cref="FeatureTemplates"/>). Most tokens are frequent words, so their sums are read back instead of
/// being looked up feature by feature. Integer sums do not depend on the order of addition, so scores, and so tags,
/// are exactly those of adding every feature one by one. Used by one call at a time (the tagger pools them).
/// </summary>
/// <remarks>
/// Direct-mapped, keyed by the word's two independent 64-bit hashes and everything else the features read (flags,
/// tag). Rare words would keep evicting frequent ones, so a slot whose word was read since it was stored gets a second
/// chance: the first miss only clears its mark.
/// </remarks>
internal sealed class WordScoreCache
{
    private const ulong Valid = 1UL << 63;

    private readonly ulong[] _keys;
    private readonly bool[] _used;
    private readonly int[] _sums;
    private readonly int _width;
    private readonly int _shift;

    /// <param name="width">Sums per entry.</param>
    /// <param name="bits">The cache has 2^<paramref name="bits"/> entries.</param>
    public WordScoreCache(int width, int bits)
    {
        _width = width;
        _shift = 64 - bits;
        _keys = new ulong[3 << bits];
        _used = new bool[1 << bits];
        _sums = new int[width << bits];
    }

    /// <summary>
    /// The sums stored for a word with hashes <paramref name="raw"/> and <paramref name="norm"/> and further key bits
    /// <paramref name="extra"/> (below bit 63), if any. Valid until the next <see cref="Store"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong raw, ulong norm, ulong extra, out ReadOnlySpan<int> sums)
    {
        int slot = Slot(raw, extra | Valid);
        int at = slot * 3;
        sums = _sums.AsSpan(slot * _width, _width);
        if (_keys[at] == raw && _keys[at + 1] == norm && _keys[at + 2] == (extra | Valid))
        {
            _used[slot] = true;
            return true;
        }

        return false;
    }

    /// <summary>Stores <paramref name="sums"/> for a word (see <see cref="TryGet"/>), unless the slot's word gets a second chance.</summary>
    public void Store(ulong raw, ulong norm, ulong extra, ReadOnlySpan<int> sums)
    {
        int slot = Slot(raw, extra | Valid);
        if (_used[slot])
        {
            _used[slot] = false;
            return;
        }

        int at = slot * 3;
        _keys[at] = raw;
        _keys[at + 1] = norm;
        _keys[at + 2] = extra | Valid;
        sums.CopyTo(_sums.AsSpan(slot * _width, _width));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong raw, ulong tag) => (int)(((raw ^ (tag * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL) >> _shift);
}

using System.Runtime.CompilerServices;

namespace QuoteExtract.Matching;

/// <summary>
/// The token classes of one <see cref="PikeVm"/> (alphabet compression): tokens whose predicate rows agree on every bit
/// the program tests share a dense class id, so that the lazy DFA keys a transition by (state, class, flags), one word,
/// instead of hashing and comparing a row of several words. News text has few classes (about 300 on the PolNeAR dev
/// texts for the shipped grammar: most words are in no lexicon and differ only in tag and entity), so the ids stay small.
/// Two open-addressing maps: from a token's feature key (see <see cref="TokenFeatures"/>: table rows, word entry,
/// spellings, shapes) to its class, which spares building the row and evaluating compound tests for a token seen
/// before; and from a row to its class, which makes the classes distinct. Scratch memory: nothing is allocated once
/// the maps have grown to the text's classes; <see cref="Clear"/> bounds them.
/// </summary>
internal sealed class TokenAlphabet
{
    /// <summary>Classes past which the owner clears the alphabet between calls by default (and with it the DFA caches keyed by its ids).</summary>
    public const int MaxClasses = 1 << 16;

    private readonly int[] _gather;
    private ulong[] _rows;
    private int[] _rowSlots;
    // Feature key + 1 (0: empty) and class side by side, two words a slot: a probe, most often a cache miss, reads one line.
    private ulong[] _keys;
    private int _keyCount;

    /// <summary>
    /// An empty alphabet for feature rows as wide as <paramref name="tested"/>, of which only the bits in
    /// <paramref name="tested"/> matter: a class's row holds those alone, renumbered densely in ascending order.
    /// </summary>
    public TokenAlphabet(ulong[] tested)
    {
        var gather = new List<int>();
        for (int bit = 0; bit < 64 * tested.Length; bit++)
        {
            if (((tested[bit >> 6] >> bit) & 1) != 0)
            {
                gather.Add(bit);
            }
        }

        _gather = [.. gather];
        Words = Math.Max(1, (_gather.Length + 63) / 64);
        _rows = new ulong[256 * Words];
        _rowSlots = new int[512];
        _keys = new ulong[2 * 1024];
    }

    /// <summary>64-bit words of a class's row.</summary>
    public int Words { get; }

    /// <summary>Distinct classes so far.</summary>
    public int Count { get; private set; }

    /// <summary>Times <see cref="Clear"/> was called.</summary>
    public int Clears { get; private set; }

    /// <summary>The row of class <paramref name="cls"/>: the tested predicate bits its tokens have, densely renumbered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<ulong> Row(int cls) => new(_rows, cls * Words, Words);

    /// <summary>The class remembered for feature key <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        var keys = _keys;
        int mask = (keys.Length >> 1) - 1;
        ulong stored = key + 1; // 0 marks an empty slot
        for (int slot = Slot(key, mask); ; slot = (slot + 1) & mask)
        {
            ulong k = keys[2 * slot];
            if (k == stored)
            {
                return (int)keys[(2 * slot) + 1];
            }

            if (k == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Remembers that tokens with feature key <paramref name="key"/> are of class <paramref name="cls"/>.</summary>
    public void Remember(ulong key, int cls)
    {
        if (2 * (_keyCount + 1) > _keys.Length >> 1)
        {
            var old = _keys;
            _keys = new ulong[2 * old.Length];
            _keyCount = 0;
            for (int i = 0; i < old.Length; i += 2)
            {
                if (old[i] != 0)
                {
                    Remember(old[i] - 1, (int)old[i + 1]);
                }
            }
        }

        int mask = (_keys.Length >> 1) - 1;
        int slot = Slot(key, mask);
        while (_keys[2 * slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _keys[2 * slot] = key + 1;
        _keys[(2 * slot) + 1] = (ulong)cls;
        _keyCount++;
    }

    /// <summary>The class of feature row <paramref name="row"/> (<see cref="TokenFeatures.Words"/> words; its untested bits ignored), added if new.</summary>
    public int Intern(ReadOnlySpan<ulong> row)
    {
        Span<ulong> projected = stackalloc ulong[Words];
        projected.Clear();
        for (int j = 0; j < _gather.Length; j++)
        {
            int bit = _gather[j];
            projected[j >> 6] |= ((row[bit >> 6] >> bit) & 1) << j;
        }

        ulong hash = 0;
        for (int w = 0; w < Words; w++)
        {
            hash = (hash ^ projected[w]) * 0x9E3779B97F4A7C15UL;
        }

        int mask = _rowSlots.Length - 1;
        int slot = (int)(hash >> 40) & mask;
        for (; _rowSlots[slot] != 0; slot = (slot + 1) & mask)
        {
            int known = _rowSlots[slot] - 1;
            if (Row(known).SequenceEqual(projected))
            {
                return known;
            }
        }

        int cls = Count++;
        if (Count * Words > _rows.Length)
        {
            Array.Resize(ref _rows, 2 * _rows.Length);
        }

        projected.CopyTo(_rows.AsSpan(cls * Words, Words));
        _rowSlots[slot] = cls + 1;
        if (2 * Count > _rowSlots.Length)
        {
            RehashRows(2 * _rowSlots.Length);
        }

        return cls;
    }

    /// <summary>Forgets every class (their ids may be reused): the owner drops whatever is keyed by them too.</summary>
    public void Clear()
    {
        Clears++;
        Count = 0;
        _keyCount = 0;
        Array.Clear(_keys);
        Array.Clear(_rowSlots);
    }

    private void RehashRows(int capacity)
    {
        _rowSlots = new int[capacity];
        int mask = capacity - 1;
        for (int cls = 0; cls < Count; cls++)
        {
            ulong hash = 0;
            foreach (var word in Row(cls))
            {
                hash = (hash ^ word) * 0x9E3779B97F4A7C15UL;
            }

            int slot = (int)(hash >> 40) & mask;
            while (_rowSlots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _rowSlots[slot] = cls + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
}

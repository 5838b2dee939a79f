using System.Runtime.CompilerServices;

namespace QuoteExtract.Matching;

/// <summary>
/// An open-addressing map from lowercase words to values, probed with a token's characters as they are in the
/// text (lowercased on the fly, no string made). Cheaper per token than a case-insensitive dictionary, whose
/// randomized hashing is built for untrusted keys; here the keys are the grammar's own words.
/// </summary>
internal sealed class LowercaseTable<TValue>
    where TValue : class
{
    private readonly string?[] _keys;
    private readonly uint[] _hashes;
    private readonly TValue?[] _values;
    private readonly int _mask;

    public LowercaseTable(IReadOnlyCollection<KeyValuePair<string, TValue>> entries)
    {
        int capacity = 16;
        while (capacity < entries.Count * 2)
        {
            capacity *= 2;
        }

        _keys = new string?[capacity];
        _hashes = new uint[capacity];
        _values = new TValue?[capacity];
        _mask = capacity - 1;
        foreach (var (key, value) in entries)
        {
            var lower = key.ToLowerInvariant();
            uint hash = Hash(lower);
            int slot = (int)(hash & (uint)_mask);
            while (_keys[slot] is not null)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = lower;
            _hashes[slot] = hash;
            _values[slot] = value;
        }

        Count = entries.Count;
    }

    public int Count { get; }

    public TValue? Find(ReadOnlySpan<char> word) => Find(word, Hash(word));

    /// <summary>Looks up <paramref name="word"/> whose <see cref="Hash(ReadOnlySpan{char})"/> the caller computed already.</summary>
    public TValue? Find(ReadOnlySpan<char> word, uint hash)
    {
        int slot = (int)(hash & (uint)_mask);
        while (true)
        {
            var key = _keys[slot];
            if (key is null)
            {
                return null;
            }

            // The stored hash first: most probes are for words not in the table, and this spares reading their keys.
            if (_hashes[slot] == hash && key.Length == word.Length && EqualsLower(key, word))
            {
                return _values[slot];
            }

            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    private static bool EqualsLower(string key, ReadOnlySpan<char> word)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (key[i] != Lower(word[i]))
            {
                return false;
            }
        }

        return true;
    }

    public const uint HashSeed = 2166136261;

    /// <summary>The multiplier of <see cref="HashStep"/>.</summary>
    public const uint HashPrime = 16777619;

    /// <summary>One step of the hash, so callers can fold it into their own pass over the characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashStep(uint h, char c) => (h ^ Lower(c)) * HashPrime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashFinish(uint h) => h ^ (h >> 15);

    public static uint Hash(ReadOnlySpan<char> word)
    {
        uint h = HashSeed;
        foreach (var c in word)
        {
            h = HashStep(h, c);
        }

        return HashFinish(h);
    }
}

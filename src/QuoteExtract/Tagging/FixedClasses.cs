using System.Numerics;

namespace QuoteExtract.Tagging;

/// <summary>
/// A model's dictionary of spellings whose class it does not score: frequent words that the training data always tags
/// the same way ("the", ",", "of", "said" are most of running text). The part-of-speech tagger gives such a token its
/// class outright and spends its lookups on the other tokens (see <see cref="Tagger"/>). Immutable, shared by all threads.
/// </summary>
/// <remarks>
/// Keyed by <see cref="TokenInfo.Raw"/> (the spelling as written, so "The" and "the" are separate words). A small
/// open-addressing table: a few thousand words fit in a few tens of kilobytes, so probing it for every token stays in cache.
/// </remarks>
internal sealed class FixedClasses
{
    /// <summary>No words: every token is scored.</summary>
    public static readonly FixedClasses None = new([], []);

    private readonly ulong[] _keys;
    private readonly byte[] _classes;
    private readonly int _mask;

    /// <param name="words">Spelling hashes (<see cref="TokenInfo.Raw"/>), distinct and non-zero.</param>
    /// <param name="classes">Each word's class.</param>
    public FixedClasses(ReadOnlySpan<ulong> words, ReadOnlySpan<byte> classes)
    {
        // At most half full, so that a probe ends after a slot or two.
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * words.Length));
        _keys = new ulong[size];
        _classes = new byte[size];
        _mask = size - 1;
        for (int w = 0; w < words.Length; w++)
        {
            int slot = Home(words[w]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = words[w];
            _classes[slot] = classes[w];
        }

        Count = words.Length;
    }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>The class of a token spelled <paramref name="raw"/>, or −1 when it is not a fixed word.</summary>
    public int Of(ulong raw)
    {
        int slot = Home(raw);
        while (true)
        {
            ulong key = _keys[slot];
            if (key == 0)
            {
                return -1; // an empty slot (tested first: no word is stored as 0)
            }

            if (key == raw)
            {
                return _classes[slot];
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int Home(ulong raw) => (int)((raw * 0x9E3779B97F4A7C15UL) >> 40) & _mask;
}

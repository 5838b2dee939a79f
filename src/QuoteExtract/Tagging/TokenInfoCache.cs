using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// A memo of the spelling-only part of <see cref="TokenInfo"/> (<see cref="TokenInfo.ComputeWord"/>: ten hashes, the
/// character flags, the gazetteer lists) and of the part-of-speech model's fixed class, per word form. Computing them
/// takes several passes over the word's characters and a case-insensitive dictionary lookup; most tokens are frequent
/// words, so they are read back instead. Used by one call at a time (the tagger pools them, see <see cref="TaggerScratch"/>).
/// </summary>
/// <remarks>
/// Direct-mapped, keyed by the characters themselves (compared exactly, so a hit gives what computing would), for words
/// of at most <see cref="MaxLength"/> characters; longer ones are always computed. A slot is chosen from the word's
/// length and its first and last four characters, which is cheap and spreads the words of running text well enough.
/// </remarks>
internal sealed class TokenInfoCache
{
    /// <summary>Longest word that is memoised.</summary>
    public const int MaxLength = 16;

    private readonly char[] _chars;
    private readonly byte[] _lengths; // length + 1; 0 = empty
    private readonly TokenInfo[] _infos;
    private readonly int[] _fixed;
    private readonly int _shift;

    /// <param name="bits">The cache has 2^<paramref name="bits"/> entries.</param>
    public TokenInfoCache(int bits)
    {
        _shift = 64 - bits;
        _chars = new char[MaxLength << bits];
        _lengths = new byte[1 << bits];
        _infos = new TokenInfo[1 << bits];
        _fixed = new int[1 << bits];
    }

    /// <summary>
    /// Fills <paramref name="info"/> as <see cref="TokenInfo.Compute"/> does, and returns <paramref name="fixedWords"/>'
    /// class of the token (−1 when none). <paramref name="fixedWords"/> must be the same for every call on this instance.
    /// </summary>
    public int Get(ReadOnlySpan<char> text, int start, int end, bool sentenceStart, FixedClasses fixedWords, out TokenInfo info)
    {
        var word = text[start..end];
        var context = TokenInfo.Context(text, start, end, sentenceStart);
        if (word.Length > MaxLength)
        {
            TokenInfo.ComputeWord(word, out info);
            info.Flags |= context;
            return fixedWords.Of(info.Raw);
        }

        int slot = Slot(word);
        var stored = _chars.AsSpan(slot * MaxLength, word.Length);
        if (_lengths[slot] == word.Length + 1 && word.SequenceEqual(stored))
        {
            info = _infos[slot];
            info.Flags |= context;
            return _fixed[slot];
        }

        TokenInfo.ComputeWord(word, out info);
        int known = fixedWords.Of(info.Raw);
        word.CopyTo(stored);
        _lengths[slot] = (byte)(word.Length + 1);
        _infos[slot] = info;
        _fixed[slot] = known;
        info.Flags |= context;
        return known;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ReadOnlySpan<char> word)
    {
        ulong head, tail;
        if (word.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(word);
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes[^8..]);
        }
        else
        {
            head = 0;
            foreach (var c in word)
            {
                head = (head << 16) | c;
            }

            tail = 0;
        }

        ulong h = (head * 0x9E3779B97F4A7C15UL) ^ ((tail + (ulong)word.Length) * 0xBF58476D1CE4E5B9UL);
        return (int)(((h ^ (h >> 29)) * 0x94D049BB133111EBUL) >> _shift);
    }
}

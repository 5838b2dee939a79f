namespace QuoteExtract.Resolution;

/// <summary>
/// A bit per (length, first character) pair that some word of a fixed set has, so that a lookup can turn most words
/// away before hashing them: the resolver asks its word lists about nearly every token's key, and few keys have the
/// length and first letter of a listed word. A superset test: true may still be a miss, false never is.
/// </summary>
internal sealed class WordFilter
{
    // Longer words share the last length row, characters from 127 on (non-ASCII) the last column.
    private const int Lengths = 32;
    private const int Characters = 128;

    private readonly ulong[] _bits = new ulong[Lengths * Characters / 64];

    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            int bit = Bit(word);
            _bits[bit >> 6] |= 1UL << bit;
        }
    }

    /// <summary>False when no word of the set has the length and first character of <paramref name="word"/>.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        int bit = Bit(word);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    private static int Bit(ReadOnlySpan<char> word) =>
        (Math.Min(word.Length, Lengths - 1) * Characters) + (word.IsEmpty ? 0 : Math.Min((int)word[0], Characters - 1));
}

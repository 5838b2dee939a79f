namespace QuoteExtract.Text;

/// <summary>
/// Lower-casing as <see cref="string.ToLowerInvariant()"/> does it, into a caller's buffer. Nearly every word is ASCII
/// and short, so those go through a plain loop: the library call's set-up costs more than the work on such words.
/// </summary>
internal static class InvariantLowerCase
{
    /// <summary>Writes <paramref name="word"/> lower-cased to <paramref name="destination"/> (at least as long) and gives the length written.</summary>
    public static int Write(ReadOnlySpan<char> word, Span<char> destination) => Write(word, destination, out _);

    /// <summary>
    /// Writes <paramref name="word"/> lower-cased to <paramref name="destination"/> (at least as long) and gives the
    /// length written; <paramref name="ascii"/> tells whether the word was all ASCII (so a caller can skip work that only
    /// other characters need).
    /// </summary>
    public static int Write(ReadOnlySpan<char> word, Span<char> destination, out bool ascii)
    {
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (c >= 0x80)
            {
                ascii = false;
                return word.ToLowerInvariant(destination);
            }

            destination[i] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        ascii = true;
        return word.Length;
    }
}

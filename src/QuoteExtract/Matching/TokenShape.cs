namespace QuoteExtract.Matching;

/// <summary>
/// Word shapes with runs collapsed: upper-case letters become X, lower-case x, digits d, other characters
/// stay, and repeats of the same symbol collapse to one. So <c>Xxxx</c> and <c>Xx</c> both mean "capitalised",
/// <c>XXXX</c> means "all capitals", <c>dd</c> "all digits", and <c>X.X.</c> matches U.S. and U.N.
/// </summary>
internal static class TokenShape
{
    /// <summary>Longest collapsed shape that can match; longer tokens get no shape.</summary>
    public const int MaxLength = 32;

    /// <summary>The shape symbol of one character.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static char Symbol(char c) => c < 128 ? AsciiSymbols[c] : char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;

    private static readonly char[] AsciiSymbols = Enumerable.Range(0, 128)
        .Select(i => (char)i)
        .Select(c => char.IsAsciiLetterUpper(c) ? 'X' : char.IsAsciiLetterLower(c) ? 'x' : char.IsAsciiDigit(c) ? 'd' : c)
        .ToArray();

    /// <summary>Writes the collapsed shape of <paramref name="token"/> to <paramref name="shape"/>; returns its length, or -1 if too long.</summary>
    public static int Collapse(ReadOnlySpan<char> token, Span<char> shape)
    {
        int n = 0;
        char last = '\0';
        foreach (var c in token)
        {
            char s = Symbol(c);
            if (s == last)
            {
                continue;
            }

            if (n == shape.Length)
            {
                return -1;
            }

            shape[n++] = s;
            last = s;
        }

        return n;
    }

    /// <summary>Normalises a shape written in a rule (already in X/x/d symbols) by collapsing its runs.</summary>
    public static string CollapsePattern(string shape)
    {
        var builder = new System.Text.StringBuilder(shape.Length);
        foreach (var c in shape)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

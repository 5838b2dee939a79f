namespace QuoteExtract.Text;

/// <summary>
/// One token: a range of the original text (never a copy) and its kind.
/// A value type so that a document's tokens live in one array with no per-token allocation.
/// </summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Exclusive end offset.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}

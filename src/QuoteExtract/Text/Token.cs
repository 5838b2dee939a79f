namespace QuoteExtract.Text;

/// <summary>
/// One token: a range of the original text (never a copy), its kind and layout flags.
/// A value type so that a document's tokens live in one array with no per-token allocation.
/// </summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags = TokenFlags.None)
{
    /// <summary>Exclusive end offset.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>True when every flag in <paramref name="flags"/> is set.</summary>
    public bool Has(TokenFlags flags) => (Flags & flags) == flags;

    /// <summary>The three-part deconstruction callers used before flags existed.</summary>
    public void Deconstruct(out int start, out int length, out TokenKind kind)
    {
        start = Start;
        length = Length;
        kind = Kind;
    }
}

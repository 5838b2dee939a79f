namespace QuoteExtract.Text;

/// <summary>The family of a quotation's marks: double (“ ” " `` '' « ») or single (‘ ’ ' `).</summary>
internal enum QuoteStyle : byte
{
    /// <summary>Double marks, the usual outer quotation in English news.</summary>
    Double,
    /// <summary>Single marks, the usual nested quotation.</summary>
    Single,
}

/// <summary>
/// A quotation found by pairing quote marks: the range from its opening mark to its closing mark (both included).
/// An unclosed quotation ends at the end of its paragraph and has <see cref="CloseToken"/> -1.
/// </summary>
/// <param name="Start">Offset of the opening mark.</param>
/// <param name="End">End offset (exclusive) of the closing mark, or of the last token before the bound.</param>
/// <param name="OpenToken">Index of the token holding the opening mark.</param>
/// <param name="CloseToken">Index of the token holding the closing mark, or -1 when unclosed.</param>
/// <param name="LastToken">Index of the last token of the quotation (the closing mark when closed).</param>
/// <param name="Depth">0 for an outermost quotation, 1 for a quotation inside it, and so on.</param>
/// <param name="Style">Double or single marks.</param>
/// <param name="ParagraphSpanning">True when the quotation runs over a paragraph break (the next paragraph reopened it).</param>
internal readonly record struct Quotation(int Start, int End, int OpenToken, int CloseToken, int LastToken, int Depth, QuoteStyle Style, bool ParagraphSpanning)
{
    /// <summary>True when a closing mark was found.</summary>
    public bool IsClosed => CloseToken >= 0;

    /// <summary>Index of the first token inside the marks.</summary>
    public int FirstInnerToken => OpenToken + 1;

    /// <summary>Index one past the last token inside the marks.</summary>
    public int EndInnerToken => IsClosed ? CloseToken : LastToken + 1;
}

namespace QuoteExtract.Text;

/// <summary>Layout and quote-mark facts about a token that later layers need without rescanning the text.</summary>
[Flags]
internal enum TokenFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>Whitespace (or a skipped invisible character) precedes the token.</summary>
    SpaceBefore = 1,
    /// <summary>A line break precedes the token.</summary>
    NewlineBefore = 2,
    /// <summary>A blank line (paragraph break) precedes the token.</summary>
    ParagraphBreakBefore = 4,
    /// <summary>A quote mark that opens a quotation by its shape or position.</summary>
    OpeningQuote = 8,
    /// <summary>A quote mark that closes a quotation by its shape or position.</summary>
    ClosingQuote = 16,
    /// <summary>An apostrophe (clitic, elision, possessive) rather than a quote mark.</summary>
    Apostrophe = 32,
    /// <summary>An abbreviation's period split off at a sentence end (CoreNLP's extra period).</summary>
    AbbreviationPeriod = 64,
}

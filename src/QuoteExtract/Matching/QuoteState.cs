namespace QuoteExtract.Matching;

/// <summary>
/// Per-token quotation state, supplied by the quote analysis (an optional input of the matcher, so the
/// engine does not depend on how quotes are found).
/// </summary>
[Flags]
internal enum QuoteState : byte
{
    /// <summary>Outside any quotation.</summary>
    None = 0,
    /// <summary>The token lies inside a quotation (the quote marks themselves included).</summary>
    Inside = 1,
    /// <summary>The token is an opening quote mark.</summary>
    Opening = 2,
    /// <summary>The token is a closing quote mark.</summary>
    Closing = 4,
}

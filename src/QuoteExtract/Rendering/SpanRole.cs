namespace QuoteExtract.Rendering;

/// <summary>The part a highlighted span plays in a quote. Declared in painting order: a later role wins the colour.</summary>
internal enum SpanRole
{
    Content,
    Cue,
    Speaker,
}

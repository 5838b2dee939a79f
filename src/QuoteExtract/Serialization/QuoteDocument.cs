namespace QuoteExtract.Serialization;

/// <summary>One document's output as the command-line tool writes it: one JSON Lines record per input.</summary>
/// <param name="Source">The input's path, or <c>-</c> for standard input.</param>
/// <param name="Quotes">The document's quotes.</param>
/// <param name="Entities">The document's speaker entities.</param>
public sealed record QuoteDocument(string Source, IReadOnlyList<Quote> Quotes, IReadOnlyList<SpeakerEntity> Entities)
{
    /// <summary>Wraps a result with the name of its source.</summary>
    /// <param name="source">The input's path or name.</param>
    /// <param name="result">The extraction result.</param>
    /// <returns>The document record.</returns>
    public static QuoteDocument From(string source, QuoteExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new QuoteDocument(source, result.Quotes, result.Entities);
    }
}

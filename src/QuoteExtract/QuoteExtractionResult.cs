namespace QuoteExtract;

/// <summary>Everything extracted from one document.</summary>
/// <param name="Quotes">Attributions in document order of their content.</param>
/// <param name="Entities">
/// Every named person of the document (speaker or not), and the other entities that quotes are attributed to,
/// including unnamed groups (<see cref="EntityKind.Unnamed"/>) whose quotes carry a null <see cref="Quote.Entity"/>.
/// </param>
/// <param name="Diagnostics">Notes on the input (truncation, unbalanced quotation marks, …).</param>
public sealed record QuoteExtractionResult(
    IReadOnlyList<Quote> Quotes,
    IReadOnlyList<SpeakerEntity> Entities,
    IReadOnlyList<ExtractionDiagnostic> Diagnostics)
{
    /// <summary>A result with nothing in it.</summary>
    public static QuoteExtractionResult Empty { get; } = new([], [], []);
}

using System.Text.Json.Serialization;
using QuoteExtract.Rendering;

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

    /// <summary>
    /// The text that the offsets refer to: the document as extracted (after truncation to
    /// <see cref="QuoteExtractorOptions.MaxDocumentLength"/>). The extractor sets it without copying the string; null
    /// for a result built or deserialized without it. Not serialized: the caller already has the document.
    /// </summary>
    [JsonIgnore]
    public string? Text { get; init; }

    /// <summary>
    /// An HTML fragment for people: the text with every speaker, cue and content highlighted (when
    /// <see cref="Text"/> is known), then a table of the quotes with their resolved speakers, then any diagnostics.
    /// Everything taken from the document is HTML-encoded. This is what notebooks display for a result.
    /// </summary>
    /// <returns>A self-contained <c>&lt;div&gt;</c> with its own scoped style.</returns>
    public string ToHtml() => HtmlRenderer.Render(this);

    /// <summary>A Markdown table of the quotes with their resolved speakers, then any diagnostics.</summary>
    /// <returns>GitHub-flavoured Markdown; text from the document is escaped so that it cannot break the table.</returns>
    public string ToMarkdown() => MarkdownRenderer.Render(this);
}

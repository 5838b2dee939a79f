using System.Text.Json.Serialization;
using QuoteExtract.Serialization;

namespace QuoteExtract;

/// <summary>One attribution: who (speaker), how (cue) and what (content), with exact offsets.</summary>
/// <param name="Kind">Direct, indirect or mixed.</param>
/// <param name="Category">Speech, belief or other.</param>
/// <param name="Content">What was attributed. For direct quotes the span includes the quotation marks.</param>
/// <param name="Cue">The words that signal the attribution (<c>said</c>, <c>according to</c>), if any.</param>
/// <param name="Speaker">The mention of the source in the text (<c>he</c>, <c>Putin</c>), if any.</param>
/// <param name="Entity">
/// The named document entity the speaker resolves to, if resolved. Null for an unnamed source (<c>some observers</c>,
/// <c>they</c> referring to them): that group is an <see cref="EntityKind.Unnamed"/> entity in
/// <see cref="QuoteExtractionResult.Entities"/>, with its mentions, but never the quote's entity.
/// </param>
/// <param name="Confidence">Probability-like score in [0, 1] that the attribution is right.</param>
[JsonConverter(typeof(QuoteConverter))]
public sealed record Quote(
    QuoteKind Kind,
    QuoteCategory Category,
    TextSpan Content,
    TextSpan? Cue,
    TextSpan? Speaker,
    [property: JsonConverter(typeof(EntityReferenceConverter))] SpeakerEntity? Entity,
    double Confidence)
{
    /// <summary>
    /// The pieces of a discontinuous content (<c>“A,” he said, “B.”</c>, or a quotation that continues an
    /// attribution after its cue), in text order and inside <see cref="Content"/>, which covers them all; null when
    /// the content is one piece. Serialized as a list in place of <c>content</c>.
    /// </summary>
    public IReadOnlyList<TextSpan>? ContentFragments { get; init; }

    /// <summary>
    /// Confidence in [0, 1] of the speaker resolution: how sure the resolver is that the speaker refers to
    /// <see cref="Entity"/> (or, for an unnamed source, to its group). Null when the quote has no speaker mention or
    /// speaker resolution is off.
    /// </summary>
    public double? EntityConfidence { get; init; }
}

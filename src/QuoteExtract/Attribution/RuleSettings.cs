using System.Globalization;
using QuoteExtract.Matching;

namespace QuoteExtract.Attribution;

/// <summary>
/// What <see cref="CandidateReader"/> reads of a rule's metadata and captures for every match, worked out once per
/// rule: a metadata lookup, a capture search by name and a number parse per match added up to a tenth of reading.
/// </summary>
/// <param name="Role">The <c>role</c> metadata (<c>clause</c> when missing).</param>
/// <param name="Prior">The <c>confidence</c> metadata as a number (0.5 when missing or not a number).</param>
/// <param name="Category">The category the <c>category</c> metadata fixes; null when the cue's word decides (<c>lexicon</c>, the default, or any other value).</param>
/// <param name="WholeParagraph">True when the <c>extent</c> metadata is <c>paragraph</c>.</param>
/// <param name="Speaker">The index of the <c>speaker</c> capture, or −1.</param>
/// <param name="Cue">The index of the <c>cue</c> capture, or −1.</param>
/// <param name="Content">The index of the <c>content</c> capture, or −1.</param>
internal sealed record RuleSettings(string Role, double Prior, QuoteCategory? Category, bool WholeParagraph, int Speaker, int Cue, int Content)
{
    /// <summary>The settings of <paramref name="rule"/>.</summary>
    public static RuleSettings Of(CompiledRule rule) => new(
        rule.Meta("role", "clause"),
        double.TryParse(rule.Meta("confidence", "0.5"), CultureInfo.InvariantCulture, out var prior) ? prior : 0.5,
        rule.Meta("category", "lexicon") switch
        {
            "speech" => QuoteCategory.Speech,
            "belief" => QuoteCategory.Belief,
            "other" => QuoteCategory.Other,
            _ => null,
        },
        rule.Meta("extent", "sentence") == "paragraph",
        rule.CaptureIndex("speaker"),
        rule.CaptureIndex("cue"),
        rule.CaptureIndex("content"));
}

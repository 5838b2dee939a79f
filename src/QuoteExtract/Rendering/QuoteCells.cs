using System.Globalization;

namespace QuoteExtract.Rendering;

/// <summary>The plain-text cells of a quote's row, shared by the HTML and Markdown tables so both say the same.</summary>
internal static class QuoteCells
{
    public const string None = "—";

    public static string Speaker(Quote quote) => quote.Speaker?.Text ?? None;

    public static string EntityName(Quote quote) => quote.Entity?.Name ?? None;

    /// <summary>The entity's type, and its gender when the text states one: <c>person, female</c>.</summary>
    public static string EntityDetail(Quote quote) => quote.Entity switch
    {
        null => "",
        { Gender: Gender.Unknown } e => Name(e.Type),
        var e => $"{Name(e.Type)}, {Name(e.Gender)}",
    };

    public static string Cue(Quote quote) => quote.Cue?.Text ?? None;

    /// <summary>The content; a discontinuous one as its fragments joined by an ellipsis, without the cue between them.</summary>
    public static string Content(Quote quote) =>
        quote.ContentFragments is { Count: > 1 } parts ? string.Join(" … ", parts.Select(p => p.Text)) : quote.Content.Text;

    public static string Confidence(Quote quote) => quote.Confidence.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The headline of a rendered result: <c>3 quotes, 1 entity</c>.</summary>
    public static string Summary(QuoteExtractionResult result) =>
        $"{Count(result.Quotes.Count, "quote", "quotes")}, {Count(result.Entities.Count, "entity", "entities")}";

    /// <summary>Enum values as the JSON writes them.</summary>
    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Count(int n, string singular, string plural) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural);
}

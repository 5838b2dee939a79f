using System.Text.Encodings.Web;
using System.Text.Json;
using QuoteExtract.Serialization;

namespace QuoteExtract.Cli.Output;

/// <summary>The library's JSON context with relaxed escaping, so quotation marks and accents stay readable.</summary>
internal static class JsonOutput
{
    public static QuoteJsonContext Context { get; } = new(new JsonSerializerOptions(QuoteJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(string source, QuoteExtractionResult result) =>
        JsonSerializer.Serialize(QuoteDocument.From(source, result), Context.QuoteDocument);
}

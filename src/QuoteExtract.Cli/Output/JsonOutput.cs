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

    /// <summary>
    /// Writes one document record to <paramref name="output"/>. A UTF-8 file writer gets the serializer's UTF-8 bytes
    /// directly on its stream: going through a string would transcode every record to UTF-16 and back (tens of MB on
    /// a large run) for the same bytes. Any other writer (the console, the tests' string writers) gets the string.
    /// </summary>
    public static void Write(TextWriter output, string source, QuoteExtractionResult result)
    {
        if (output is StreamWriter { Encoding.CodePage: 65001 } file)
        {
            // Whatever the writer still buffers (a separator, the previous line's end) must reach the stream first.
            file.Flush();
            JsonSerializer.Serialize(file.BaseStream, QuoteDocument.From(source, result), Context.QuoteDocument);
        }
        else
        {
            output.Write(Serialize(source, result));
        }
    }
}

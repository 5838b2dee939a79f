using System.Globalization;

namespace QuoteExtract.Cli.Output;

/// <summary>CSV (RFC 4180): a header, then one row per quote.</summary>
internal sealed class CsvWriter(TextWriter output) : IResultWriter
{
    private static readonly string[] Header =
    [
        "source", "kind", "category", "confidence", "speaker", "speaker_start", "speaker_end",
        "cue", "cue_start", "cue_end", "content", "content_start", "content_end", "entity_id", "entity_name",
    ];

    private bool _headerWritten;

    public void Write(string source, QuoteExtractionResult result)
    {
        WriteHeaderOnce();
        foreach (var q in result.Quotes)
        {
            WriteRow(
            [
                source, Name(q.Kind), Name(q.Category), q.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                q.Speaker?.Text, q.Speaker?.Start.ToString(CultureInfo.InvariantCulture), q.Speaker?.End.ToString(CultureInfo.InvariantCulture),
                q.Cue?.Text, q.Cue?.Start.ToString(CultureInfo.InvariantCulture), q.Cue?.End.ToString(CultureInfo.InvariantCulture),
                q.Content.Text, q.Content.Start.ToString(CultureInfo.InvariantCulture), q.Content.End.ToString(CultureInfo.InvariantCulture),
                q.Entity?.Id, q.Entity?.Name,
            ]);
        }

        output.Flush();
    }

    public void Finish()
    {
        WriteHeaderOnce();
        output.Flush();
    }

    private void WriteHeaderOnce()
    {
        if (!_headerWritten)
        {
            WriteRow(Header);
            _headerWritten = true;
        }
    }

    private void WriteRow(string?[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            output.Write(Escape(fields[i] ?? ""));
        }

        output.Write("\r\n");
    }

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

using System.Globalization;
using System.Text;

namespace QuoteExtract.Rendering;

/// <summary>
/// Renders a result as GitHub-flavoured Markdown: a table of quotes, then the diagnostics. Markdown cannot mark
/// overlapping ranges, so the text itself is not reproduced; the table's content column carries what was said.
/// </summary>
internal static class MarkdownRenderer
{
    public static string Render(QuoteExtractionResult result)
    {
        var md = new StringBuilder();
        md.Append(QuoteCells.Summary(result)).Append(".\n\n");
        if (result.Quotes.Count > 0)
        {
            md.Append("| # | Speaker | Entity | Cue | Kind | Category | Confidence | Content |\n")
              .Append("|--:|---|---|---|---|---|--:|---|\n");
            for (int i = 0; i < result.Quotes.Count; i++)
            {
                var q = result.Quotes[i];
                var entity = QuoteCells.EntityDetail(q) is { Length: > 0 } detail
                    ? $"{QuoteCells.EntityName(q)} ({detail})"
                    : QuoteCells.EntityName(q);
                md.Append(CultureInfo.InvariantCulture, $"| {i + 1} ");
                foreach (var cell in new[]
                         {
                             QuoteCells.Speaker(q), entity, QuoteCells.Cue(q), QuoteCells.Name(q.Kind),
                             QuoteCells.Name(q.Category), QuoteCells.Confidence(q), QuoteCells.Content(q),
                         })
                {
                    md.Append("| ").Append(Escape(cell)).Append(' ');
                }

                md.Append("|\n");
            }
        }

        if (result.Diagnostics.Count > 0)
        {
            md.Append("\nDiagnostics:\n\n");
            foreach (var d in result.Diagnostics)
            {
                md.Append("- ").Append(Escape(d.Code)).Append(": ").Append(Escape(d.Message)).Append('\n');
            }
        }

        return md.ToString();
    }

    /// <summary>
    /// Makes document text literal inside a table cell: line breaks become spaces (a row is one line) and every
    /// character that Markdown or inline HTML would interpret is backslash-escaped.
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n':
                    if (escaped.Length == 0 || escaped[^1] != ' ')
                    {
                        escaped.Append(' ');
                    }

                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '~' or '#' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}

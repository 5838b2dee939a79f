using System.Globalization;
using System.Net;
using System.Text;

namespace QuoteExtract.Rendering;

/// <summary>
/// Renders a result as an HTML fragment: the highlighted text, a table of quotes and the diagnostics. Every piece
/// of the document goes through <see cref="WebUtility.HtmlEncode(string)"/>; the markup around it is fixed.
/// </summary>
internal static class HtmlRenderer
{
    // Scoped to .qx-result so that a notebook page with other output is not restyled. Translucent colours
    // read on light and dark themes alike; a content keeps its underline where a speaker or cue paints over it.
    private const string Style = """
        <style>
        .qx-result .qx-text{white-space:pre-wrap;line-height:1.7;max-width:60em}
        .qx-result mark{color:inherit;border-radius:.2em}
        .qx-result mark.qx-content{background:rgba(255,196,0,.22);border-bottom:2px solid rgba(230,150,0,.85)}
        .qx-result mark.qx-cue{background:rgba(0,130,255,.28)}
        .qx-result mark.qx-speaker{background:rgba(40,170,70,.35);font-weight:600}
        .qx-result sup.qx-n{font-size:.7em;opacity:.7;margin-right:.1em}
        .qx-result table.qx-quotes{border-collapse:collapse;margin:.6em 0}
        .qx-result table.qx-quotes th,.qx-result table.qx-quotes td{border:1px solid rgba(128,128,128,.45);padding:.2em .5em;text-align:left;vertical-align:top}
        .qx-result .qx-dim{opacity:.7;font-size:.85em}
        </style>
        """;

    public static string Render(QuoteExtractionResult result)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"qx-result\">").Append(Style).Append('\n');
        html.Append("<p class=\"qx-summary\">").Append(QuoteCells.Summary(result)).Append(". ")
            .Append("<mark class=\"qx-speaker\">speaker</mark> <mark class=\"qx-cue\">cue</mark> <mark class=\"qx-content\">content</mark></p>\n");
        if (result.Text is { } text)
        {
            AppendText(html, text, result.Quotes);
        }

        AppendTable(html, result.Quotes);
        AppendDiagnostics(html, result.Diagnostics);
        html.Append("</div>");
        return html.ToString();
    }

    private static void AppendText(StringBuilder html, string text, IReadOnlyList<Quote> quotes)
    {
        html.Append("<div class=\"qx-text\">");
        foreach (var piece in HighlightLayout.Cut(text, quotes))
        {
            if (piece.ContentStarts.Count > 0)
            {
                html.Append("<sup class=\"qx-n\">")
                    .AppendJoin(',', piece.ContentStarts.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)))
                    .Append("</sup>");
            }

            var encoded = WebUtility.HtmlEncode(text[piece.Start..piece.End]);
            if (piece.Marks.Count == 0)
            {
                html.Append(encoded);
                continue;
            }

            var roles = piece.Marks.Select(m => m.Role).Distinct().Order().Select(r => "qx-" + QuoteCells.Name(r));
            var numbers = piece.Marks.Select(m => m.Quote + 1).Distinct();
            var title = string.Join("; ", piece.Marks.Select(m => Describe(quotes[m.Quote], m)));
            html.Append("<mark class=\"").AppendJoin(' ', roles)
                .Append("\" data-quotes=\"").AppendJoin(' ', numbers)
                .Append("\" title=\"").Append(WebUtility.HtmlEncode(title)).Append("\">")
                .Append(encoded)
                .Append("</mark>");
        }

        html.Append("</div>\n");
    }

    private static string Describe(Quote quote, HighlightMark mark)
    {
        var who = quote.Entity?.Name ?? quote.Speaker?.Text;
        var role = QuoteCells.Name(mark.Role);
        return who is null ? $"{mark.Quote + 1}: {role}" : $"{mark.Quote + 1}: {role} ({who})";
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<Quote> quotes)
    {
        if (quotes.Count == 0)
        {
            html.Append("<p class=\"qx-none\">No quotes found.</p>\n");
            return;
        }

        html.Append("<table class=\"qx-quotes\"><thead><tr><th>#</th><th>Speaker</th><th>Entity</th><th>Cue</th>")
            .Append("<th>Kind</th><th>Category</th><th>Confidence</th><th>Content</th></tr></thead><tbody>\n");
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td>");
            Cell(html, QuoteCells.Speaker(q));
            html.Append("<td>").Append(WebUtility.HtmlEncode(QuoteCells.EntityName(q)));
            if (QuoteCells.EntityDetail(q) is { Length: > 0 } detail)
            {
                html.Append(" <span class=\"qx-dim\">").Append(WebUtility.HtmlEncode(detail)).Append("</span>");
            }

            html.Append("</td>");
            Cell(html, QuoteCells.Cue(q));
            Cell(html, QuoteCells.Name(q.Kind));
            Cell(html, QuoteCells.Name(q.Category));
            Cell(html, QuoteCells.Confidence(q));
            Cell(html, QuoteCells.Content(q));
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendDiagnostics(StringBuilder html, IReadOnlyList<ExtractionDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"qx-diagnostics\">");
        foreach (var d in diagnostics)
        {
            html.Append("<li><code>").Append(WebUtility.HtmlEncode(d.Code)).Append("</code> ")
                .Append(WebUtility.HtmlEncode(d.Message)).Append("</li>");
        }

        html.Append("</ul>\n");
    }

    private static void Cell(StringBuilder html, string text) =>
        html.Append("<td>").Append(WebUtility.HtmlEncode(text)).Append("</td>");
}

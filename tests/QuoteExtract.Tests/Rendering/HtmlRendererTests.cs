using System.Xml.Linq;

namespace QuoteExtract.Tests.Rendering;

public sealed class HtmlRendererTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    [Fact]
    public void The_highlighted_text_reads_exactly_as_the_document()
    {
        const string text = "The vote was close.\n\n“We will build it,” said Jane Okoro. Okoro said that the wall would be finished by 2029.";
        var result = Extractor.Extract(text);

        var html = Parse(result.ToHtml());

        var body = Element(html, "div", "qx-text");
        DocumentText(body).Should().Be(text);
        Marks(html, "qx-speaker").Select(m => m.Value).Should().Contain("Jane Okoro");
        Marks(html, "qx-cue").Select(m => m.Value).Should().Contain("said");
        Marks(html, "qx-content").Select(m => m.Value).Should().Contain("“We will build it,”");
        body.Elements("sup").Select(s => s.Value).Should().Equal(Enumerable.Range(1, result.Quotes.Count).Select(i => i.ToString()));
    }

    [Fact]
    public void The_table_has_one_row_per_quote_with_the_resolved_speaker()
    {
        var result = Extractor.Extract("“We will build it,” said Jane Okoro. “It will hold,” she added.");

        var rows = Element(Parse(result.ToHtml()), "table", "qx-quotes").Element("tbody")!.Elements("tr").ToList();

        rows.Should().HaveCount(result.Quotes.Count).And.HaveCountGreaterThanOrEqualTo(2);
        var cells = rows.Select(r => r.Elements("td").Select(c => c.Value).ToList()).ToList();
        cells.Should().Contain(c => c[1] == "she" && c[2].StartsWith("Jane Okoro", StringComparison.Ordinal));
        cells.Select(c => c[0]).Should().Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString()));
    }

    [Fact]
    public void Markup_in_the_document_is_encoded_everywhere()
    {
        const string text = "<script>alert(1)</script> & more";
        var hostile = new SpeakerEntity("e1", "A \"B\" <i>C</i>", EntityKind.Person, Gender.Unknown, []);
        var quote = new Quote(
            QuoteKind.Indirect, QuoteCategory.Speech, TextSpan.Of(text, 0, 25), TextSpan.Of(text, 26, 27), null, hostile, 0.5);
        var result = new QuoteExtractionResult([quote], [hostile], [new ExtractionDiagnostic("x<y", "a <b> message")]) { Text = text };

        var markup = result.ToHtml();
        var html = Parse(markup);

        markup.Should().NotContain("<script>").And.NotContain("<i>").And.NotContain("<b>").And.Contain("&lt;script&gt;");
        DocumentText(Element(html, "div", "qx-text")).Should().Be(text);
        Marks(html, "qx-content").Single().Attribute("title")!.Value.Should().Be("1: content (A \"B\" <i>C</i>)");
        html.Descendants("td").Select(td => td.Value).Should().Contain(["<script>alert(1)</script>", "A \"B\" <i>C</i> person"]);
        html.Descendants("li").Single().Value.Should().Be("x<y a <b> message");
    }

    [Fact]
    public void Overlapping_spans_become_one_mark_with_every_role()
    {
        const string text = "Okoro said that Ruiz believes it works.";
        var outer = new Quote(QuoteKind.Indirect, QuoteCategory.Speech, TextSpan.Of(text, 11, 38), TextSpan.Of(text, 6, 10), TextSpan.Of(text, 0, 5), null, 0.8);
        var inner = new Quote(QuoteKind.Indirect, QuoteCategory.Belief, TextSpan.Of(text, 30, 38), TextSpan.Of(text, 21, 29), TextSpan.Of(text, 16, 20), null, 0.7);
        var result = new QuoteExtractionResult([outer, inner], [], []) { Text = text };

        var ruiz = Parse(result.ToHtml()).Descendants("mark").Single(m => m.Value == "Ruiz");

        ruiz.Attribute("class")!.Value.Should().Be("qx-content qx-speaker");
        ruiz.Attribute("data-quotes")!.Value.Should().Be("1 2");
    }

    [Fact]
    public void Without_the_text_only_the_table_is_rendered()
    {
        var result = Extractor.Extract("“We will build it,” said Jane Okoro.") with { Text = null };

        var html = Parse(result.ToHtml());

        html.Descendants("div").Should().NotContain(d => (string?)d.Attribute("class") == "qx-text");
        Element(html, "table", "qx-quotes").Element("tbody")!.Elements("tr").Should().ContainSingle();
    }

    [Fact]
    public void An_empty_result_says_so()
    {
        var html = Parse(Extractor.Extract("Nothing was said here.").ToHtml());

        html.Descendants("p").Should().Contain(p => p.Value == "No quotes found.");
        html.Descendants("table").Should().BeEmpty();
    }

    /// <summary>The renderer writes well-formed markup: parsing it as XML proves the elements nest properly.</summary>
    private static XElement Parse(string html) => XElement.Parse(html, LoadOptions.PreserveWhitespace);

    /// <summary>The text of the highlighted document without the quote-number labels.</summary>
    private static string DocumentText(XElement body) =>
        string.Concat(body.DescendantNodes().OfType<XText>().Where(t => t.Parent!.Name != "sup").Select(t => t.Value));

    private static XElement Element(XElement root, string name, string cssClass) =>
        root.Descendants(name).Single(e => (string?)e.Attribute("class") == cssClass);

    private static IEnumerable<XElement> Marks(XElement root, string cssClass) =>
        Element(root, "div", "qx-text").Descendants("mark")
            .Where(m => ((string?)m.Attribute("class"))!.Split(' ').Contains(cssClass));
}

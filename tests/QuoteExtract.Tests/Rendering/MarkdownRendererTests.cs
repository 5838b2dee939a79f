namespace QuoteExtract.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Each_quote_is_one_table_row_with_the_resolved_speaker()
    {
        var result = QuoteExtractor.CreateDefault().Extract("“We will build it,” said Jane Okoro. “It will hold,” she added.");

        var rows = Rows(result.ToMarkdown());

        rows.Should().HaveCount(result.Quotes.Count + 2, "a header, a delimiter row and one row per quote");
        rows[0].Should().Equal("#", "Speaker", "Entity", "Cue", "Kind", "Category", "Confidence", "Content");
        rows.Skip(2).Should().Contain(r => r[1] == "she" && r[2] == "Jane Okoro (person, female)" && r[3] == "added");
    }

    [Fact]
    public void Text_that_would_break_the_table_or_inject_markup_is_escaped()
    {
        const string text = "a | b\n<b>*c*</b> [d](e)";
        var quote = new Quote(QuoteKind.Indirect, QuoteCategory.Speech, TextSpan.Of(text, 0, text.Length), null, null, null, 0.5);

        var markdown = new QuoteExtractionResult([quote], [], []) { Text = text }.ToMarkdown();

        var row = Rows(markdown)[2];
        row.Should().HaveCount(8, "the pipe in the content is escaped, not a column separator");
        row[7].Should().Be(@"a \| b \<b\>\*c\*\</b\> \[d\](e)");
        markdown.Should().NotContain("<b>");
    }

    [Fact]
    public void Diagnostics_are_listed_even_without_quotes()
    {
        var result = new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = 10 }).Extract("A long enough text to be cut.");

        result.ToMarkdown().Should().Contain("- text-truncated: ").And.NotContain("| # |");
    }

    /// <summary>Table rows split into cells at the pipes that are not escaped.</summary>
    private static List<List<string>> Rows(string markdown) => markdown.Split('\n')
        .Where(line => line.StartsWith('|'))
        .Select(line => System.Text.RegularExpressions.Regex.Split(line.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToList())
        .ToList();
}

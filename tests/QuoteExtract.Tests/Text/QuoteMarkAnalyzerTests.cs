using System.Diagnostics;
using System.Text;
using QuoteExtract.Text;
using static QuoteExtract.Tests.Text.TextAssert;

namespace QuoteExtract.Tests.Text;

public sealed class QuoteMarkAnalyzerTests
{
    [Fact]
    public void Curly_double_quotes_pair_with_exact_offsets_and_tokens()
    {
        var analyzed = TextAnalyzer.Analyze("“Hello, world,” she said.");
        analyzed.Quotations.ToArray().Should().Equal(new Quotation(0, 15, 0, 5, 5, 0, QuoteStyle.Double, false));
        analyzed.Quotations[0].FirstInnerToken.Should().Be(1);
        analyzed.Quotations[0].EndInnerToken.Should().Be(5);
        Enumerable.Range(0, analyzed.Tokens.Length).Select(analyzed.QuotationAt).Should().Equal(0, 0, 0, 0, 0, 0, -1, -1, -1);
    }

    [Theory]
    [InlineData("He said \"no\" twice.", "\"no\"")]
    [InlineData("He said ``no'' twice.", "``no''")]
    [InlineData("He said «no» twice.", "«no»")]
    [InlineData("He said ‘no’ twice.", "‘no’")]
    [InlineData("He said 'no' twice.", "'no'")]
    public void Every_style_pairs(string text, string quotation)
    {
        QuotationTexts(TextAnalyzer.Analyze(text)).Should().Equal(quotation);
    }

    [Fact]
    public void Nyt_style_doubled_apostrophes_open_and_close()
    {
        var analyzed = TextAnalyzer.Analyze("''His plan works,'' said Mr. Li. ''I said, 'Go.' ''");
        QuotationTexts(analyzed).Should().Equal("''His plan works,''", "''I said, 'Go.' ''", "'Go.'");
        analyzed.Quotations[0].CloseToken.Should().Be(5);
    }

    [Fact]
    public void Nyt_style_triple_apostrophe_closes_the_inner_quotation_then_the_outer_one()
    {
        var analyzed = TextAnalyzer.Analyze("''I would use the word 'old-school,''' Mr. Slayton said.");
        QuotationTexts(analyzed).Should().Equal("''I would use the word 'old-school,'''", "'old-school,'");
        analyzed.Quotations.ToArray().Should().OnlyContain(q => q.IsClosed);
    }

    [Fact]
    public void Single_quotes_nest_inside_double_quotes()
    {
        var analyzed = TextAnalyzer.Analyze("“He told me ‘never again’ twice,” she said.");
        QuotationTexts(analyzed).Should().Equal("“He told me ‘never again’ twice,”", "‘never again’");
        analyzed.Quotations[0].Depth.Should().Be(0);
        analyzed.Quotations[1].Depth.Should().Be(1);
        analyzed.Quotations[1].Style.Should().Be(QuoteStyle.Single);
        analyzed.QuotationAt(4).Should().Be(1);
        analyzed.QuotationAt(1).Should().Be(0);
    }

    [Fact]
    public void Nested_quotation_closing_together_with_its_outer_one()
    {
        var analyzed = TextAnalyzer.Analyze("“She asked, ‘Why not?’” he said.");
        QuotationTexts(analyzed).Should().Equal("“She asked, ‘Why not?’”", "‘Why not?’");
        analyzed.Quotations.ToArray().Should().OnlyContain(q => q.IsClosed);
    }

    [Fact]
    public void Apostrophes_are_not_quote_marks()
    {
        var analyzed = TextAnalyzer.Analyze("“It’s the ’90s: rock ’n’ roll, O’Malley’s band and the leaders’ plan,” he said.");
        QuotationTexts(analyzed).Should().Equal("“It’s the ’90s: rock ’n’ roll, O’Malley’s band and the leaders’ plan,”");
        QuotationTexts(TextAnalyzer.Analyze("The players' union said 'no' and the Joneses' dog barked.")).Should().Equal("'no'");
    }

    [Fact]
    public void Misprinted_marks_still_pair()
    {
        QuotationTexts(TextAnalyzer.Analyze("He called it “fast track“ for the plan.")).Should().Equal("“fast track“");
        QuotationTexts(TextAnalyzer.Analyze("He called it ”fast track” for the plan.")).Should().Equal("”fast track”");
        QuotationTexts(TextAnalyzer.Analyze("“Back in the ‘90s we ran ‘em hard,” he said.")).Should().Equal("“Back in the ‘90s we ran ‘em hard,”");
        QuotationTexts(TextAnalyzer.Analyze("The mayor‘s “plan” failed.")).Should().Equal("“plan”");
    }

    [Fact]
    public void Plural_possessive_closes_an_open_single_quotation_only()
    {
        QuotationTexts(TextAnalyzer.Analyze("He called it ‘the teachers’ plan.")).Should().Equal("‘the teachers’");
    }

    [Fact]
    public void Quotation_reopened_in_the_next_paragraph_spans_both()
    {
        const string text = "“The first paragraph ends open.\n\n“The second one closes,” he said. After.";
        var analyzed = TextAnalyzer.Analyze(text);
        analyzed.Quotations.Length.Should().Be(1);
        var quotation = analyzed.Quotations[0];
        quotation.Should().Be(new Quotation(0, 57, 0, 13, 13, 0, QuoteStyle.Double, true));
        text[quotation.Start..quotation.End].Should().EndWith("closes,”");
        analyzed.IsInQuotation(7).Should().BeTrue();
        analyzed.IsInQuotation(analyzed.Tokens.Length - 1).Should().BeFalse();
    }

    [Fact]
    public void Three_paragraph_quotation_with_straight_marks()
    {
        const string text = "\"One.\n\n\"Two.\n\n\"Three,\" she said.";
        var analyzed = TextAnalyzer.Analyze(text);
        QuotationTexts(analyzed).Should().Equal("\"One.\n\n\"Two.\n\n\"Three,\"");
        analyzed.Quotations[0].ParagraphSpanning.Should().BeTrue();
    }

    [Fact]
    public void Unclosed_quotation_stops_at_its_paragraph_end()
    {
        const string text = "He said “this never closes.\n\nThe next paragraph is plain prose.";
        var analyzed = TextAnalyzer.Analyze(text);
        analyzed.Quotations.ToArray().Should().Equal(new Quotation(8, 27, 2, -1, 6, 0, QuoteStyle.Double, false));
        analyzed.IsInQuotation(7).Should().BeFalse();
    }

    [Fact]
    public void A_second_opening_mark_bounds_the_unclosed_first()
    {
        var analyzed = TextAnalyzer.Analyze("“One never closes. “Two does,” he said.");
        QuotationTexts(analyzed).Should().Equal("“One never closes.", "“Two does,”");
        analyzed.Quotations[0].IsClosed.Should().BeFalse();
        analyzed.Quotations[1].IsClosed.Should().BeTrue();
    }

    [Fact]
    public void Double_marks_nest_inside_double_marks_when_both_close()
    {
        var analyzed = TextAnalyzer.Analyze("“The mayor calls it a “plan” but it is not,” she said.");
        QuotationTexts(analyzed).Should().Equal("“The mayor calls it a “plan” but it is not,”", "“plan”");
        analyzed.Quotations[1].Depth.Should().Be(1);
        analyzed.Quotations.ToArray().Should().OnlyContain(q => q.IsClosed);
    }

    [Fact]
    public void Inner_quotation_left_open_ends_before_the_outer_closing_mark()
    {
        var analyzed = TextAnalyzer.Analyze("“She said ‘go home,” he said.");
        QuotationTexts(analyzed).Should().Equal("“She said ‘go home,”", "‘go home,");
        analyzed.Quotations[1].CloseToken.Should().Be(-1);
        analyzed.Quotations[1].LastToken.Should().Be(6);
        analyzed.QuotationAt(7).Should().Be(0);
    }

    [Fact]
    public void Stray_closing_marks_are_ignored()
    {
        var analyzed = TextAnalyzer.Analyze("Nothing” opens here.” Then “a real one.”");
        QuotationTexts(analyzed).Should().Equal("“a real one.”");
    }

    [Fact]
    public void Ten_thousand_unmatched_opening_marks_finish_quickly_without_swallowing()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            builder.Append("“a ");
        }

        builder.Append("\n\nPlain words after.");
        string text = builder.ToString();
        var watch = Stopwatch.StartNew();
        var analyzed = TextAnalyzer.Analyze(text);
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        analyzed.Quotations.Length.Should().Be(10_000);
        var quotations = analyzed.Quotations;
        for (int i = 0; i + 1 < quotations.Length; i++)
        {
            quotations[i].End.Should().BeLessThanOrEqualTo(quotations[i + 1].Start);
        }

        analyzed.IsInQuotation(analyzed.Tokens.Length - 1).Should().BeFalse();
    }

    [Fact]
    public void Ten_thousand_unmatched_marks_of_every_kind_finish_quickly()
    {
        string[] marks = ["”", "’", "\"", "'", "‘", "``", "''", "«"];
        var builder = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            builder.Append(marks[i % marks.Length]).Append(i % 3 == 0 ? " " : "x ");
        }

        builder.Append("\n\nEnd.");
        var watch = Stopwatch.StartNew();
        var analyzed = TextAnalyzer.Analyze(builder.ToString());
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        analyzed.Quotations.ToArray().Should().OnlyContain(q => q.End <= builder.Length - 6);
        analyzed.IsInQuotation(analyzed.Tokens.Length - 1).Should().BeFalse();
    }
}

using QuoteExtract.Attribution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// The candidates the scorer chooses among: besides the content running to the sentence end, variants that stop at
/// clause boundaries, partial quotes and the quotation after a direct quote's cue sentence.
/// </summary>
public sealed class ContentVariantTests
{
    private static readonly AttributionExtractor Extractor = new(AttributionGrammar.Create(new QuoteExtractorOptions()), AttributionScorer.Default);

    private static List<string> Contents(string text, string cut)
    {
        var analysis = TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph);
        var tagged = Tagger.Default.Tag(analysis);
        return Extractor.Candidates(tagged, CancellationToken.None)
            .Where(c => c.CutKind == cut)
            .Select(c => text[analysis.Tokens[c.Content.Start].Start..analysis.Tokens[c.ContentEnd - 1].End])
            .ToList();
    }

    [Fact]
    public void A_partial_quote_inside_an_indirect_content_gives_a_variant_ending_at_its_closing_mark()
    {
        const string text = "Mayor Lena Ortiz called the budget “a disaster for every family” in a speech to the council on Monday.";
        Contents(text, "quote-end").Should().Contain("the budget “a disaster for every family”");
    }

    [Fact]
    public void A_time_phrase_without_a_comma_is_a_clause_boundary()
    {
        const string text = "Senator Alan Reyes criticized the new pipeline plan in February during a hearing.";
        Contents(text, "time").Should().Contain("the new pipeline plan");
    }

    [Fact]
    public void A_direct_quote_gets_a_variant_continued_by_the_quotation_after_its_cue_sentence()
    {
        const string text = "“We are not done,” Maria Costa said with a smile. “The second phase starts in June and it will be bigger.”";
        Contents(text, "continued").Should().ContainSingle()
            .Which.Should().Be(text);
    }

    [Fact]
    public void A_show_title_in_the_cue_sentence_does_not_stop_the_continuation()
    {
        const string text = "“We will win this state,” Ana Ruiz said on CNN’s “State of the Union” on Sunday. “The polls are wrong.”";
        Contents(text, "continued").Should().ContainSingle()
            .Which.Should().Be(text);
    }

    [Fact]
    public void A_stray_apostrophe_in_the_cue_sentence_does_not_stop_the_continuation()
    {
        const string text = "“We are meeting our targets,” said Ana Ruiz, a spokeswoman for the Democrats' host committee. “The convention will be a success.”";
        Contents(text, "continued").Should().ContainSingle().Which.Should().Be(text);
    }

    [Theory]
    [InlineData("“We are extremely happy” about the decision, said Ana Ruiz, the union's director.", "“We are extremely happy” about the decision")]
    [InlineData("“We are alive, unlike the robots” at the other convention, he said.", "“We are alive, unlike the robots” at the other convention")]
    [InlineData("However good the goal, raising the tax “is a misguided approach,” said Tom Burke.", "However good the goal, raising the tax “is a misguided approach,”")]
    public void A_quotation_sharing_its_sentence_with_the_writer_s_words_gives_a_mixed_candidate(string text, string content)
    {
        var analysis = TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph);
        var candidates = Extractor.Candidates(Tagger.Default.Tag(analysis), CancellationToken.None);
        candidates.Where(c => c.Kind == QuoteKind.Mixed)
            .Select(c => text[analysis.Tokens[c.Content.Start].Start..analysis.Tokens[c.ContentEnd - 1].End])
            .Should().Contain(content);
    }
}

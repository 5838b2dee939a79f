using QuoteExtract.Attribution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// The attribution layer lends each call buffers sized to the largest document seen (quotation index and quote state
/// per token, matches, sort keys). A call after a longer document must not see what that document left in them.
/// All texts are invented for these tests.
/// </summary>
public sealed class ScratchReuseTests
{
    private static readonly AttributionGrammar Grammar = AttributionGrammar.Create(new QuoteExtractorOptions());

    [Fact]
    public void Extractor_reusing_buffers_of_a_longer_document_finds_what_a_fresh_extractor_finds()
    {
        // The long text opens a quotation at every third token from token 3 on, where the short text's indirect content
        // starts: a stale quotation index would make that content a direct quote.
        var longText = Tag("Crowds chanted: " + string.Join(" ", Enumerable.Repeat("“no” “yes”", 150)) + ".\n\n"
            + string.Join("\n\n", Enumerable.Range(0, 20).Select(i => $"“We will finish bridge number {i} by the spring,” said Mayor Ana Ruiz.")));
        var shortText = Tag("Tom Becker said that the plan would fail. He warned that “it is far too late” for changes.");

        var reused = new AttributionExtractor(Grammar, AttributionScorer.Default);
        reused.Extract(longText, CancellationToken.None).Should().NotBeEmpty();
        var afterLong = Describe(reused.Extract(shortText, CancellationToken.None));
        var fresh = Describe(new AttributionExtractor(Grammar, AttributionScorer.Default).Extract(shortText, CancellationToken.None));

        afterLong.Should().NotBeEmpty().And.Equal(fresh);
    }

    [Fact]
    public void Candidates_of_a_document_do_not_depend_on_the_documents_before_it()
    {
        var first = Tag("Crowds chanted: " + string.Join(" ", Enumerable.Repeat("“no”", 30)) + ". “The vote is close,” said Elena Ruiz.");
        var second = Tag("Maria Lopez told reporters the budget would pass. “We have the votes,” she said on Tuesday.");
        var extractor = new AttributionExtractor(Grammar, AttributionScorer.Default);

        var alone = Describe(new AttributionExtractor(Grammar, AttributionScorer.Default).Candidates(second, CancellationToken.None));
        extractor.Candidates(first, CancellationToken.None);
        var afterFirst = Describe(extractor.Candidates(second, CancellationToken.None));

        afterFirst.Should().NotBeEmpty().And.Equal(alone);
    }

    private static TaggedText Tag(string text) => Tagger.Default.Tag(TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph));

    private static List<string> Describe(List<Candidate> candidates) =>
        candidates.Select(c => $"{c.Rule} {c.Speaker} {c.Cue} {c.Content} {c.Content2} {c.Kind} {c.Category} {c.CutKind} {c.VariantPosition} {c.VariantShare} {c.CuesInside} {c.Score:R}").ToList();
}

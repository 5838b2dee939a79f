using QuoteExtract.Text;

namespace QuoteExtract.Tests.Text;

public sealed class TextBuffersTests
{
    private const string Long =
        "“We will not move,” the mayor said on Monday.\n\nThe council met twice. Its members disagreed.\n\n"
        + "“It is a disgrace,” said Jane Smith, who leads the opposition. “We will vote against it.”\n\n"
        + "Officials said the plan would cost $4 million.";

    private const string Short = "“No,” he said.";

    [Fact]
    public void A_shorter_text_in_reused_buffers_reads_as_in_fresh_ones()
    {
        var buffers = new TextBuffers();
        TextAnalyzer.Analyze(Long, SentenceBreaks.Paragraph, buffers, default);
        var reused = TextAnalyzer.Analyze(Short, SentenceBreaks.Paragraph, buffers, default);
        var fresh = TextAnalyzer.Analyze(Short, SentenceBreaks.Paragraph);

        buffers.Tokens.Length.Should().BeGreaterThan(fresh.Tokens.Length, "the buffers still hold the longer text's tokens past the short one's");
        reused.Tokens.ToArray().Should().Equal(fresh.Tokens.ToArray());
        reused.Sentences.ToArray().Should().Equal(fresh.Sentences.ToArray());
        reused.Paragraphs.ToArray().Should().Equal(fresh.Paragraphs.ToArray());
        reused.Quotations.ToArray().Should().Equal(fresh.Quotations.ToArray());
    }

    [Fact]
    public void Buffers_grow_to_a_longer_text_and_keep_the_larger_arrays()
    {
        var buffers = new TextBuffers();
        var first = TextAnalyzer.Analyze(Short, SentenceBreaks.Paragraph, buffers, default);
        var tokensAfterShort = buffers.Tokens;
        var second = TextAnalyzer.Analyze(Long, SentenceBreaks.Paragraph, buffers, default);

        first.Tokens.Length.Should().Be(7); // “ No , ” he said .
        second.Tokens.ToArray().Should().Equal(TextAnalyzer.Analyze(Long, SentenceBreaks.Paragraph).Tokens.ToArray());
        buffers.Tokens.Length.Should().BeGreaterThanOrEqualTo(second.Tokens.Length);
        buffers.Tokens.Should().NotBeSameAs(tokensAfterShort);
    }

    [Fact]
    public void An_extractor_gives_the_same_result_for_a_text_after_a_longer_one()
    {
        var used = QuoteExtractor.CreateDefault();
        used.Extract(Long);
        var afterLong = used.Extract(Short);
        var fresh = QuoteExtractor.CreateDefault().Extract(Short);

        afterLong.Quotes.Should().NotBeEmpty();
        afterLong.Quotes.Should().BeEquivalentTo(fresh.Quotes, o => o.WithStrictOrdering());
        afterLong.Entities.Should().BeEquivalentTo(fresh.Entities, o => o.WithStrictOrdering());
    }
}

using System.Text;
using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>
/// Every public entry point on the hostile inputs of docs/robustness.md, at sizes that take the same code paths as
/// the full-size stress cases (fuzz/QuoteExtract.Fuzz stress) in a fraction of the time. Nothing throws but the
/// documented argument errors, and every result keeps the <see cref="ResultInvariants"/>.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    public static TheoryData<string, string> Texts() => new()
    {
        { "empty", "" },
        { "whitespace", " \t\r\n\u00A0\u2028\u3000\n\n " },
        { "controls", "\0\u0001\u001B\u007F\u0085\uFEFF\uFFFF\uFFFE" },
        { "lone surrogates", "“\uD800 said \uDC00,” \uDBFF\uDFFF Jane \uD83D" },
        { "binary garbage", Encoding.Latin1.GetString(HostileText.BinaryGarbage(1, 20_000)) },
        { "unmatched quotes", HostileText.UnmatchedQuotes(2, 5_000) },
        { "nested quotes", HostileText.NestedQuotes(5_000) },
        { "no punctuation", HostileText.NoPunctuation(3, 10_000) },
        { "mixed scripts", HostileText.MixedScripts(4, 20_000) },
        { "dense attributions", HostileText.DenseAttributions(5, 20_000) },
        { "one huge word", new string('x', 100_000) },
        { "only punctuation", string.Concat(Enumerable.Repeat("“”‘’\"'«».,;:!?—-()[]", 1_000)) },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Every_string_entry_point_returns_a_valid_result(string name, string text)
    {
        var result = Extractor.Extract(text);

        ResultInvariants.Check(text, result);
        ResultInvariants.Fingerprint(Extractor.Extract(text.AsMemory())).Should().Be(ResultInvariants.Fingerprint(result), name);
        ResultInvariants.Fingerprint(await Extractor.ExtractAsync(new StringReader(text)))
            .Should().Be(ResultInvariants.Fingerprint(result), name);
        ResultInvariants.Fingerprint(Extractor.ExtractMany([text]).Single()).Should().Be(ResultInvariants.Fingerprint(result), name);
    }

    [Fact]
    public async Task Every_entry_point_rejects_null_with_argument_null()
    {
        Extractor.Invoking(x => x.Extract((string)null!)).Should().Throw<ArgumentNullException>();
        await Extractor.Awaiting(x => x.ExtractAsync((TextReader)null!)).Should().ThrowAsync<ArgumentNullException>();
        await Extractor.Awaiting(x => x.ExtractAsync((Stream)null!)).Should().ThrowAsync<ArgumentNullException>();
        Extractor.Invoking(x => x.ExtractMany(null!)).Should().Throw<ArgumentNullException>();
        Func<Task> many = async () =>
        {
            await foreach (var _ in Extractor.ExtractManyAsync(null!))
            {
            }
        };
        await many.Should().ThrowAsync<ArgumentNullException>();
    }

    [Theory]
    [InlineData("\0\u0001garbage((")]
    [InlineData("deep")]
    public void Hostile_extra_patterns_fail_construction_with_an_argument_error(string pattern)
    {
        if (pattern == "deep")
        {
            pattern = "rule r: " + new string('(', 100_000) + "\"a\"" + new string(')', 100_000);
        }

        var act = () => new QuoteExtractor(new QuoteExtractorOptions { ExtraPatterns = { pattern } });

        act.Should().Throw<ArgumentException>().WithMessage("ExtraPatterns*");
    }

    [Fact]
    public void Default_memory_is_an_empty_document()
    {
        Extractor.Extract(ReadOnlyMemory<char>.Empty).Should().BeEquivalentTo(QuoteExtractionResult.Empty with { Text = "" });
    }

    [Fact]
    public async Task Binary_garbage_through_a_stream_is_decoded_and_reported()
    {
        var bytes = HostileText.BinaryGarbage(6, 100_000);

        var result = await Extractor.ExtractAsync(new MemoryStream(bytes));

        result.Diagnostics.Should().ContainSingle(d => d.Code == "invalid-utf8");
        ResultInvariants.Check(Utf8Text.Decode(bytes).Text, result);
    }

    [Fact]
    public async Task Invalid_utf8_keeps_the_quotes_of_the_valid_text_around_it()
    {
        var bytes = HostileText.InvalidUtf8(7, 20_000);
        var text = Utf8Text.Decode(bytes).Text;

        var result = await Extractor.ExtractAsync(new MemoryStream(bytes));

        result.Diagnostics.Should().ContainSingle(d => d.Code == "invalid-utf8").Which.Message.Should().Contain("replaced by U+FFFD");
        result.Quotes.Should().HaveCountGreaterThan(20);
        ResultInvariants.Check(text, result);
    }

    [Fact]
    public void A_5_MB_line_is_truncated_at_the_document_limit_and_read_in_sections()
    {
        // The path of a 50 MB line under the default 10M limit, at a tenth of the size.
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = 300_000 });
        var text = HostileText.SingleLine(8, 5_000_000);

        var result = extractor.Extract(text);

        result.Diagnostics.Select(d => d.Code).Should().Equal("text-truncated", "text-sectioned");
        result.Diagnostics[0].Offset.Should().Be(300_000);
        result.Quotes.Should().HaveCountGreaterThan(1_000).And.OnlyContain(q => q.Content.End <= 300_000);
        ResultInvariants.Check(text, result);
    }

    [Fact]
    public void Offsets_in_mixed_scripts_stay_on_character_boundaries_and_quotes_are_still_found()
    {
        var text = HostileText.MixedScripts(9, 60_000);

        var result = Extractor.Extract(text);

        result.Quotes.Should().HaveCountGreaterThan(100);
        ResultInvariants.Check(text, result);
        result.Quotes.SelectMany(q => new[] { q.Content.Start, q.Content.End })
            .Should().OnlyContain(o => ResultInvariants.IsCharacterBoundary(text, o));
    }

    [Fact]
    public void A_quote_around_emoji_and_right_to_left_text_has_exact_offsets()
    {
        const string text = "שלום 👩‍👩‍👧 “We will build it 😀,” said Jane Okoro. مرحبا";

        var quote = Extractor.Extract(text).Quotes.Should().ContainSingle().Subject;

        quote.Content.Text.Should().Be("“We will build it 😀,”");
        quote.Content.Start.Should().Be(text.IndexOf('“', StringComparison.Ordinal));
        quote.Speaker!.Value.Text.Should().Be("Jane Okoro");
    }

    [Fact]
    public void Crlf_text_gives_the_quotes_of_its_lf_version_at_offsets_into_the_crlf_text()
    {
        var lf = NewsText.Generate(10, 40);
        var lfResult = Extractor.Extract(lf);

        lfResult.Quotes.Should().HaveCountGreaterThan(30);
        RobustnessChecks.CheckCrlf(Extractor, lf, lfResult);
    }

    [Fact]
    public void Text_without_punctuation_is_cut_into_sentences_of_bounded_length()
    {
        var analysis = QuoteExtract.Text.TextAnalyzer.Analyze(HostileText.NoPunctuation(11, 5_000));

        analysis.Sentences.Length.Should().Be(13);
        analysis.Sentences.ToArray().Should().OnlyContain(s => s.TokenCount <= QuoteExtract.Text.SentenceSplitter.MaxTokens);
    }

    [Fact]
    public void End_marks_that_never_end_a_sentence_still_give_sentences_of_bounded_length()
    {
        // For extraction a sentence goes on past "." before a lower-case word; a text of nothing else must still be cut.
        // The prefixes shift where the length cap falls, also onto a closing bracket that the join skips over.
        for (int prefix = 0; prefix < 10; prefix++)
        {
            var text = string.Concat(Enumerable.Repeat("a ", prefix)) + string.Concat(Enumerable.Repeat("the vote. then (D-Md.) said. ", 2_000));
            var analysis = QuoteExtract.Text.TextAnalyzer.Analyze(text, QuoteExtract.Text.SentenceBreaks.Paragraph);

            analysis.Sentences.Length.Should().BeGreaterThanOrEqualTo(20_000 / QuoteExtract.Text.SentenceSplitter.MaxTokens, "prefix {0}", prefix);
            // An end mark keeps its closing bracket even at the cap.
            analysis.Sentences.ToArray().Should().OnlyContain(s => s.TokenCount <= QuoteExtract.Text.SentenceSplitter.MaxTokens + 1);
        }
    }
}

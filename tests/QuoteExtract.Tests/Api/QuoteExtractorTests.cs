using System.Text;

namespace QuoteExtract.Tests.Api;

public sealed class QuoteExtractorTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    [Fact]
    public void Direct_quote_followed_by_said_and_name_is_found_with_exact_offsets()
    {
        const string text = "The vote was close. “We will build it,” said Jane Okoro. Nobody else spoke.";

        var result = Extractor.Extract(text);

        var quote = result.Quotes.Should().ContainSingle(q => q.Kind == QuoteKind.Direct).Subject;
        quote.Content.Text.Should().Be("“We will build it,”");
        text[quote.Content.Start..quote.Content.End].Should().Be(quote.Content.Text);
        quote.Cue!.Value.Text.Should().Be("said");
        quote.Speaker!.Value.Text.Should().Be("Jane Okoro");
    }

    [Fact]
    public void Null_text_is_rejected_with_argument_null()
    {
        var act = () => Extractor.Extract((string)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Empty_or_blank_text_gives_an_empty_result(string text)
    {
        var result = Extractor.Extract(text);

        result.Quotes.Should().BeEmpty();
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Text_longer_than_the_maximum_is_truncated_with_a_diagnostic()
    {
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = 40 });
        var text = "“We will build it,” said Jane Okoro. " + new string('x', 100);

        var result = extractor.Extract(text);

        result.Diagnostics.Should().ContainSingle(d => d.Code == "text-truncated").Which.Offset.Should().Be(40);
        result.Quotes.Should().OnlyContain(q => q.Content.End <= 40);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = 3 });

        var result = extractor.Extract("ab😀cd");

        result.Diagnostics.Should().ContainSingle().Which.Offset.Should().Be(2);
    }

    [Fact]
    public void Minimum_confidence_filters_quotes()
    {
        const string text = "“We will build it,” said Jane Okoro.";
        var strict = new QuoteExtractor(new QuoteExtractorOptions { MinimumConfidence = 1.0 });

        Extractor.Extract(text).Quotes.Should().NotBeEmpty();
        strict.Extract(text).Quotes.Should().BeEmpty();
    }

    [Fact]
    public void Categories_option_keeps_only_the_listed_categories()
    {
        const string text = "“We will build it,” said Jane Okoro.";
        var beliefsOnly = new QuoteExtractor(new QuoteExtractorOptions { Categories = new HashSet<QuoteCategory> { QuoteCategory.Belief } });
        var speechOnly = new QuoteExtractor(new QuoteExtractorOptions { Categories = new HashSet<QuoteCategory> { QuoteCategory.Speech } });

        speechOnly.Extract(text).Quotes.Should().ContainSingle().Which.Category.Should().Be(QuoteCategory.Speech);
        beliefsOnly.Extract(text).Quotes.Should().BeEmpty();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Invalid_minimum_confidence_fails_fast_naming_the_option(double value)
    {
        var act = () => new QuoteExtractor(new QuoteExtractorOptions { MinimumConfidence = value });

        act.Should().Throw<ArgumentException>().WithMessage("*MinimumConfidence*");
    }

    [Fact]
    public void Non_positive_maximum_length_fails_fast()
    {
        var act = () => new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = 0 });

        act.Should().Throw<ArgumentException>().WithMessage("*MaxDocumentLength*");
    }

    [Fact]
    public void Options_changed_after_construction_do_not_reach_the_extractor()
    {
        var options = new QuoteExtractorOptions();
        var extractor = new QuoteExtractor(options);
        options.MinimumConfidence = 1.0;

        extractor.Extract("“We will build it,” said Jane Okoro.").Quotes.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Stream_input_drops_the_byte_order_mark_so_offsets_count_from_the_first_character()
    {
        const string text = "“We will build it,” said Jane Okoro.";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = await Extractor.ExtractAsync(new MemoryStream(bytes));

        result.Quotes.Should().ContainSingle().Which.Content.Start.Should().Be(0);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_stream_is_replaced_and_reported()
    {
        var bytes = Encoding.UTF8.GetBytes("“We will build it,” said Jane Okoro. ").Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray();

        var result = await Extractor.ExtractAsync(new MemoryStream(bytes));

        result.Diagnostics.Should().ContainSingle(d => d.Code == "invalid-utf8");
        result.Quotes.Should().ContainSingle();
    }

    [Fact]
    public async Task Reader_and_memory_overloads_agree_with_the_string_overload()
    {
        const string text = "“We will build it,” said Jane Okoro. Okoro said that the wall would be finished by 2029.";

        var expected = Extractor.Extract(text).Quotes;

        (await Extractor.ExtractAsync(new StringReader(text))).Quotes.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        Extractor.Extract(text.AsMemory()).Quotes.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_resolved_speaker_carries_its_entity_and_a_resolution_confidence()
    {
        var quote = Extractor.Extract("“We will build it,” said Jane Okoro.").Quotes.Should().ContainSingle().Subject;
        var unresolved = new QuoteExtractor(new QuoteExtractorOptions { ResolveSpeakers = false })
            .Extract("“We will build it,” said Jane Okoro.").Quotes.Single();

        quote.Entity!.Name.Should().Be("Jane Okoro");
        quote.EntityConfidence.Should().BeInRange(0.01, 1);
        unresolved.Entity.Should().BeNull();
        unresolved.EntityConfidence.Should().BeNull();
    }

    [Fact]
    public void Extra_cue_words_are_read_as_speech_cues()
    {
        const string text = "Jane Okoro harrumphed that the wall would never be finished.";
        var extended = new QuoteExtractor(new QuoteExtractorOptions { ExtraCueWords = { "harrumphed" } });

        Extractor.Extract(text).Quotes.Should().BeEmpty();
        var quote = extended.Extract(text).Quotes.Should().ContainSingle().Subject;
        quote.Cue!.Value.Text.Should().Be("harrumphed");
        quote.Category.Should().Be(QuoteCategory.Speech);
        quote.Speaker!.Value.Text.Should().Be("Jane Okoro");
    }

    [Fact]
    public void Extra_patterns_join_the_built_in_grammar()
    {
        const string text = "Jane Okoro, in a memo to staff: the wall will be finished by 2029.";
        const string rule = "rule memo_colon kind=indirect category=other confidence=0.9 role=clause: "
            + "(?<speaker> [ent=PERSON]+) (?<cue> \",\" \"in\" \"a\" \"memo\" [!sent_end]{0,3}? \":\") (?<content> [!sent_end]+)";
        var extended = new QuoteExtractor(new QuoteExtractorOptions { ExtraPatterns = { rule } });

        var quote = extended.Extract(text).Quotes.Should().ContainSingle(q => q.Category == QuoteCategory.Other).Subject;
        quote.Speaker!.Value.Text.Should().Be("Jane Okoro");
        quote.Content.Text.Should().StartWith("the wall will be finished");
        Extractor.Extract(text).Quotes.Should().NotContain(q => q.Content.Text.StartsWith("the wall", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_extra_pattern_fails_at_construction_naming_the_option_and_position()
    {
        var act = () => new QuoteExtractor(new QuoteExtractorOptions { ExtraPatterns = { "rule bad: [pos=ZZ]" } });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("ExtraPatterns[0](1,16)").And.Contain("'ZZ'");
    }
}

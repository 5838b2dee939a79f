using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>The embedded sample attribution grammar: SPEAKER CUE that CONTENT and "CONTENT," SPEAKER CUE.</summary>
public sealed class SampleGrammarTests
{
    private static readonly CompiledPatterns Sample = GrammarResources.CompileSample();

    [Fact]
    public void Speaker_cue_that_content()
    {
        var text = Doc.Tag("Mayor/NNP Jane/NNP/B-PER Okoro/NNP/L-PER said/VBD that/IN taxes/NNS would/MD rise/VB ./.");
        var set = Sample.Match(text, Doc.Quotes(text));

        set.Count.Should().Be(1);
        set.Rule(set[0]).Name.Should().Be("speaker_cue_that");
        set.Rule(set[0]).Meta("kind").Should().Be("indirect");
        set.CaptureText(text, 0, "speaker").Should().Be("Mayor Jane Okoro");
        set.CaptureText(text, 0, "cue").Should().Be("said");
        set.CaptureText(text, 0, "content").Should().Be("taxes would rise");
    }

    [Fact]
    public void Pronoun_speaker_without_that_but_not_it()
    {
        var text = Doc.Tag("She/PRP said/VBD taxes/NNS rise/VBP ./. It/PRP said/VBD nothing/NN ./.");
        var set = Sample.Match(text);
        set.Count.Should().Be(1);
        set.CaptureText(text, 0, "speaker").Should().Be("She");
        set.CaptureText(text, 0, "content").Should().Be("taxes rise");
    }

    [Fact]
    public void Quote_comma_speaker_cue()
    {
        var text = Doc.Tag("\" Taxes/NNS will/MD rise/VB ,/, \" Jane/NNP/B-PER Okoro/NNP/L-PER said/VBD ./.");
        var set = Sample.Match(text, Doc.Quotes(text));

        set.Count.Should().Be(1);
        set.Rule(set[0]).Name.Should().Be("quote_speaker_cue");
        set.CaptureText(text, 0, "content").Should().Be("Taxes will rise");
        set.CaptureText(text, 0, "speaker").Should().Be("Jane Okoro");
        set.CaptureText(text, 0, "cue").Should().Be("said");
    }

    [Fact]
    public void Quote_comma_cue_speaker_with_title()
    {
        var text = Doc.Tag("\" We/PRP will/MD win/VB ,/, \" said/VBD Senator/NNP Ann/NNP/B-PER Lee/NNP/L-PER ./.");
        var set = Sample.Match(text, Doc.Quotes(text));

        set.Count.Should().Be(1);
        set.Rule(set[0]).Name.Should().Be("quote_cue_speaker");
        set.CaptureText(text, 0, "speaker").Should().Be("Senator Ann Lee");
        set.CaptureText(text, 0, "content").Should().Be("We will win");
    }

    [Fact]
    public void Speaker_cue_colon_quote_and_according_to()
    {
        var text = Doc.Tag("He/PRP said/VBD :/: \" No/DT deal/NN \" ./. Prices/NNS fell/VBD ,/, according/VBG to/TO Acme/NNP/U-ORG ./.");
        var set = Sample.Match(text, Doc.Quotes(text));

        set.Spans().Should().Equal("speaker_cue_quote:0-7", "according_to:8-14");
        set.CaptureText(text, 0, "content").Should().Be("No deal");
        set.CaptureText(text, 1, "content").Should().Be("Prices fell");
        set.CaptureText(text, 1, "speaker").Should().Be("Acme");
    }

    [Fact]
    public void User_patterns_and_cue_words_come_through_the_options()
    {
        var options = new QuoteExtractorOptions
        {
            ExtraCueWords = ["opined"],
            ExtraPatterns = ["rule user_cue_colon kind=direct: (?<speaker> [ent=PERSON]+) (?<cue> @cue_verb) \":\" (?<content> [!sent_end]+)"],
        };
        var patterns = PatternCompiler.Compile(
            new PatternSource("sample", GrammarResources.Read("sample-attribution.patterns")),
            LexiconSet.Parse(GrammarResources.Read("sample-attribution.lexicon")),
            options);

        var text = Doc.Tag("Ann/NNP/U-PER opined/VBD :/: fine/JJ ./.");
        var set = patterns.Match(text);
        set.Spans().Should().Equal("user_cue_colon:0-4");
        set.CaptureText(text, 0, "content").Should().Be("fine");
    }

    [Fact]
    public void Errors_in_user_patterns_name_the_option()
    {
        var options = new QuoteExtractorOptions { ExtraPatterns = ["rule ok: \"a\"", "rule bad: [pos=ZZ]"] };
        var act = () => PatternCompiler.Compile(new PatternSource("sample", "rule base: \"x\""), new LexiconSet(), options);

        act.Should().Throw<PatternSyntaxException>().WithMessage("ExtraPatterns[1](1,16): Unknown part-of-speech tag 'ZZ'.");
    }

    [Fact]
    public void Duplicate_rule_names_across_sources_are_reported()
    {
        var options = new QuoteExtractorOptions { ExtraPatterns = ["\n rule base: \"a\""] };
        var act = () => PatternCompiler.Compile(new PatternSource("sample", "rule base: \"x\""), new LexiconSet(), options);

        act.Should().Throw<PatternSyntaxException>().WithMessage("ExtraPatterns[0](2,2): Rule 'base' is already defined in sample.");
    }
}

using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>The token tests inside brackets: attributes, negation, conjunction, disjunction.</summary>
public sealed class TokenTestTests
{
    private static readonly LexiconSet Lexicons = new LexiconSet()
        .Add("cue_verb", "said", "told", "Warned")
        .Add("title", "mayor", "senator");

    private static List<string> Run(string rules, string annotated, QuoteState[]? quotes = null)
    {
        var text = Doc.Tag(annotated);
        return PatternCompiler.Compile(rules, Lexicons).Match(text, quotes ?? default).Spans();
    }

    [Fact]
    public void Lexicon_classes_are_case_insensitive_and_shorthand_works()
    {
        const string text = "He SAID she told them and Warned us";
        Run("rule r: [lex=cue_verb]", text).Should().Equal("r:1-2", "r:3-4", "r:6-7");
        Run("rule r: @cue_verb", text).Should().Equal("r:1-2", "r:3-4", "r:6-7");
    }

    [Fact]
    public void Lexicon_words_added_later_take_effect_without_code_changes()
    {
        var lexicons = new LexiconSet().Add("cue_verb", "said");
        var text = Doc.Words("she opined");
        PatternCompiler.Compile("rule r: @cue_verb", lexicons).Match(text).Count.Should().Be(0);

        lexicons.Add("cue_verb", "opined");
        PatternCompiler.Compile("rule r: @cue_verb", lexicons).Match(text).Spans().Should().Equal("r:1-2");
    }

    [Fact]
    public void Case_folding_covers_non_ascii_letters_and_exact_text_stays_exact()
    {
        const string text = "Über ÜBER über Said said";
        Run("rule r: \"über\"", text).Should().Equal("r:0-1", "r:1-2", "r:2-3");
        Run("rule r: [text=\"Über\"]", text).Should().Equal("r:0-1");
        Run("rule r: [text=\"said\" & lex=cue_verb]", text).Should().Equal("r:4-5");
        Run("rule r: [lex=cue_verb & !text=\"said\"]", text).Should().Equal("r:3-4");
    }

    [Fact]
    public void Pos_exact_and_prefix()
    {
        const string text = "she/PRP said/VBD her/PRP$ dogs/NNS bark/VBP loudly/RB ./.";
        Run("rule r: [pos=PRP]", text).Should().Equal("r:0-1");
        Run("rule r: [pos=PRP$]", text).Should().Equal("r:2-3");
        Run("rule r: [pos=PRP*]", text).Should().Equal("r:0-1", "r:2-3");
        Run("rule r: [pos=VB*]", text).Should().Equal("r:1-2", "r:4-5");
        Run("rule r: [tag=\".\"]", text).Should().Equal("r:6-7");
        Run("rule r: [pos=NN*]", text).Should().Equal("r:3-4");
    }

    [Fact]
    public void Entity_type_and_bilou_position()
    {
        const string text = "Mayor/NNP Jane/NNP/B-PER van/NNP/I-PER Okoro/NNP/L-PER of/IN Acme/NNP/U-ORG said/VBD";
        Run("rule r: [ent=PERSON]+", text).Should().Equal("r:1-4");
        Run("rule r: [ent=PER & bilou=B] [bilou=I]* [bilou=L]", text).Should().Equal("r:1-4");
        Run("rule r: [ent=ORG]", text).Should().Equal("r:5-6");
        Run("rule r: [bilou=U]", text).Should().Equal("r:5-6");
        Run("rule r: [ent=NONE & pos=NNP]", text).Should().Equal("r:0-1");
        Run("rule r: [ent=PERSON | ent=ORG]+", text).Should().Equal("r:1-4", "r:5-6");
    }

    [Fact]
    public void Shapes_compare_collapsed()
    {
        const string text = "The FBI and Acme paid 1999 dollars in the US x";
        Run("rule r: [shape=Xxxx]", text).Should().Equal("r:0-1", "r:3-4");
        Run("rule r: [shape=XXXX]", text).Should().Equal("r:1-2", "r:9-10");
        Run("rule r: [shape=dd]", text).Should().Equal("r:5-6");
        Run("rule r: [shape=xxxx]", text).Should().Equal("r:2-3", "r:4-5", "r:6-7", "r:7-8", "r:8-9", "r:10-11");
        Run("rule r: [shape=XX]", text).Should().Equal("r:1-2", "r:9-10");
    }

    [Fact]
    public void Shapes_with_periods()
    {
        // The placeholder tokenizer splits "U.S." into letters and periods, so test on a hand-made shape value too.
        Run("rule r: [shape=\"X.\"]", "A").Should().BeEmpty();
        Span<char> shape = stackalloc char[TokenShape.MaxLength];
        int n = TokenShape.Collapse("U.S.", shape);
        shape[..n].ToString().Should().Be("X.X.");
        TokenShape.CollapsePattern("Xxxx").Should().Be("Xx");
        TokenShape.CollapsePattern("X.X.").Should().Be("X.X.");
    }

    [Fact]
    public void Token_kinds()
    {
        const string text = "He said , \" no \" - 42 !";
        Run("rule r: [punct]", text).Should().Equal("r:2-3", "r:8-9");
        Run("rule r: [dash]", text).Should().Equal("r:6-7");
        Run("rule r: [quote_mark]", text).Should().Equal("r:3-4", "r:5-6");
        Run("rule r: [kind=number]", text).Should().Equal("r:7-8");
        Run("rule r: [word]+", text).Should().Equal("r:0-2", "r:4-5");
    }

    [Fact]
    public void Negation_conjunction_disjunction_and_parentheses()
    {
        const string text = "the/DT mayor/NN said/VBD it/PRP rained/VBD";
        Run("rule r: [!pos=VBD]+", text).Should().Equal("r:0-2", "r:3-4");
        Run("rule r: [pos!=VBD]+", text).Should().Equal("r:0-2", "r:3-4");
        Run("rule r: [pos=VBD & !lex=cue_verb]", text).Should().Equal("r:4-5");
        Run("rule r: [lex=title | pos=PRP]", text).Should().Equal("r:1-2", "r:3-4");
        Run("rule r: [!(lex=title | pos=PRP) & pos=NN*]", text).Should().BeEmpty();
        Run("rule r: [(lex=title | pos=PRP) & pos=NN*]", text).Should().Equal("r:1-2");
    }

    [Fact]
    public void Sentence_start_and_end_flags()
    {
        const string text = "A b . C d .";
        Run("rule r: [sent_start]", text).Should().Equal("r:0-1", "r:3-4");
        Run("rule r: [sent_end]", text).Should().Equal("r:2-3", "r:5-6");
        Run("rule r: [!sent_end]+", text).Should().Equal("r:0-2", "r:3-5");
    }

    [Fact]
    public void Quote_state_tests_use_the_optional_input()
    {
        var text = Doc.Words("\" Taxes rise , \" she said");
        var quotes = Doc.Quotes(text);
        var patterns = PatternCompiler.Compile("""
            rule inside: [in_quote & !quote_mark]+
            rule open: [open_quote]
            rule close: [close_quote]
            """, Lexicons);

        patterns.Match(text, quotes).Spans().Should().Equal("open:0-1", "inside:1-4", "close:4-5");
        patterns.Match(text).Spans().Should().BeEmpty("without quote states no token is inside a quotation");
    }

    [Fact]
    public void Wide_grammars_give_the_same_answers_as_narrow_ones()
    {
        const string rules = """
            rule inside: [in_quote & !quote_mark]+
            rule cue: (?<speaker> [ent=PERSON]+ | [pos=PRP]) (?<cue> @cue_verb) [!sent_end & !quote_mark]* [sent_end]
            rule shape: [shape=Xxxx & !sent_start]
            """;
        var padding = string.Join('\n', Enumerable.Range(0, 80).Select(i => $"rule pad{i}: \"zz{i}\""));
        var text = Doc.Tag("\" Taxes/NNS rise/VBP ,/, \" Ann/NNP/B-PER Lee/NNP/L-PER said/VBD ./. She/PRP told/VBD Bob/NNP/U-PER so/RB ./.");
        var quotes = Doc.Quotes(text);

        var narrow = PatternCompiler.Compile(rules, Lexicons);
        var wide = PatternCompiler.Compile(rules + "\n" + padding, Lexicons);
        wide.Features.Words.Should().BeGreaterThan(1);
        narrow.Features.Words.Should().Be(1);

        var expected = narrow.Match(text, quotes).Spans();
        expected.Should().Equal("inside:1-4", "shape:1-2", "cue:5-9", "shape:5-6", "shape:6-7", "cue:9-14", "shape:11-12");
        wide.Match(text, quotes).Spans().Should().Equal(expected);
    }

    [Fact]
    public void Identical_tests_share_one_bit()
    {
        var one = PatternCompiler.Compile("rule a: [pos=NN & !lex=title]", Lexicons);
        var two = PatternCompiler.Compile("rule a: [pos=NN & !lex=title]\nrule b: [pos=NN & !lex=title] [pos=NN]", Lexicons);
        two.Features.Words.Should().Be(one.Features.Words);
    }

    [Fact]
    public void More_than_64_distinct_tests_spill_into_more_words()
    {
        var rules = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"rule r{i}: \"w{i}\""));
        var patterns = PatternCompiler.Compile(rules, Lexicons);
        patterns.Features.Words.Should().Be(2);

        var set = patterns.Match(Doc.Words("w0 w63 w64 w99 x"));
        set.Spans().Should().Equal("r0:0-1", "r63:1-2", "r64:2-3", "r99:3-4");
    }
}

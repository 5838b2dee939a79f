using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

public sealed class PatternParserTests
{
    [Fact]
    public void Parses_rules_with_names_metadata_comments_and_multiple_lines()
    {
        const string text = """
            # leading comment
            rule said_that kind=indirect category=speech confidence=0.8:
                (?<speaker> [ent=PERSON]+ | [pos=PRP]) # trailing comment
                (?<cue> [lex=cue_verb]) [lower="that"]?
                (?<content> [!sent_end]+)
            rule second: "a" "b";
            rule third note="free text": . +
            """;

        var rules = PatternParser.Parse(text);

        rules.Select(r => r.Name).Should().Equal("said_that", "second", "third");
        rules[0].Metadata.Should().BeEquivalentTo(new Dictionary<string, string> { ["kind"] = "indirect", ["category"] = "speech", ["confidence"] = "0.8" });
        rules[2].Metadata["note"].Should().Be("free text");
    }

    [Fact]
    public void Compiled_rules_expose_captures_and_metadata()
    {
        var patterns = Doc.Compile("rule r kind=direct: (?<speaker> [pos=NNP]+) (?<cue> \"said\") (?<speaker> [pos=PRP])?");

        var rule = patterns.Rule("r")!;
        rule.CaptureNames.Should().Equal("speaker", "cue");
        rule.Meta("kind").Should().Be("direct");
        rule.Meta("missing", "x").Should().Be("x");
    }

    [Theory]
    [InlineData("rule r: [pos=NN", 1, 9, "Unclosed '['")]
    [InlineData("rule r: [colour=red]", 1, 10, "Unknown token attribute 'colour'")]
    [InlineData("rule r: [pos=XYZ]", 1, 14, "Unknown part-of-speech tag 'XYZ'")]
    [InlineData("rule r: [pos=QQ*]", 1, 14, "No part-of-speech tag starts with 'QQ'")]
    [InlineData("rule r: [lex=nope]", 1, 14, "Unknown lexicon class 'nope'")]
    [InlineData("rule r: @nope", 1, 9, "Unknown lexicon class 'nope'")]
    [InlineData("rule r: [ent=ANIMAL]", 1, 14, "Unknown entity type 'ANIMAL'")]
    [InlineData("rule r: [shiny]", 1, 10, "Unknown token flag 'shiny'")]
    [InlineData("rule r: \"a\"?", 1, 1, "can match zero tokens")]
    [InlineData("rule r: ^ $", 1, 1, "can match zero tokens")]
    [InlineData("rule r: * \"a\"", 1, 9, "Nothing to repeat")]
    [InlineData("rule r: ^*", 1, 10, "Nothing to repeat")]
    [InlineData("rule r: \"a\"**", 1, 13, "Nested quantifier")]
    [InlineData("rule r: \"a\"{3,2}", 1, 12, "maximum below its minimum")]
    [InlineData("rule r: \"a\"{1,999}", 1, 12, "above 200")]
    [InlineData("rule r: (\"a\"", 1, 9, "Unclosed '('")]
    [InlineData("rule r: \"a\")", 1, 12, "Unbalanced ')'")]
    [InlineData("rule r: \"abc", 1, 9, "Unterminated string")]
    [InlineData("rule r: said", 1, 9, "token tests go in brackets")]
    [InlineData("rule r \"a\"", 1, 8, "Expected metadata")]
    [InlineData("rule r k=: \"a\"", 1, 10, "Expected a metadata value")]
    [InlineData("rules r: \"a\"", 1, 1, "Expected 'rule'")]
    [InlineData("rule r: \"a\"\nrule r: \"b\"", 2, 1, "Duplicate rule name 'r'")]
    [InlineData("rule r: \"a\"\n\n  rule s:\n    [pos=NN] [lower=\"x\" & ]", 4, 27, "Expected a token test")]
    [InlineData("rule r: (?x \"a\")", 1, 11, "Expected '<name>' or ':'")]
    public void Reports_errors_with_line_and_column(string text, int line, int column, string fragment)
    {
        var act = () => PatternCompiler.Compile(text, new LexiconSet().Add("cue_verb", "said"));

        var error = act.Should().Throw<PatternSyntaxException>().Which;
        error.Reason.Should().Contain(fragment);
        (error.Line, error.Column).Should().Be((line, column), error.Message);
        error.Message.Should().StartWith($"patterns({line},{column}): ");
    }

    [Fact]
    public void Empty_text_compiles_to_no_rules()
    {
        Doc.Compile("# nothing here\n").Rules.Should().BeEmpty();
    }

    [Fact]
    public void Lexicon_files_parse_and_report_bad_lines()
    {
        var set = LexiconSet.Parse("cue: said SAYS # comment\ncue: told\ntitle: mayor\n");
        set.Words("cue").Should().BeEquivalentTo("said", "says", "told");

        var act = () => LexiconSet.Parse("cue: said\nno colon here\n");
        act.Should().Throw<PatternSyntaxException>().Which.Line.Should().Be(2);
    }

    [Theory]
    [InlineData(100_000, "(", ")", "nest at most 64")]
    [InlineData(100_000, "(?<x> ", ")", "nest at most 64")]
    [InlineData(100_000, "[!", "]", "nest at most 64")]
    public void Nesting_of_any_depth_is_a_syntax_error_not_a_stack_overflow(int depth, string open, string close, string message)
    {
        var text = "rule r: " + string.Concat(Enumerable.Repeat(open, depth)) + "\"a\"" + string.Concat(Enumerable.Repeat(close, depth));
        if (open == "[!")
        {
            text = "rule r: [" + new string('!', depth) + "lower=\"a\"]";
        }

        var act = () => PatternParser.Parse(text);

        act.Should().Throw<PatternSyntaxException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void A_token_test_of_many_terms_is_a_syntax_error_not_a_stack_overflow()
    {
        var text = "rule r: [" + string.Join(" & ", Enumerable.Repeat("lower=\"a\"", 100_000)) + "]";

        var act = () => PatternParser.Parse(text);

        act.Should().Throw<PatternSyntaxException>().WithMessage("*at most 256 tests*");
    }

    [Fact]
    public void Nesting_within_the_limits_still_compiles()
    {
        var text = "rule r: " + new string('(', 64) + "[" + string.Join(" | ", Enumerable.Repeat("lower=\"a\"", 256)) + "]" + new string(')', 64);

        Doc.Compile(text).Rules.Should().ContainSingle();
    }
}

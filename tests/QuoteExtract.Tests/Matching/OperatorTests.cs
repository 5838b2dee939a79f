using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>Each operator of the pattern language, on plain words.</summary>
public sealed class OperatorTests
{
    private static List<string> Run(string rules, string words, MatchScope scope = MatchScope.Range) =>
        Doc.Compile(rules).Match(Doc.Words(words), scope: scope).Spans();

    [Fact]
    public void Sequence_of_literals() =>
        Run("rule r: \"a\" \"b\"", "a b a a b").Should().Equal("r:0-2", "r:3-5");

    [Fact]
    public void Literals_are_case_insensitive_and_text_is_exact()
    {
        Run("rule r: \"said\"", "Said SAID said").Should().Equal("r:0-1", "r:1-2", "r:2-3");
        Run("rule r: [text=\"Said\"]", "Said SAID said").Should().Equal("r:0-1");
    }

    [Fact]
    public void Optional() =>
        Run("rule r: \"a\" \"b\"? \"c\"", "a c a b c a b b c").Should().Equal("r:0-2", "r:2-5");

    [Fact]
    public void Star_and_plus()
    {
        Run("rule r: \"a\" \"b\"* \"c\"", "a c a b b b c").Should().Equal("r:0-2", "r:2-7");
        Run("rule r: \"a\" \"b\"+ \"c\"", "a c a b b b c").Should().Equal("r:2-7");
    }

    [Fact]
    public void Counted_repetition()
    {
        Run("rule r: \"b\"{2}", "b b b b b").Should().Equal("r:0-2", "r:2-4");
        Run("rule r: \"b\"{2,3}", "b b b b b").Should().Equal("r:0-3", "r:3-5");
        Run("rule r: \"b\"{2,}", "b b b b b x b").Should().Equal("r:0-5");
        Run("rule r: \"a\" \"b\"{0,2} \"c\"", "a b b b c a b c").Should().Equal("r:5-8");
    }

    [Fact]
    public void Any_token_and_empty_brackets() =>
        Run("rule r: \"a\" . [] \"d\"", "a b c d a d").Should().Equal("r:0-4");

    [Fact]
    public void Greedy_takes_the_most_lazy_the_least()
    {
        var text = Doc.Words("x a b a b y");
        var greedy = Doc.Compile("rule r: \"x\" (?<c> .*) \"b\"").Match(text);
        greedy.CaptureText(text, 0, "c").Should().Be("a b a");

        var lazy = Doc.Compile("rule r: \"x\" (?<c> .*?) \"b\"").Match(text);
        lazy.CaptureText(text, 0, "c").Should().Be("a");
        lazy.Spans().Should().Equal("r:0-3");

        Run("rule r: \"b\"+?", "b b b").Should().Equal("r:0-1", "r:1-2", "r:2-3");
        Run("rule r: \"a\" \"b\"{1,3}?", "a b b b").Should().Equal("r:0-2");
        Run("rule r: \"a\" \"b\"??", "a b").Should().Equal("r:0-1");
    }

    [Fact]
    public void Alternation_prefers_the_earlier_alternative()
    {
        var text = Doc.Words("a b c");
        var first = Doc.Compile("rule r: (?<x> \"a\" | \"a\" \"b\") (?<y> .*)").Match(text);
        first.CaptureText(text, 0, "x").Should().Be("a");
        first.CaptureText(text, 0, "y").Should().Be("b c");

        var second = Doc.Compile("rule r: (?<x> \"a\" \"b\" | \"a\") (?<y> .*)").Match(text);
        second.CaptureText(text, 0, "x").Should().Be("a b");

        // Leftmost-first, not longest: the first alternative wins even though the second is longer.
        Run("rule r: \"a\" | \"a\" \"b\"", "a b").Should().Equal("r:0-1");
    }

    [Fact]
    public void Grouping_applies_quantifiers_to_sequences() =>
        Run("rule r: \"a\" (\"b\" \"c\")+", "a b c b c b a b").Should().Equal("r:0-5");

    [Fact]
    public void Non_capturing_group_syntax() =>
        Run("rule r: (?: \"a\" | \"b\")+", "a b x b").Should().Equal("r:0-2", "r:3-4");

    [Fact]
    public void Captures_report_token_ranges_and_char_ranges()
    {
        var text = Doc.Tag("Jane/NNP/B-PER Okoro/NNP/L-PER said/VBD that/IN taxes/NNS rise/VBP ./.");
        var set = Doc.Compile("rule r: (?<speaker> [ent=PERSON]+) (?<cue> \"said\") \"that\"? (?<content> [!sent_end]+) (?<audience> \"to\")?").Match(text);

        set.Count.Should().Be(1);
        set.Capture(set[0], "speaker").Should().Be(new TokenRange(0, 2));
        set.Capture(set[0], "cue").Should().Be(new TokenRange(2, 3));
        set.Capture(set[0], "content").Should().Be(new TokenRange(4, 6));
        set.Capture(set[0], "audience").IsNone.Should().BeTrue();
        set.Capture(set[0], "no_such_capture").IsNone.Should().BeTrue();
        var (start, end) = set.Capture(set[0], "speaker").ToCharRange(text.Analysis);
        text.Text[start..end].Should().Be("Jane Okoro");
    }

    [Fact]
    public void Repeated_capture_keeps_the_last_iteration()
    {
        var text = Doc.Words("a b c d");
        var set = Doc.Compile("rule r: ((?<w> .) )+").Match(text);
        set.CaptureText(text, 0, "w").Should().Be("d");
    }

    [Fact]
    public void Same_capture_name_in_alternatives()
    {
        var text = Doc.Tag("said/VBD Jane/NNP/U-PER . he/PRP said/VBD .");
        var set = Doc.Compile("rule r: \"said\" (?<speaker> [ent=PERSON]) | (?<speaker> [pos=PRP]) \"said\"").Match(text);
        set.Count.Should().Be(2);
        set.CaptureText(text, 0, "speaker").Should().Be("Jane");
        set.CaptureText(text, 1, "speaker").Should().Be("he");
    }

    [Fact]
    public void Anchors_match_sentence_boundaries()
    {
        // Sentences: [a b .] [a b .]
        Run("rule r: ^ \"a\"", "a b . a b .").Should().Equal("r:0-1", "r:3-4");
        Run("rule r: \"b\" $", "a b c . b").Should().Equal("r:4-5");
        Run("rule r: [] \".\" $", "a b . a b .").Should().Equal("r:1-3", "r:4-6");
        Run("rule r: ^ \"b\"", "a b . a b .").Should().BeEmpty();
    }

    [Fact]
    public void Sentence_scope_keeps_matches_inside_sentences()
    {
        Run("rule r: \"b\" . \"a\"", "a b . a b").Should().Equal("r:1-4");
        Run("rule r: \"b\" . \"a\"", "a b . a b", MatchScope.Sentence).Should().BeEmpty();
        Run("rule r: \"a\" $", "b a . c a", MatchScope.Sentence).Should().Equal("r:4-5");
    }

    [Fact]
    public void Matches_of_one_rule_never_overlap_and_resume_after_the_previous_match()
    {
        Run("rule r: \"a\" \"a\"", "a a a a a").Should().Equal("r:0-2", "r:2-4");
        Run("rule r: . \"x\"", "x x x").Should().Equal("r:0-2");
    }

    [Fact]
    public void Several_rules_run_together_and_may_overlap()
    {
        var set = Doc.Compile("""
            rule ab: "a" "b"
            rule bc: "b" "c"
            rule abc: "a" "b" "c"
            """).Match(Doc.Words("a b c a b"));

        set.Spans().Should().Equal("ab:0-2", "abc:0-3", "bc:1-3", "ab:3-5");
    }

    [Fact]
    public void Range_matching_is_limited_to_the_range()
    {
        var text = Doc.Words("a b a b a b");
        var patterns = Doc.Compile("rule r: \"a\" \"b\"");
        var set = new MatchSet();
        patterns.Match(text, default, 1, 4, set);
        set.Spans().Should().Equal("r:2-4");
    }
}

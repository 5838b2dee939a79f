using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>Linear time, no allocation per token, thread safety.</summary>
public sealed class EngineTests
{
    [Theory]
    [InlineData("rule r: (\"a\"*)* \"b\"")]
    [InlineData("rule r: (\"a\" | \"a\" \"a\")* \"b\"")]
    [InlineData("rule r: (.*)* \"b\"")]
    [InlineData("rule r: (?<x> \"a\"+)+ \"b\"")]
    [InlineData("rule r: \"a\" (.* \"b\")?")]
    [InlineData("rule r: .*? .*? .*? \"b\"")]
    public void Pathological_patterns_stay_linear(string rule)
    {
        foreach (bool dfa in new[] { true, false })
        {
            AssertLinear(rule, dfa);
        }
    }

    private static void AssertLinear(string rule, bool dfa)
    {
        var patterns = Doc.Compile(rule);
        MatchSet Run(int n)
        {
            var text = Doc.Repeat("a", n);
            var set = new MatchSet();
            patterns.Match(text, default, 0, n, set, MatchScope.Range, new PikeVm(patterns) { UseDfa = dfa });
            return set;
        }

        var small = Run(1_000);
        var large = Run(10_000);

        // A step is one thread visiting one instruction: at most about 2 × program size per token.
        large.Steps.Should().BeLessThanOrEqualTo(10_000L * 2 * (patterns.ProgramSize + 1));
        ((double)large.Steps / small.Steps).Should().BeLessThan(11, "ten times the tokens costs ten times the steps");
        large.Count.Should().Be(rule.Contains("(.* \"b\")?", StringComparison.Ordinal) ? 10_000 : 0);
    }

    [Fact]
    public void Pending_matches_resolve_in_order_when_a_longer_attempt_fails()
    {
        // Every "a" matches alone, while a greedy attempt for a trailing "b" stays alive to the end.
        var set = Doc.Compile("rule r: (?<a> \"a\") (.* \"b\")?").Match(Doc.Repeat("a", 500));
        set.Count.Should().Be(500);
        set.AsSpan().ToArray().Select(m => m.Start).Should().Equal(Enumerable.Range(0, 500));
    }

    [Fact]
    public void A_thrashing_dfa_cache_is_reset_and_results_stay_exact()
    {
        var patterns = Doc.Compile("""
            rule r1: "a" (?<x> . .? .?) "c"
            rule r2: ("b" | "c")+ "a"
            rule r3: "a" .*? "a" "a"
            """);
        var random = new Random(3);
        var text = Doc.Words(string.Join(' ', Enumerable.Range(0, 3000).Select(_ => "abc"[random.Next(3)].ToString())));
        var tiny = new PikeVm(patterns, dfaMaxStates: 3);
        var exact = new MatchSet();
        var reset = new MatchSet();

        patterns.Match(text, default, 0, 3000, exact, MatchScope.Range, new PikeVm(patterns) { UseDfa = false });
        patterns.Match(text, default, 0, 3000, reset, MatchScope.Range, tiny);

        tiny.Dfa.Resets.Should().BeGreaterThan(0);
        reset.Spans().Should().Equal(exact.Spans());
        exact.Count.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Matching_allocates_nothing_per_token()
    {
        var patterns = GrammarResources.CompileSample();
        var small = Doc.Tag(Sentences(10));
        var large = Doc.Tag(Sentences(200));
        var vm = patterns.CreateVm();
        var set = new MatchSet();
        long Measure(QuoteExtract.Tagging.TaggedText text)
        {
            set.Clear();
            patterns.Match(text, default, 0, text.Analysis.Tokens.Length, set, MatchScope.Range, vm);
            set.Clear();
            long before = GC.GetAllocatedBytesForCurrentThread();
            patterns.Match(text, default, 0, text.Analysis.Tokens.Length, set, MatchScope.Range, vm);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Measure(large);
        set.Count.Should().Be(200);
        Measure(small).Should().Be(0);
        Measure(large).Should().Be(0);
    }

    [Fact]
    public void One_compiled_grammar_is_shared_safely_by_many_threads()
    {
        var patterns = GrammarResources.CompileSample();
        var texts = Enumerable.Range(1, 16).Select(n => Doc.Tag(Sentences(n))).ToArray();
        var expected = texts.Select(t => string.Join(';', patterns.Match(t).Spans())).ToArray();

        var results = new string[texts.Length * 40];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var text = texts[i % texts.Length];
            results[i] = string.Join(';', patterns.Match(text, default, MatchScope.Range).Spans());
        });

        results.Select((r, i) => r == expected[i % texts.Length]).Should().AllBeEquivalentTo(true);
        expected[^1].Split(';').Should().HaveCount(16);
    }

    [Fact]
    public void The_shipped_grammar_matches_the_same_with_the_dfa_per_rule_windows_and_cache_resets()
    {
        // More than 64 predicate bits (multi-word rows), ^ rules and long-lived threads: the DFA's per-rule
        // windows, matched by backtracking or by the Pike VM, must give exactly what the VM alone gives, also
        // when a tiny cache keeps resetting.
        var grammar = QuoteExtract.Attribution.AttributionGrammar.Create(new QuoteExtractorOptions());
        var patterns = grammar.Patterns;
        patterns.Features.Words.Should().BeGreaterThan(1);
        patterns.RowWords.Should().BeGreaterThan(1, "the shipped grammar must exercise multi-word rows in the automata too");
        var text = Doc.Tag(string.Join(' ', Enumerable.Range(0, 30).Select(i => (i % 3) switch
        {
            0 => "Jane/NNP/B-PER Okoro/NNP/L-PER ,/, the/DT mayor/NN ,/, said/VBD that/IN taxes/NNS would/MD rise/VB ./.",
            1 => "Taxes/NNS will/MD rise/VB ,/, the/DT council/NN said/VBD on/IN Tuesday/NNP ./.",
            _ => "According/VBG to/TO officials/NNS ,/, he/PRP told/VBD us/PRP that/IN it/PRP works/VBZ and/CC she/PRP said/VBD it/PRP ./.",
        })));
        var quotes = new QuoteExtract.Attribution.CandidateReader(grammar, text).QuoteStates();
        int n = text.Analysis.Tokens.Length;
        foreach (var scope in new[] { MatchScope.Sentence, MatchScope.Range })
        {
            var exact = new MatchSet();
            var dfa = new MatchSet();
            var pike = new MatchSet();
            var tiny = new MatchSet();
            patterns.Match(text, quotes, 0, n, exact, scope, new PikeVm(patterns) { UseDfa = false });
            patterns.Match(text, quotes, 0, n, dfa, scope, new PikeVm(patterns));
            patterns.Match(text, quotes, 0, n, pike, scope, new PikeVm(patterns) { UseBacktracking = false });
            var small = new PikeVm(patterns, dfaMaxStates: 5);
            patterns.Match(text, quotes, 0, n, tiny, scope, small);

            small.Dfa.Resets.Should().BeGreaterThan(0);
            exact.Count.Should().BeGreaterThan(30);
            Describe(dfa).Should().Equal(Describe(exact));
            Describe(pike).Should().Equal(Describe(exact));
            Describe(tiny).Should().Equal(Describe(exact));
        }
    }

    [Fact]
    public void A_full_token_alphabet_is_cleared_between_calls_and_results_stay_exact()
    {
        // The DFA keys its transitions by token class; past its bound the alphabet is cleared, with the DFA caches, before
        // the next input's features are computed. With a bound of one class that happens at every call, and each call
        // must still report what the VM alone reports.
        var grammar = QuoteExtract.Attribution.AttributionGrammar.Create(new QuoteExtractorOptions());
        var patterns = grammar.Patterns;
        var bounded = new PikeVm(patterns, LazyDfa.DefaultMaxStates, maxClasses: 1);
        string[] sentences =
        [
            "Jane/NNP/B-PER Okoro/NNP/L-PER ,/, the/DT mayor/NN ,/, said/VBD that/IN taxes/NNS would/MD rise/VB ./.",
            "Taxes/NNS will/MD rise/VB ,/, the/DT council/NN said/VBD on/IN Tuesday/NNP ./.",
            "According/VBG to/TO officials/NNS ,/, he/PRP told/VBD us/PRP that/IN it/PRP works/VBZ ./.",
        ];
        int total = 0;
        foreach (var sentence in sentences)
        {
            var text = Doc.Tag(string.Join(' ', Enumerable.Repeat(sentence, 3)));
            var quotes = new QuoteExtract.Attribution.CandidateReader(grammar, text).QuoteStates();
            int n = text.Analysis.Tokens.Length;
            var exact = new MatchSet();
            var matches = new MatchSet();
            patterns.Match(text, quotes, 0, n, exact, MatchScope.Sentence, new PikeVm(patterns) { UseDfa = false });
            patterns.Match(text, quotes, 0, n, matches, MatchScope.Sentence, bounded);
            Describe(matches).Should().Equal(Describe(exact));
            total += exact.Count;
        }

        total.Should().BeGreaterThan(3);
        bounded.Alphabet.Clears.Should().Be(sentences.Length - 1);
        bounded.Dfa.Resets.Should().Be(sentences.Length - 1);
    }

    [Fact]
    public void A_rule_subset_matches_exactly_what_its_rules_match_in_the_whole_grammar()
    {
        // The attribution layer's whole-text pass runs only the role=after rules, with the VM of its sentence pass (whose
        // token features it reuses). Rules are independent, so the subset must report the same matches (spans and
        // captures) as those rules do when every rule runs, with the DFA or the VM alone, with a fresh VM or a used one.
        var grammar = QuoteExtract.Attribution.AttributionGrammar.Create(new QuoteExtractorOptions());
        var patterns = grammar.Patterns;
        var text = Doc.Tag(string.Join(' ', Enumerable.Range(0, 12).Select(i => (i % 3) switch
        {
            0 => "“ Taxes/NNS will/MD rise/VB ,/, ” Jane/NNP/B-PER Okoro/NNP/L-PER said/VBD ./.",
            1 => "“ Will/MD taxes/NNS rise/VB ?/. ” asked/VBD the/DT mayor/NN ./.",
            _ => "“ We/PRP won/VBD ,/, ” she/PRP said/VBD on/IN Tuesday/NNP ./.",
        })));
        var quotes = new QuoteExtract.Attribution.CandidateReader(grammar, text).QuoteStates();
        var subset = grammar.WholeTextRules;
        var after = patterns.Rules.Where(r => r.Meta("role") == "after").ToArray();
        subset.Rules.Should().Equal(after).And.NotBeEmpty();

        int n = text.Analysis.Tokens.Length;
        var full = new MatchSet();
        patterns.Match(text, quotes, 0, n, full, MatchScope.Range, new PikeVm(patterns) { UseDfa = false });
        var expected = Describe(full).Where(m => after.Any(r => m.StartsWith($"{r.Index}:", StringComparison.Ordinal))).ToArray();
        expected.Should().HaveCountGreaterThan(6);

        var used = new PikeVm(patterns);
        patterns.Match(text, quotes, 0, n, new MatchSet(), MatchScope.Sentence, used);
        foreach (var vm in new[] { new PikeVm(patterns), new PikeVm(patterns) { UseDfa = false }, used })
        {
            var matches = new MatchSet();
            patterns.Match(text, quotes, 0, n, matches, MatchScope.Range, vm, subset);
            Describe(matches).Should().Equal(expected);
        }
    }

    private static string[] Describe(MatchSet set) => set.AsSpan().ToArray()
        .Select(m => $"{m.Rule}:{m.Start}-{m.End}:{string.Join(',', Enumerable.Range(0, m.CaptureCount).Select(c => set.Capture(m, c)))}")
        .ToArray();

    /// <summary><paramref name="n"/> hand-written tagged sentences, each matched once by the sample grammar.</summary>
    private static string Sentences(int n) => string.Join(' ', Enumerable.Range(0, n).Select(i => (i % 2) == 0
        ? "Jane/NNP/B-PER Okoro/NNP/L-PER said/VBD that/IN taxes/NNS would/MD rise/VB ./."
        : "The/DT council/NN met/VBD on/IN Tuesday/NNP and/CC he/PRP told/VBD us/PRP it/PRP works/VBZ ./."));
}

using System.Text;
using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>The engine (DFA stretches matched by bounded backtracking or the Pike VM) against the backtracking definition, on generated patterns and texts.</summary>
public sealed class SemanticsTests
{
    [Theory]
    [InlineData("\"a\" (\"b\"* \"c\")?", "a b b a c a b c a")]
    [InlineData("\"a\" (?<x> .* \"c\")?", "a a a c a b")]
    [InlineData("(?<x> \"a\" | \"a\" \"b\" \"c\") \"b\"?", "a b c a b a")]
    [InlineData("\"a\" .*? \"b\"", "a a b b a c b")]
    [InlineData("(\"a\" \"b\" | \"b\")+", "a b b a b a a b")]
    [InlineData("\"x\" (. \"y\")?", "x x x x x y x")]
    public void Hand_picked_tricky_cases_agree_with_backtracking(string pattern, string words) =>
        AssertAgrees(pattern, words.Split(' '));

    [Fact]
    public void Generated_patterns_agree_with_backtracking()
    {
        var random = new Random(20261128);
        int compared = 0;
        for (int p = 0; p < 400; p++)
        {
            var (pattern, nullable) = Generate(random, 3, new int[1]);
            if (nullable)
            {
                continue;
            }

            for (int t = 0; t < 15; t++)
            {
                var words = Enumerable.Range(0, random.Next(0, 25)).Select(_ => ((char)('a' + random.Next(3))).ToString()).ToArray();
                AssertAgrees(pattern, words);
                compared++;
            }
        }

        compared.Should().BeGreaterThan(1000);
    }

    [Theory]
    [InlineData("rule r: ^ \"a\" .*? $", "a b . a . b a .")]
    [InlineData("rule r: \"b\" $ | ^ \"b\"", "b a . b . a b")]
    [InlineData("rule r: $ \"a\"", "a . a b . a")]
    [InlineData("rule r: (\"a\" | \".\" ^)+ \"b\"", "a . b a a . . b")]
    public void Dfa_and_plain_vm_agree_on_anchors(string rule, string words)
    {
        var compiled = Doc.Compile(rule);
        var text = Doc.Words(words);
        foreach (var scope in new[] { MatchScope.Range, MatchScope.Sentence })
        {
            for (int start = 0; start < 3; start++)
            {
                var withDfa = new MatchSet();
                var plain = new MatchSet();
                int count = text.Analysis.Tokens.Length - start - 1;
                compiled.Match(text, default, start, count, withDfa, scope);
                compiled.Match(text, default, start, count, plain, scope, new PikeVm(compiled) { UseDfa = false });
                withDfa.Spans().Should().Equal(plain.Spans(), $"{scope} from {start}");
            }
        }
    }

    [Fact]
    public void Dfa_and_plain_vm_agree_on_the_sample_grammar()
    {
        var compiled = GrammarResources.CompileSample();
        var text = Doc.Tag("\" Taxes/NNS will/MD rise/VB ,/, \" Jane/NNP/B-PER Okoro/NNP/L-PER said/VBD ./. He/PRP said/VBD :/: \" No/DT deal/NN \" ./. "
            + "Prices/NNS fell/VBD ,/, according/VBG to/TO Acme/NNP/U-ORG ./. She/PRP said/VBD that/IN it/PRP rained/VBD ./.");
        var quotes = Doc.Quotes(text);
        compiled.Match(text, quotes).Count.Should().Be(4);
        int n = text.Analysis.Tokens.Length;
        foreach (var scope in new[] { MatchScope.Range, MatchScope.Sentence })
        {
            foreach (var (first, count) in new[] { (0, n), (1, n - 1), (3, n - 10), (9, 12) })
            {
                var withDfa = new MatchSet();
                var plain = new MatchSet();
                compiled.Match(text, quotes, first, count, withDfa, scope);
                compiled.Match(text, quotes, first, count, plain, scope, new PikeVm(compiled) { UseDfa = false });
                withDfa.Spans().Should().Equal(plain.Spans(), $"{scope} {first}+{count}");
                for (int i = 0; i < withDfa.Count; i++)
                {
                    foreach (var name in withDfa.Rule(withDfa[i]).CaptureNames)
                    {
                        withDfa.Capture(withDfa[i], name).Should().Be(plain.Capture(plain[i], name));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("\"a\" .{2,40}? \"c\"", "a b b c a b c a a a a b a c")]
    [InlineData("\"a\" (?<x> .{0,10}) \"c\"", "a b c a b b b b b b b b b b b b c a c")]
    [InlineData("(\"a\" | \"b\"){3,9}", "a b a b c a a a a a a a a a a b")]
    public void Wide_counted_repeats_relaxed_in_the_dfa_stay_exact(string pattern, string words) =>
        AssertAgrees(pattern, words.Split(' '));

    [Fact]
    public void Generated_token_formulas_agree_with_direct_evaluation()
    {
        var random = new Random(7);
        var words = "a b c d a c b d d a".Split(' ');
        var text = Doc.Words(string.Join(' ', words));
        for (int n = 0; n < 300; n++)
        {
            var formula = Formula(random, 4);
            var compiled = Doc.Compile($"rule r: [{formula}]");
            var test = ((TokenNode)PatternParser.Parse($"rule r: [{formula}]")[0].Pattern).Test;
            var expected = Enumerable.Range(0, words.Length).Where(i => Holds(test, words[i])).Select(i => $"r:{i}-{i + 1}");
            compiled.Match(text).Spans().Should().Equal(expected, formula);
        }
    }

    private static string Formula(Random random, int depth) => (depth == 0 ? 0 : random.Next(5)) switch
    {
        0 => $"lower=\"{(char)('a' + random.Next(4))}\"",
        1 => $"!{Formula(random, depth - 1)}",
        2 => $"({Formula(random, depth - 1)} & {Formula(random, depth - 1)})",
        3 => $"({Formula(random, depth - 1)} | {Formula(random, depth - 1)})",
        _ => $"!({Formula(random, depth - 1)} | {Formula(random, depth - 1)} | {Formula(random, depth - 1)})",
    };

    private static bool Holds(TokenTest test, string word) => test switch
    {
        AtomTest a => a.Atom.Value == word,
        NotTest n => !Holds(n.Operand, word),
        AndTest a => Holds(a.Left, word) && Holds(a.Right, word),
        OrTest o => Holds(o.Left, word) || Holds(o.Right, word),
        _ => false,
    };

    [Fact]
    public void Dfa_and_plain_vm_agree_on_random_tagged_documents()
    {
        var compiled = PatternCompiler.Compile(
            GrammarResources.Read("sample-attribution.patterns") + """

            rule anchored_number: ^ [shape=Xxxx] [!sent_end]*? (?<n> [kind=number]) [!sent_end]*? $
            rule counted: (?<s> [ent=PERSON]) [!sent_end]{2,12}? (?<c> @cue_verb)
            rule lazy_quote: [open_quote] (?<q> .+?) [close_quote] $
            """,
            LexiconSet.Parse(GrammarResources.Read("sample-attribution.lexicon")));
        string[] vocabulary =
        [
            "Ann/NNP/U-PER", "Lee/NNP/B-PER", "Kim/NNP/L-PER", "said/VBD", "told/VBD", "that/IN", "it/PRP", "she/PRP",
            "taxes/NNS", "rise/VBP", "\"", ",/,", "./.", "according/VBG", "to/TO", "Acme/NNP/U-ORG", "2019/CD", "Mayor/NNP",
        ];
        var random = new Random(11);
        var rulesSeen = new HashSet<string>();
        for (int d = 0; d < 60; d++)
        {
            var text = Doc.Tag(string.Join(' ', RandomItems(vocabulary, 20 + random.Next(60), random)));
            var quotes = Doc.Quotes(text);
            foreach (var scope in new[] { MatchScope.Range, MatchScope.Sentence })
            {
                var withDfa = new MatchSet();
                var plain = new MatchSet();
                compiled.Match(text, quotes, 0, text.Analysis.Tokens.Length, withDfa, scope);
                compiled.Match(text, quotes, 0, text.Analysis.Tokens.Length, plain, scope, new PikeVm(compiled) { UseDfa = false });
                withDfa.Spans().Should().Equal(plain.Spans());
                rulesSeen.UnionWith(withDfa.Spans().Select(m => m.Split(':')[0]));
            }
        }

        rulesSeen.Should().HaveCountGreaterThan(4, "the documents exercise most rules");
    }

    private static void AssertAgrees(string pattern, string[] words)
    {
        var syntax = PatternParser.Parse($"rule r: {pattern}")[0];
        var expected = BacktrackingReference.FindAll(syntax.Pattern, words);
        var compiled = Doc.Compile($"rule r: {pattern}");
        var text = Doc.Words(words.Length == 0 ? "z" : string.Join(' ', words));
        var set = new MatchSet();
        compiled.Match(text, default, 0, words.Length, set);
        var plain = new MatchSet();
        compiled.Match(text, default, 0, words.Length, plain, MatchScope.Range, new PikeVm(compiled) { UseDfa = false });
        plain.Spans().Should().Equal(set.Spans(), "the DFA only decides where the VM runs");
        var pike = new MatchSet();
        compiled.Match(text, default, 0, words.Length, pike, MatchScope.Range, new PikeVm(compiled) { UseBacktracking = false });
        pike.Spans().Should().Equal(set.Spans(), "backtracking and the Pike VM find the same matches in the DFA's stretches");
        var everyStart = new MatchSet();
        compiled.Match(text, default, 0, words.Length, everyStart, MatchScope.Range, new PikeVm(compiled) { UseStartFinder = false });
        everyStart.Spans().Should().Equal(set.Spans(), "the backward walk only spares the backtracker attempts that fail");

        var actual = new List<string>();
        for (int i = 0; i < set.Count; i++)
        {
            var captures = compiled.Rules[0].CaptureNames
                .Select(n => (n, set.Capture(set[i], n)))
                .Where(c => !c.Item2.IsNone)
                .Select(c => $"{c.n}={c.Item2.Start}-{c.Item2.End}");
            actual.Add($"{set[i].Start}-{set[i].End} {string.Join(',', captures)}");
        }

        var wanted = expected.Select(f => $"{f.Start}-{f.End} {string.Join(',', f.Captures.OrderBy(c => compiled.Rules[0].CaptureIndex(c.Key)).Select(c => $"{c.Key}={c.Value.Start}-{c.Value.End}"))}");
        actual.Should().Equal(wanted, $"pattern {pattern} on '{string.Join(' ', words)}'");
    }

    /// <summary>A random pattern over a, b, c; quantifiers only on bodies that consume, as in real rules.</summary>
    internal static (string Text, bool Nullable) Generate(Random random, int depth, int[] groups)
    {
        int choice = depth == 0 ? random.Next(2) : random.Next(7);
        switch (choice)
        {
            case 0:
                return ($"\"{(char)('a' + random.Next(3))}\"", false);
            case 1:
                return (random.Next(4) == 0 ? "." : $"\"{(char)('a' + random.Next(3))}\"", false);
            case 2:
                {
                    var parts = Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Generate(random, depth - 1, groups)).ToList();
                    return ($"({string.Join(' ', parts.Select(p => p.Text))})", parts.All(p => p.Nullable));
                }

            case 3:
                {
                    var left = Generate(random, depth - 1, groups);
                    var right = Generate(random, depth - 1, groups);
                    return ($"({left.Text} | {right.Text})", left.Nullable || right.Nullable);
                }

            case 4:
                {
                    var inner = Generate(random, depth - 1, groups);
                    return ($"(?<g{groups[0]++}> {inner.Text})", inner.Nullable);
                }

            default:
                {
                    var body = Generate(random, depth - 1, groups);
                    if (body.Nullable)
                    {
                        return body;
                    }

                    var quantifier = new StringBuilder(random.Next(5) switch { 0 => "?", 1 => "*", 2 => "+", 3 => "{1,2}", _ => "{0,2}" });
                    if (random.Next(3) == 0)
                    {
                        quantifier.Append('?');
                    }

                    bool nullable = quantifier[0] is '?' or '*' || quantifier.ToString().StartsWith("{0", StringComparison.Ordinal);
                    return ($"({body.Text}){quantifier}", nullable);
                }
        }
    }

    /// <summary>Random annotated items, never two punctuation items in a row (the tokenizer would join ". ." or "\" \"").</summary>
    private static IEnumerable<string> RandomItems(string[] vocabulary, int count, Random random)
    {
        bool previousWasPunctuation = false;
        for (int produced = 0; produced < count;)
        {
            var item = vocabulary[random.Next(vocabulary.Length)];
            bool isPunctuation = !char.IsLetterOrDigit(item[0]);
            if (isPunctuation && previousWasPunctuation)
            {
                continue;
            }

            previousWasPunctuation = isPunctuation;
            produced++;
            yield return item;
        }
    }
}

using QuoteExtract.Matching;
using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Matching;

/// <summary>
/// The backward walk over a rule's mirror image (<see cref="StartFinder"/>, <see cref="PatternReverser"/>) against the
/// backtracking definition: the positions it marks are those from which some match of the pattern starts.
/// </summary>
public sealed class StartFinderTests
{
    [Theory]
    [InlineData("\"a\" \"b\"", "a b a a b b a b", "0 3 6")]
    [InlineData("\"a\" \"b\"* \"c\"", "a b b c a c b a b", "0 4")]
    [InlineData("(\"a\" | \"b\" \"c\") \"d\"", "b c d a d a b d", "0 3")]
    [InlineData("\"a\"+ \"b\"", "a a a b a c a b", "0 1 2 6")]
    public void Marks_exactly_the_positions_where_a_match_starts(string pattern, string words, string starts)
    {
        var (marked, first) = Marks(pattern, words.Split(' '));
        marked.Should().Equal(starts.Split(' ').Select(int.Parse));
        first.Should().Be(marked[0]);
    }

    [Fact]
    public void A_stretch_without_a_match_has_no_start()
    {
        var (marked, first) = Marks("\"a\" \"b\"", "b a c a a".Split(' '));
        marked.Should().BeEmpty();
        first.Should().Be(-1);
    }

    [Fact]
    public void Generated_patterns_mark_the_starts_of_backtracking_matches()
    {
        // Generated repeats are at most {0,2} wide, so the relaxed automaton is exact here: every true start is marked
        // (what the backtracker relies on), and nothing else.
        var random = new Random(20261129);
        int compared = 0, withStarts = 0;
        for (int p = 0; p < 300; p++)
        {
            var (pattern, nullable) = SemanticsTests.Generate(random, 3, new int[1]);
            if (nullable)
            {
                continue;
            }

            var syntax = PatternParser.Parse($"rule r: {pattern}")[0].Pattern;
            for (int t = 0; t < 10; t++)
            {
                var words = Enumerable.Range(0, random.Next(1, 20)).Select(_ => ((char)('a' + random.Next(3))).ToString()).ToArray();
                var expected = Enumerable.Range(0, words.Length)
                    .Where(s => BacktrackingReference.FindAll(syntax, words[s..]).FirstOrDefault() is { Start: 0 })
                    .ToArray();
                var (marked, first) = Marks(pattern, words);
                marked.Should().Equal(expected, $"pattern {pattern} on '{string.Join(' ', words)}'");
                first.Should().Be(expected.Length == 0 ? -1 : expected[0]);
                compared++;
                withStarts += expected.Length > 0 ? 1 : 0;
            }
        }

        compared.Should().BeGreaterThan(1000);
        withStarts.Should().BeGreaterThan(compared / 4, "most cases must have starts to find");
    }

    [Fact]
    public void Anchors_assert_the_same_positions_backwards()
    {
        // "." ends a sentence: ^ holds at 0 and after each ".", $ before each "." boundary and at the end.
        var (marked, _) = Marks("^ \"a\" \"b\"", "a b . a b c a b . a b".Split(' '));
        marked.Should().Equal(0, 3, 9);
        (marked, _) = Marks("\"a\" \"b\" $", "a b . a b c a b . a b".Split(' '));
        marked.Should().Equal(9);
    }

    [Fact]
    public void Reversing_a_pattern_twice_gives_it_back()
    {
        var pattern = PatternParser.Parse("rule r: (?<x> \"a\" | \"b\" \"c\"+) ^ \"d\"{1,3}? $")[0].Pattern;
        var twice = PatternReverser.Reverse(PatternReverser.Reverse(pattern));
        Describe(twice).Should().Be(Describe(pattern).Replace("x:", string.Empty, StringComparison.Ordinal));
        Describe(PatternReverser.Reverse(pattern)).Should().StartWith("$ ");
    }

    /// <summary>The positions the finder marks over the whole text (one stretch, the range as anchors see it) and what Find returned.</summary>
    private static (List<int> Marked, int First) Marks(string pattern, string[] words)
    {
        var compiled = Doc.Compile($"rule r: {pattern}");
        var text = Doc.Words(string.Join(' ', words));
        int n = text.Analysis.Tokens.Length;
        n.Should().Be(words.Length);
        var alphabet = new TokenAlphabet(compiled.TestedBits);
        var bits = new ulong[n * compiled.RowWords];
        var flags = new byte[n];
        var classes = new int[n];
        compiled.Features.Compute(text, default, 0, n, bits, flags, classes, alphabet);
        var dfaFlags = new byte[n];
        LazyDfa.TokenFlags(flags, dfaFlags, n);
        var finder = new StartFinder(compiled, alphabet, LazyDfa.DefaultMaxStates);
        long steps = 0;
        int first = finder.Find(compiled.Rules[0], 0, n, 0, n, 0, bits, classes, dfaFlags, compiled.RowWords, ref steps);
        return (Enumerable.Range(0, n).Where(finder.IsStart).ToList(), first);
    }

    private static string Describe(PatternNode node) => node switch
    {
        TokenNode t => t.Test.Canonical,
        SequenceNode s => string.Join(' ', s.Items.Select(Describe)),
        AlternationNode a => "(" + string.Join(" | ", a.Alternatives.Select(Describe)) + ")",
        RepeatNode r => $"({Describe(r.Body)}){{{r.Min},{r.Max}}}",
        GroupNode g => $"({(g.Name is null ? string.Empty : g.Name + ":")}{Describe(g.Body)})",
        AnchorNode a => a.Kind == AnchorKind.SentenceStart ? "^" : "$",
        _ => "?",
    };
}

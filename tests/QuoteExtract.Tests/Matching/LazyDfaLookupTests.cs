using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>
/// A transition read ahead (<see cref="LazyDfa.Begin"/>, then <see cref="LazyDfa.Next(in LazyDfa.Lookup, int, int, int)"/>)
/// gives the state a plain <see cref="LazyDfa.Next(int, int, int)"/> gives, whether the slot it read held the transition,
/// held another one, or was read before the table changed.
/// </summary>
public sealed class LazyDfaLookupTests
{
    [Fact]
    public void A_walk_with_lookups_read_ahead_visits_the_states_of_a_plain_walk()
    {
        var (dfa, plain, classes) = Setup("rule r: \"a\" \"b\"* \"c\"", "a b b c x a c a b a b b b c b");

        // The plain walk builds the transitions; the walk reading ahead then finds them, on a second pass also through
        // slots read while other transitions were being built.
        var expected = Walk(plain, classes, readAhead: false);
        for (int pass = 0; pass < 2; pass++)
        {
            Walk(dfa, classes, readAhead: true).Should().Equal(expected);
        }

        expected.Should().Contain(s => s != LazyDfa.Empty);
        dfa.StateCount.Should().Be(plain.StateCount);
    }

    [Fact]
    public void A_lookup_read_before_the_table_was_dropped_is_not_trusted()
    {
        var (dfa, _, classes) = Setup("rule r: \"a\" \"b\" \"c\"", "a b c");
        int afterA = dfa.Next(LazyDfa.Empty, classes[0], 0);
        int afterB = dfa.Next(afterA, classes[1], 0);
        var stale = dfa.Begin(afterA, classes[1], 0);
        dfa.Next(stale, afterA, classes[1], 0).Should().Be(afterB, "the slot read holds the transition");

        dfa.Clear();

        // The ids are given out again from the empty state on: the lookup's key matches again, and its slot names a state
        // that no longer exists.
        int renewed = dfa.Next(LazyDfa.Empty, classes[0], 0);
        renewed.Should().Be(afterA);
        int next = dfa.Next(stale, renewed, classes[1], 0);
        next.Should().BeLessThan(dfa.StateCount);
        next.Should().Be(dfa.Next(renewed, classes[1], 0));
        dfa.RuleSets(next)[0].Should().Be(1UL, "rule r is alive after \"a b\"");
    }

    [Fact]
    public void A_lookup_for_another_transition_falls_back_to_the_table()
    {
        var (dfa, plain, classes) = Setup("rule r: \"a\" (\"b\" | \"c\")", "a b c");
        int afterA = dfa.Next(LazyDfa.Empty, classes[0], 0);
        var other = dfa.Begin(afterA, classes[1], 0);

        // Asked for the transition on "c" with the slot read for "b": the answer is the one for "c" (a match).
        int next = dfa.Next(other, afterA, classes[2], 0);
        next.Should().Be(plain.Next(plain.Next(LazyDfa.Empty, classes[0], 0), classes[2], 0));
        dfa.RuleSets(next)[1].Should().Be(1UL, "rule r reaches Match after \"a c\"");
    }

    private static (LazyDfa Dfa, LazyDfa Plain, int[] Classes) Setup(string grammar, string words)
    {
        var compiled = Doc.Compile(grammar);
        var text = Doc.Words(words);
        int n = text.Analysis.Tokens.Length;
        var alphabet = new TokenAlphabet(compiled.TestedBits);
        var bits = new ulong[n * compiled.RowWords];
        var flags = new byte[n];
        var classes = new int[n];
        compiled.Features.Compute(text, default, 0, n, bits, flags, classes, alphabet);
        LazyDfa Create() => new(compiled.DfaProgram, compiled.DfaStarts, compiled.RuleArray, compiled.RuleArray.Length, compiled.RowWords, alphabet);
        return (Create(), Create(), classes);
    }

    /// <summary>The state after each token, the next token's transition read before the current one's state is used when <paramref name="readAhead"/>.</summary>
    private static List<int> Walk(LazyDfa dfa, int[] classes, bool readAhead)
    {
        var states = new List<int>();
        int state = LazyDfa.Empty;
        LazyDfa.Lookup ahead = default;
        for (int i = 0; i < classes.Length; i++)
        {
            state = readAhead ? dfa.Next(ahead, state, classes[i], 0) : dfa.Next(state, classes[i], 0);
            if (readAhead && i + 1 < classes.Length)
            {
                ahead = dfa.Begin(state, classes[i + 1], 0);
            }

            states.Add(state);
        }

        return states;
    }
}

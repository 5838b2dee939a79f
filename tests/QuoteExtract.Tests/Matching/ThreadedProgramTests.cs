using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>The backtracker's view of the program (<see cref="ThreadedProgram"/>): jumps threaded, split trees flattened where that is exact.</summary>
public sealed class ThreadedProgramTests
{
    [Fact]
    public void A_chain_of_alternatives_becomes_one_list_in_priority_order()
    {
        var (program, threaded, tests) = Compile("\"a\" | \"b\" | \"c\"");
        int split = FirstSplit(program);
        Branches(threaded, split).Should().Equal(tests["a"], tests["b"], tests["c"]);
    }

    [Fact]
    public void A_split_with_another_way_in_stays_a_branch_of_its_own()
    {
        // The second alternation is reached both when the optional group is skipped and after it: folding it into the
        // first split would let the search enter it twice at one position without its bitmap mark.
        var (program, threaded, tests) = Compile("(\"a\" | \"b\")? (\"c\" | \"d\")");
        int optional = FirstSplit(program);
        var branches = Branches(threaded, optional);
        branches.Should().HaveCount(3);
        branches.Take(2).Should().Equal(tests["a"], tests["b"]);
        program[branches[2]].Op.Should().Be(OpCode.Split);
        Branches(threaded, branches[2]).Should().Equal(tests["c"], tests["d"]);
    }

    [Fact]
    public void Successors_skip_jumps()
    {
        var (program, threaded, tests) = Compile("(\"a\" | \"b\") \"c\"");
        program.Should().Contain(i => i.Op == OpCode.Jump);
        threaded.NextPc[tests["a"]].Should().Be(tests["c"]);
        threaded.NextPc[tests["b"]].Should().Be(tests["c"]);
        for (int pc = 0; pc < program.Length; pc++)
        {
            if (program[pc].Op == OpCode.Split)
            {
                Branches(threaded, pc).Should().NotContain(b => program[b].Op == OpCode.Jump);
            }
        }
    }

    private static (Instruction[] Program, ThreadedProgram Threaded, Dictionary<string, int> Tests) Compile(string pattern)
    {
        var compiled = Doc.Compile($"rule r: {pattern}");
        var program = compiled.Program;
        var words = new[] { "a", "b", "c", "d" };
        var text = Doc.Words(string.Join(' ', words));
        var alphabet = new TokenAlphabet(compiled.TestedBits);
        var bits = new ulong[words.Length * compiled.RowWords];
        compiled.Features.Compute(text, default, 0, words.Length, bits, new byte[words.Length], new int[words.Length], alphabet);

        // Each Test instruction, named by the one word of a, b, c, d it accepts.
        var tests = new Dictionary<string, int>();
        for (int pc = 0; pc < program.Length; pc++)
        {
            if (program[pc].Op == OpCode.Test)
            {
                int bit = program[pc].X;
                var accepted = Enumerable.Range(0, words.Length).Where(i => ((bits[(i * compiled.RowWords) + (bit >> 6)] >> bit) & 1) != 0).ToList();
                accepted.Should().ContainSingle();
                tests[words[accepted[0]]] = pc;
            }
        }

        return (program, compiled.Threaded, tests);
    }

    private static int FirstSplit(Instruction[] program) => Array.FindIndex(program, i => i.Op == OpCode.Split);

    private static int[] Branches(ThreadedProgram threaded, int split) =>
        threaded.Branches[threaded.BranchBounds[2 * split]..threaded.BranchBounds[(2 * split) + 1]];
}

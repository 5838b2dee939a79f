namespace QuoteExtract.Matching;

/// <summary>
/// The program as the <see cref="BoundedBacktracker"/> walks it: jumps threaded (each instruction's successors skip
/// jump chains) and trees of splits flattened into one list of branches in priority order. A Thompson alternation of
/// n branches is a chain of n - 1 splits, each of which cost the search a visit, a bitmap mark and two lookahead tests;
/// flattened, the search tests each branch's lookahead once and visits only the branches that can go on. A split inside
/// a tree is folded in only when its tree is the one way to reach it: then it is never reached at a position where the
/// tree's root was not (the root's bitmap mark stands for it), and the depth-first order is unchanged, so the search
/// finds the same match. Immutable; computed once per grammar.
/// </summary>
internal sealed class ThreadedProgram
{
    private readonly int[] _next;
    private readonly int[] _branchBounds;
    private readonly int[] _branches;

    public ThreadedProgram(Instruction[] program, IEnumerable<int> entries)
    {
        int n = program.Length;
        _next = new int[n];
        for (int pc = 0; pc < n; pc++)
        {
            _next[pc] = pc + 1 < n ? Resolve(program, pc + 1) : pc + 1;
        }

        // In-degree over the threaded edges, entries counting as one more way in.
        var incoming = new int[n + 1];
        foreach (int entry in entries)
        {
            incoming[Resolve(program, entry)]++;
        }

        for (int pc = 0; pc < n; pc++)
        {
            switch (program[pc].Op)
            {
                case OpCode.Split:
                    incoming[Resolve(program, program[pc].X)]++;
                    incoming[Resolve(program, program[pc].Y)]++;
                    break;
                case OpCode.Test or OpCode.Save or OpCode.AssertSentenceStart or OpCode.AssertSentenceEnd:
                    incoming[_next[pc]]++;
                    break;
            }
        }

        _branchBounds = new int[2 * n];
        var branches = new List<int>();
        for (int pc = 0; pc < n; pc++)
        {
            if (program[pc].Op == OpCode.Split)
            {
                _branchBounds[2 * pc] = branches.Count;
                Flatten(program, incoming, Resolve(program, program[pc].X), branches);
                Flatten(program, incoming, Resolve(program, program[pc].Y), branches);
                _branchBounds[(2 * pc) + 1] = branches.Count;
            }
        }

        _branches = [.. branches];
    }

    /// <summary>Per instruction pc (a Test, Save or assertion), the instruction after it, past any jumps.</summary>
    public int[] NextPc => _next;

    /// <summary>For Split instruction pc, its branches are <see cref="Branches"/>[BranchBounds[2pc] .. BranchBounds[2pc + 1]).</summary>
    public int[] BranchBounds => _branchBounds;

    /// <summary>Every split's branches, in priority order: none is a jump, and a split among them has other ways in.</summary>
    public int[] Branches => _branches;

    private static int Resolve(Instruction[] program, int pc)
    {
        // Patterns consume a token on every loop, so a chain of jumps ends.
        while (pc < program.Length && program[pc].Op == OpCode.Jump)
        {
            pc = program[pc].X;
        }

        return pc;
    }

    private static void Flatten(Instruction[] program, int[] incoming, int pc, List<int> output)
    {
        if (program[pc].Op == OpCode.Split && incoming[pc] == 1)
        {
            Flatten(program, incoming, Resolve(program, program[pc].X), output);
            Flatten(program, incoming, Resolve(program, program[pc].Y), output);
        }
        else
        {
            output.Add(pc);
        }
    }
}

using System.Runtime.CompilerServices;

namespace QuoteExtract.Matching;

/// <summary>
/// One token of lookahead for the <see cref="BoundedBacktracker"/>: for each instruction, the predicate bits a thread
/// there can consume first (the Test instructions reachable through splits, jumps, saves and assertions), and whether
/// it can reach Match without consuming a token. A branch that needs a token none of whose bits the next token has is
/// dead, so the search skips it instead of walking its splits and saves to the failing tests (most branches of a rule's
/// alternations fail on the next token). Assertions count as passable, which only keeps more branches: never a change
/// in the matches. Immutable; computed once per grammar.
/// </summary>
internal sealed class Lookahead
{
    private readonly ulong[] _masks;
    private readonly bool[] _needsToken;
    private readonly int _words;

    public Lookahead(Instruction[] program, int words)
    {
        _words = words;
        _masks = new ulong[program.Length * words];
        _needsToken = new bool[program.Length];
        var marks = new int[program.Length];
        var stack = new Stack<int>();
        for (int start = 0; start < program.Length; start++)
        {
            bool canEnd = false;
            var mask = _masks.AsSpan(start * words, words);
            stack.Push(start);
            while (stack.Count > 0)
            {
                int pc = stack.Pop();
                if (marks[pc] == start + 1)
                {
                    continue;
                }

                marks[pc] = start + 1;
                var ins = program[pc];
                switch (ins.Op)
                {
                    case OpCode.Test:
                        mask[ins.X >> 6] |= 1UL << ins.X;
                        break;
                    case OpCode.Match:
                        canEnd = true;
                        break;
                    case OpCode.Split:
                        stack.Push(ins.Y);
                        stack.Push(ins.X);
                        break;
                    case OpCode.Jump:
                        stack.Push(ins.X);
                        break;
                    default:
                        stack.Push(pc + 1);
                        break;
                }
            }

            _needsToken[start] = !canEnd;
        }
    }

    /// <summary>
    /// Whether a thread at <paramref name="pc"/> may still match when the next token's row starts at
    /// <paramref name="row"/> in <paramref name="bits"/>, or when there is no next token (<paramref name="row"/> &lt; 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Allows(int pc, ulong[] bits, int row)
    {
        if (!_needsToken[pc])
        {
            return true;
        }

        if (row < 0)
        {
            return false;
        }

        int at = pc * _words;
        for (int w = 0; w < _words; w++)
        {
            if ((bits[row + w] & _masks[at + w]) != 0)
            {
                return true;
            }
        }

        return false;
    }
}

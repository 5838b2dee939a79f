using System.Runtime.CompilerServices;

namespace QuoteExtract.Matching;

/// <summary>
/// Captures for one rule over one short stretch the lazy DFA found, by backtracking with a visited bitmap over
/// (instruction, position) (RE2's "bit state"): a depth-first search in priority order finds the leftmost-first match,
/// as the Pike VM does, but only walks the paths the text allows, instead of stepping every live thread and copying
/// its captures at each token. A state that failed once fails from any start, so the bitmap is shared by every start
/// position and the work stays O(rule size × stretch length); stretches too long for a small bitmap are left to the
/// Pike VM. Scratch memory of one <see cref="PikeVm"/>; nothing is allocated per token.
/// </summary>
internal sealed class BoundedBacktracker
{
    /// <summary>Largest bitmap (instructions × positions) used; above it the caller runs the Pike VM.</summary>
    public const int MaxCells = 1 << 18;

    private const int SentenceStart = TokenFeatures.SentenceStartFlag, SentenceEnd = TokenFeatures.SentenceEndFlag;

    private readonly Instruction[] _program;
    private readonly Lookahead _lookahead;
    private readonly int[] _nextPc;
    private readonly int[] _branchBounds;
    private readonly int[] _branches;
    private readonly int[] _ruleEnd;
    private readonly int[] _caps;
    private ulong[] _visited = new ulong[1024];
    private int[] _stack = new int[256];

    public BoundedBacktracker(CompiledPatterns patterns)
    {
        _program = patterns.Program;
        _lookahead = patterns.Lookahead;
        var threaded = patterns.Threaded;
        _nextPc = threaded.NextPc;
        _branchBounds = threaded.BranchBounds;
        _branches = threaded.Branches;
        var rules = patterns.RuleArray;
        _ruleEnd = new int[rules.Length];
        for (int r = 0; r < rules.Length; r++)
        {
            // The compiler lays rules out one after the other.
            _ruleEnd[r] = r + 1 < rules.Length ? rules[r + 1].StartPc : _program.Length;
        }

        _caps = new int[patterns.SlotCount];
    }

    /// <summary>
    /// Adds to <paramref name="results"/> the leftmost-first, non-overlapping matches of <paramref name="rule"/> that start
    /// in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>), a stretch outside of which the rule has no
    /// thread; anchors see the range [<paramref name="from"/>, <paramref name="to"/>). Returns false, having done
    /// nothing, when the stretch is too long for the bitmap. With <paramref name="starts"/> (whose last search covered
    /// the stretch), only the positions it marked are tried; else every position the rule's first tests allow.
    /// </summary>
    public bool FindAll(CompiledRule rule, int windowStart, int windowEnd, int from, int to, int featureBase,
        ulong[] bits, byte[] flags, int words, StartFinder? starts, MatchSet results, ref long steps)
    {
        int size = _ruleEnd[rule.Index] - rule.StartPc;
        long cells = (long)size * (windowEnd - windowStart + 1);
        if (cells > MaxCells)
        {
            return false;
        }

        int needed = (int)((cells + 63) >> 6);
        if (_visited.Length < needed)
        {
            _visited = new ulong[Math.Max(needed, 2 * _visited.Length)];
        }

        Array.Clear(_visited, 0, needed);
        int captureSlots = 2 * rule.CaptureNames.Count;
        var window = new Window(rule.StartPc, size, windowStart, windowEnd, from, to, featureBase, words, 2 + captureSlots);
        var first = rule.FirstMask;
        for (int p = windowStart; p < windowEnd;)
        {
            bool candidate = starts is null ? PikeVm.Intersects(bits, (p - featureBase) * words, first) : starts.IsStart(p);
            if (!candidate || !TryAt(p, window, bits, flags, ref steps))
            {
                p++;
                continue;
            }

            int end = _caps[1];
            results.Add(rule.Index, _caps[0], end, _caps.AsSpan(2, captureSlots));

            // The successful path's states are marked but did not fail; the next search starts at the match's end, so of
            // them only those at that position can be reached again: unmark that column.
            ClearColumn(end - windowStart, size);
            p = end; // a match has at least one token
        }

        return true;
    }

    /// <summary>Depth-first search in priority order for a match starting at <paramref name="start"/>; on success the captures are in <see cref="_caps"/>.</summary>
    private bool TryAt(int start, in Window w, ulong[] bits, byte[] flags, ref long steps)
    {
        var caps = _caps;
        for (int i = 0; i < w.Slots; i++)
        {
            caps[i] = -1; // a handful of slots: a plain loop beats the vectorized fill's setup
        }

        long visits = 0; // counted in a register, added to steps on the way out
        var program = _program;
        var visited = _visited;
        int sp = 0;
        Push(ref sp, w.StartPc, start);
        while (sp > 0)
        {
            int position = _stack[--sp];
            int head = _stack[--sp];
            if (head < 0)
            {
                _caps[~head] = position; // restore a capture slot on the way out of a branch
                continue;
            }

            int pc = head, pos = position;
            while (true)
            {
                int cell = ((pos - w.WindowStart) * w.Size) + (pc - w.StartPc);
                ulong bit = 1UL << cell;
                if ((visited[cell >> 6] & bit) != 0)
                {
                    break;
                }

                visited[cell >> 6] |= bit;
                visits++;
                ref readonly var ins = ref program[pc];
                switch (ins.Op)
                {
                    case OpCode.Jump:
                        pc = ins.X;
                        continue;
                    case OpCode.Split:
                        {
                            // The split's whole tree of branches at once (ThreadedProgram), and only those the next token
                            // allows: the others would walk to failing tests. The first allowed goes on here; the rest wait
                            // on the stack, lowest priority deepest.
                            int row = pos < w.WindowEnd ? (pos - w.FeatureBase) * w.Words : -1;
                            int go = -1;
                            for (int b = _branchBounds[(2 * pc) + 1] - 1, first = _branchBounds[2 * pc]; b >= first; b--)
                            {
                                int branch = _branches[b];
                                if (_lookahead.Allows(branch, bits, row))
                                {
                                    if (go >= 0)
                                    {
                                        Push(ref sp, go, pos);
                                    }

                                    go = branch;
                                }
                            }

                            if (go < 0)
                            {
                                break;
                            }

                            pc = go;
                            continue;
                        }
                    case OpCode.Save:
                        Push(ref sp, ~ins.X, _caps[ins.X]);
                        _caps[ins.X] = pos;
                        pc = _nextPc[pc];
                        continue;
                    case OpCode.AssertSentenceStart:
                        if (pos == w.From || (pos < w.To && (flags[pos - w.FeatureBase] & SentenceStart) != 0))
                        {
                            pc = _nextPc[pc];
                            continue;
                        }

                        break;
                    case OpCode.AssertSentenceEnd:
                        if (pos == w.To || (pos > w.From && (flags[pos - 1 - w.FeatureBase] & SentenceEnd) != 0))
                        {
                            pc = _nextPc[pc];
                            continue;
                        }

                        break;
                    case OpCode.Test:
                        if (pos < w.WindowEnd && ((bits[((pos - w.FeatureBase) * w.Words) + (ins.X >> 6)] >> ins.X) & 1) != 0)
                        {
                            pc = _nextPc[pc];
                            pos++;
                            continue;
                        }

                        break;
                    case OpCode.Match:
                        _caps[1] = pos;
                        steps += visits;
                        return true;
                }

                break;
            }
        }

        steps += visits;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(ref int sp, int head, int value)
    {
        if (sp + 2 > _stack.Length)
        {
            Array.Resize(ref _stack, 2 * _stack.Length);
        }

        _stack[sp++] = head;
        _stack[sp++] = value;
    }

    private void ClearColumn(int column, int size)
    {
        // Word by word: a rule has hundreds of instructions, and this runs after every match.
        int first = column * size, end = first + size;
        while (first < end)
        {
            int word = first >> 6, bit = first & 63;
            int n = Math.Min(64 - bit, end - first);
            ulong mask = (n == 64 ? ulong.MaxValue : (1UL << n) - 1) << bit;
            _visited[word] &= ~mask;
            first += n;
        }
    }

    /// <summary>The fixed facts of one search: the rule's instructions, the stretch, the range, the feature layout and the capture slots the rule uses.</summary>
    private readonly record struct Window(int StartPc, int Size, int WindowStart, int WindowEnd, int From, int To, int FeatureBase, int Words, int Slots);
}

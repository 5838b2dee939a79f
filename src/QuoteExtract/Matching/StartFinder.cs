namespace QuoteExtract.Matching;

/// <summary>
/// Where a rule's matches can start in a stretch the forward DFA found, by one backward walk of a lazy DFA over the
/// rule's mirror image (RE2's reverse DFA): seeded at every position as a possible end, it reaches the rule's entry at
/// each position from which some match of the stretch starts. The <see cref="BoundedBacktracker"/> then tries only those
/// positions, instead of every token the rule's first tests allow (<c>speaker_cue_content</c> is seeded at almost every
/// noun, and most of those attempts failed). The automaton reads the relaxed program, so the positions are a superset
/// of the true starts: the backtracker still decides, and the leftmost-first matches it reports are unchanged.
/// A walk costs one table probe per token; each rule's DFA is small and is built on first use. Scratch memory of one
/// <see cref="PikeVm"/>.
/// </summary>
internal sealed class StartFinder
{
    private readonly CompiledPatterns _patterns;
    private readonly TokenAlphabet _alphabet;
    private readonly int _maxStates;
    private readonly LazyDfa?[] _dfas;
    private readonly int[] _entries; // every rule's program starts at 0
    private ulong[] _starts = new ulong[4];
    private int _base;

    /// <summary>Finders for <paramref name="patterns"/>' rules reading token classes of <paramref name="alphabet"/>, each DFA caching at most <paramref name="maxStates"/> states.</summary>
    public StartFinder(CompiledPatterns patterns, TokenAlphabet alphabet, int maxStates)
    {
        _patterns = patterns;
        _alphabet = alphabet;
        _maxStates = maxStates;
        _dfas = new LazyDfa?[patterns.RuleArray.Length];
        _entries = new int[_dfas.Length];
    }

    /// <summary>
    /// Marks the positions in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>) at which a match of
    /// <paramref name="rule"/> inside the stretch may start (every true start, perhaps more), for <see cref="IsStart"/>;
    /// returns the first, or -1. Anchors see the range [<paramref name="from"/>, <paramref name="to"/>); token rows,
    /// classes and transition flags (<see cref="LazyDfa.TokenFlags"/>) are indexed from <paramref name="featureBase"/>.
    /// </summary>
    public int Find(CompiledRule rule, int windowStart, int windowEnd, int from, int to, int featureBase,
        ulong[] bits, int[] classes, byte[] dfaFlags, int words, ref long steps)
    {
        var dfa = _dfas[rule.Index] ??= new LazyDfa(_patterns.ReversePrograms[rule.Index], _entries, [rule], _dfas.Length, words, _alphabet, _maxStates);
        int needed = ((windowEnd - windowStart) >> 6) + 1;
        if (_starts.Length < needed)
        {
            _starts = new ulong[Math.Max(needed, 2 * _starts.Length)];
        }

        Array.Clear(_starts, 0, needed);
        _base = windowStart;
        var seed = dfa.SeedMask(rule.Index);
        bool anchors = dfa.HasAnchors;
        int matchWord = (2 * (rule.Index >> 6)) + 1;
        ulong matchBit = 1UL << rule.Index;
        int state = LazyDfa.Empty, first = -1;
        long buildBefore = dfa.BuildSteps;
        for (int i = windowEnd - 1; i >= windowStart; i--)
        {
            int local = i - featureBase;
            if (state == LazyDfa.Empty && !PikeVm.Intersects(bits, local * words, seed))
            {
                continue; // no match ends at i + 1, and none is being followed back
            }

            steps++;
            // A backward step over token i leaves position i + 1 (where the mirror image is seeded) for position i, so the
            // forward transition's seed and next facts trade places.
            int f = anchors ? LazyDfa.FlagsAt(dfaFlags, i, from, to, featureBase) : 0;
            state = dfa.Next(state, classes[local], ((f & 3) << 2) | (f >> 2));
            if ((dfa.RuleSets(state)[matchWord] & matchBit) != 0)
            {
                int offset = i - windowStart;
                _starts[offset >> 6] |= 1UL << offset;
                first = i;
            }
        }

        steps += dfa.BuildSteps - buildBefore;
        return first;
    }

    /// <summary>
    /// Whether a backward walk over the stretch is worth its cost: only when the rule's first tests allow several positions
    /// of it. With one, the backtracker tries that position anyway, and attempts from it seldom fail.
    /// </summary>
    public static bool PaysOff(CompiledRule rule, int windowStart, int windowEnd, int featureBase, ulong[] bits, int words)
    {
        var first = rule.FirstMask;
        bool seen = false;
        for (int p = windowStart; p < windowEnd; p++)
        {
            if (PikeVm.Intersects(bits, (p - featureBase) * words, first))
            {
                if (seen)
                {
                    return true;
                }

                seen = true;
            }
        }

        return false;
    }

    /// <summary>Whether the last <see cref="Find"/> marked position <paramref name="position"/> (inside its stretch).</summary>
    public bool IsStart(int position)
    {
        int offset = position - _base;
        return ((_starts[offset >> 6] >> offset) & 1) != 0;
    }

    /// <summary>The backward DFAs built so far, for tuning.</summary>
    internal IEnumerable<LazyDfa> Dfas => _dfas.OfType<LazyDfa>();

    /// <summary>Drops every DFA's transitions, e.g. when the token classes they are keyed by are renumbered.</summary>
    public void Clear()
    {
        foreach (var dfa in _dfas)
        {
            dfa?.Clear();
        }
    }
}

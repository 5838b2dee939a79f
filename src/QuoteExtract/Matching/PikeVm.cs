using System.Runtime.CompilerServices;
using QuoteExtract.Tagging;

namespace QuoteExtract.Matching;

/// <summary>
/// The matching engine and its scratch memory: a Pike VM (Thompson NFA simulation with captures) that runs
/// every rule of a <see cref="CompiledPatterns"/> in one left-to-right pass. Each step keeps at most one thread
/// per instruction, so a call costs O(tokens × program size) whatever the rules, and nothing is allocated per
/// token: all buffers live here and are reused. One instance serves one call at a time; the compiled
/// patterns keep a pool of them so that a grammar is shared by all threads.
/// </summary>
/// <remarks>
/// Semantics per rule: leftmost-first, non-overlapping (what a backtracking engine would report for a
/// find-all loop, without backtracking). Rules are independent: matches of different rules may overlap.
/// Finding the next match of a rule while its current match may still grow uses generations: threads
/// seeded after a rule's pending match ended belong to the next generation, and are dropped if an
/// earlier-starting thread of the current generation later replaces the pending match with a longer one.
/// </remarks>
internal sealed class PikeVm
{
    private const int Explore = int.MinValue;

    private readonly CompiledPatterns _patterns;
    private readonly Instruction[] _program;
    private readonly CompiledRule[] _rules;
    private readonly int _slots;
    private readonly int _words;
    private readonly ulong[] _anyStart;

    private readonly ThreadList _current;
    private readonly ThreadList _next;
    private readonly ThreadList _seeds;
    private readonly int[] _stack;
    private readonly int[] _work;
    private readonly int[] _fresh;

    // Per-rule generation state: gens [base, top) hold pending matches, gen top is the one being seeded.
    private readonly int[] _base;
    private readonly int[] _top;
    private readonly int[] _cutGen;
    private readonly int[] _minGen;
    private readonly int[] _minGenStamp;
    private readonly int[][] _pending;
    private readonly List<int> _cutRules = [];
    private readonly List<int> _pendingRules = [];

    private readonly LazyDfa _dfa;
    private readonly BoundedBacktracker _backtracker;
    private readonly StartFinder _startFinder;
    private readonly int _dfaMaxStates;
    private readonly Dictionary<RuleSubset, (LazyDfa Dfa, ulong[] AnyStart)> _subsetDfas = [];
    private readonly TokenAlphabet _alphabet;
    private readonly WordMemo _wordMemo = new();
    private readonly int _maxClasses;
    private readonly ulong[] _windowStart;
    private readonly List<CompiledRule> _windowRuleList = [];
    private readonly ulong[] _windowRules;
    private readonly ulong[] _liveRules;
    private readonly ulong[] _matchedRules;
    private readonly int[] _ruleStart;
    private readonly int[] _matchEnd;
    private int _stamp;
    private ulong[] _bits = new ulong[256];
    private readonly WeakReference<TaggedText> _featuresText = new(null!);
    private QuoteState[] _featuresQuotes = [];
    private int _featuresQuoteCount;
    private int _featuresFirst;
    private int _featuresCount = -1;
    private byte[] _flags = new byte[256];
    private int[] _classes = new int[256];
    private byte[] _dfaFlags = new byte[256];
    private long _steps;

    public PikeVm(CompiledPatterns patterns)
        : this(patterns, LazyDfa.DefaultMaxStates)
    {
    }

    /// <summary>
    /// A VM whose DFA cache holds at most <paramref name="dfaMaxStates"/> states and whose token alphabet is cleared between
    /// calls past <paramref name="maxClasses"/> classes (small values exercise cache resets in tests).
    /// </summary>
    internal PikeVm(CompiledPatterns patterns, int dfaMaxStates, int maxClasses = TokenAlphabet.MaxClasses)
    {
        _maxClasses = maxClasses;
        _patterns = patterns;
        _program = patterns.Program;
        _rules = patterns.RuleArray;
        _slots = patterns.SlotCount;
        _words = patterns.RowWords;
        _anyStart = new ulong[_words];
        foreach (var rule in _rules)
        {
            for (int w = 0; w < _words; w++)
            {
                _anyStart[w] |= rule.FirstMask[w];
            }
        }

        int n = _program.Length;
        _current = new ThreadList(n, _slots);
        _next = new ThreadList(n, _slots);
        _seeds = new ThreadList(n, _slots);
        _stack = new int[(4 * n) + 8];
        _work = new int[_slots];
        _fresh = new int[_slots];
        Array.Fill(_fresh, -1);
        int r = _rules.Length;
        _base = new int[r];
        _top = new int[r];
        _cutGen = new int[r];
        Array.Fill(_cutGen, -1);
        _minGen = new int[r];
        _minGenStamp = new int[r];
        Array.Fill(_minGenStamp, -1);
        _dfaMaxStates = dfaMaxStates;
        _backtracker = new BoundedBacktracker(patterns);
        _alphabet = new TokenAlphabet(patterns.TestedBits);
        _startFinder = new StartFinder(patterns, _alphabet, dfaMaxStates);
        _dfa = new LazyDfa(patterns.DfaProgram, patterns.DfaStarts, _rules, _rules.Length, _words, _alphabet, dfaMaxStates);
        _windowRules = new ulong[_dfa.RuleWords];
        _liveRules = new ulong[_dfa.RuleWords];
        _matchedRules = new ulong[_dfa.RuleWords];
        _ruleStart = new int[_dfa.RuleWords * 64];
        _matchEnd = new int[_dfa.RuleWords * 64];
        _windowStart = new ulong[_words];
        _pending = new int[r][];
        for (int i = 0; i < r; i++)
        {
            _pending[i] = new int[4 * _slots];
        }
    }

    internal CompiledPatterns Patterns => _patterns;

    /// <summary>Whether the lazy DFA picks the stretches the VM runs on (default); off runs the VM on every token, for tests.</summary>
    public bool UseDfa { get; set; } = true;

    internal LazyDfa Dfa => _dfa;

    /// <summary>Every lazy DFA of this VM (the forward DFA, those of rule subsets, the backward ones), named, for tuning.</summary>
    internal IEnumerable<(string Name, LazyDfa Dfa)> Dfas =>
        new[] { ("forward", _dfa) }
            .Concat(_subsetDfas.Values.Select(e => ("subset", e.Dfa)))
            .Concat(_startFinder.Dfas.Select(d => ("backward", d)));

    /// <summary>The token classes the DFA caches are keyed by.</summary>
    internal TokenAlphabet Alphabet => _alphabet;

    /// <summary>Whether the DFA's stretches are matched by bounded backtracking when short enough (default); off leaves them to the Pike VM, for tests.</summary>
    public bool UseBacktracking { get; set; } = true;

    /// <summary>
    /// Whether the backtracker tries only the positions a backward walk (<see cref="StartFinder"/>) marks as possible match
    /// starts (default); off tries every position the rule's first tests allow, for tests.
    /// </summary>
    public bool UseStartFinder { get; set; } = true;

    /// <summary>Tokens the VM ran over (inside windows), for tuning.</summary>
    internal long VmTokens { get; private set; }

    /// <summary>
    /// Evaluates token features for the range (unless this VM holds them from a call on the same input), then runs the
    /// automaton of all rules, or of <paramref name="subset"/>'s, over it (or over each sentence in it).
    /// </summary>
    public void Run(TaggedText text, ReadOnlySpan<QuoteState> quotes, int first, int count, MatchSet results, MatchScope scope, RuleSubset? subset = null)
    {
        int before = results.Count;
        _steps = 0;
        if (!HasFeatures(text, quotes, first, count))
        {
            ComputeFeatures(text, quotes, first, count);
        }

        if (scope == MatchScope.Sentence)
        {
            foreach (var sentence in text.Analysis.Sentences)
            {
                int s = Math.Max(sentence.FirstToken, first), e = Math.Min(sentence.EndToken, first + count);
                if (s < e)
                {
                    Search(s, e, first, results, subset);
                }
            }
        }
        else
        {
            Search(first, first + count, first, results, subset);
        }

        results.Steps += _steps;
        results.SortFrom(before);
    }

    /// <summary>
    /// Whether the buffers already hold the features of this very call's input. The attribution layer matches each
    /// text twice (per sentence, then as a whole) and features depend only on the text, the range and the quote
    /// states, so the second call skips them. A tagged text is not modified once built; quote states are compared.
    /// </summary>
    private bool HasFeatures(TaggedText text, ReadOnlySpan<QuoteState> quotes, int first, int count) =>
        _featuresCount >= 0 && first == _featuresFirst && count == _featuresCount
        && _featuresText.TryGetTarget(out var last) && ReferenceEquals(last, text)
        && quotes.SequenceEqual(_featuresQuotes.AsSpan(0, _featuresQuoteCount));

    private void ComputeFeatures(TaggedText text, ReadOnlySpan<QuoteState> quotes, int first, int count)
    {
        _featuresCount = -1; // invalid until done, in case this throws
        if (_bits.Length < count * _words)
        {
            _bits = new ulong[Math.Max(count * _words, _bits.Length * 2)];
        }

        if (_flags.Length < count)
        {
            _flags = new byte[Math.Max(count, _flags.Length * 2)];
            _classes = new int[_flags.Length];
            _dfaFlags = new byte[_flags.Length];
        }

        if (_alphabet.Count > _maxClasses)
        {
            // Bounds the alphabet on unusual input; the DFA transitions are keyed by class ids, so they go too.
            _alphabet.Clear();
            _dfa.Clear();
            _startFinder.Clear();
            foreach (var (dfa, _) in _subsetDfas.Values)
            {
                dfa.Clear();
            }
        }

        _patterns.Features.Compute(text, quotes, first, count, _bits, _flags, _classes, _alphabet, _wordMemo);
        LazyDfa.TokenFlags(_flags, _dfaFlags, count);
        if (_featuresQuotes.Length < quotes.Length)
        {
            _featuresQuotes = new QuoteState[Math.Max(quotes.Length, _featuresQuotes.Length * 2)];
        }

        quotes.CopyTo(_featuresQuotes);
        _featuresQuoteCount = quotes.Length;
        _featuresText.SetTarget(text);
        _featuresFirst = first;
        _featuresCount = count;
    }

    private void Search(int from, int to, int featureBase, MatchSet results, RuleSubset? subset)
    {
        if (!UseDfa)
        {
            Scan(from, to, from, to, featureBase, subset?.Mask, results);
            return;
        }

        // The DFA walks the range; the VM runs each rule only over the stretches in which that rule has live
        // threads and reaches Match (rules are independent, so one rule's long-lived threads, e.g. a rule starting
        // with ^, do not drag the others into the VM). Tokens that cannot start a rule while nothing is alive cost
        // one mask test.
        var (dfa, anyStarts) = subset is null ? (_dfa, _anyStart) : SubsetDfa(subset);
        var bits = _bits;
        var classes = _classes;
        int w = _words;
        int state = LazyDfa.Empty;
        bool anchors = dfa.HasAnchors;
        ulong anyStart = anyStarts[0];
        var live = _liveRules;
        var matched = _matchedRules;
        int resets = dfa.Resets;
        bool stateMatches = false;
        LazyDfa.Lookup ahead = default;
        dfa.BuildSteps = 0;
        _steps += to - from; // one DFA step per token
        for (int i = from; i < to; i++)
        {
            int row = (i - featureBase) * w;
            if (state == LazyDfa.Empty && (w == 1 ? (bits[row] & anyStart) == 0 : !Intersects(bits, row, anyStarts)))
            {
                continue;
            }

            int flags = anchors ? LazyDfa.FlagsAt(_dfaFlags, i, from, to, featureBase) : 0;
            int next = dfa.Next(ahead, state, classes[i - featureBase], flags);
            if (i + 1 < to)
            {
                // The next token's transition, read now: its cache miss overlaps the bookkeeping below.
                ahead = dfa.Begin(next, classes[i + 1 - featureBase], anchors ? LazyDfa.FlagsAt(_dfaFlags, i + 1, from, to, featureBase) : 0);
            }

            if (next == state && dfa.Resets == resets)
            {
                // Same live rules, and their Match bits are already recorded; matches may now end one token later.
                if (stateMatches)
                {
                    RecordMatchEnds(dfa.RuleSets(state), i + 1);
                }

                continue;
            }

            resets = dfa.Resets; // after a cache reset, equal ids may name different states

            state = next;
            var sets = dfa.RuleSets(state);
            for (int k = 0; k < live.Length; k++)
            {
                ulong nextLive = sets[2 * k];
                ulong born = nextLive & ~live[k];
                ulong died = live[k] & ~nextLive;
                for (; born != 0; born &= born - 1)
                {
                    _ruleStart[(k << 6) + System.Numerics.BitOperations.TrailingZeroCount(born)] = i;
                }

                live[k] = nextLive;
                if ((died & matched[k]) != 0)
                {
                    ScanRules(k, died & matched[k], i + 1, from, to, featureBase, results);
                }

                matched[k] = (matched[k] & ~died) | sets[(2 * k) + 1];
            }

            stateMatches = RecordMatchEnds(sets, i + 1);
        }

        for (int k = 0; k < live.Length; k++)
        {
            if ((live[k] & matched[k]) != 0)
            {
                ScanRules(k, live[k] & matched[k], to, from, to, featureBase, results);
            }

            live[k] = 0;
            matched[k] = 0;
        }

        _steps += dfa.BuildSteps;
    }

    /// <summary>
    /// Notes that the rules whose Match is live in a DFA state (<paramref name="sets"/>, see <see cref="LazyDfa.RuleSets"/>) have
    /// a match ending at <paramref name="end"/>; returns whether there is any. The backtracker searches a rule's stretch
    /// only up to the last such end: no match of the rule ends later (the DFA's threads are a superset of the VM's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per token of the walk
    private bool RecordMatchEnds(ReadOnlySpan<ulong> sets, int end)
    {
        bool any = false;
        for (int k = 1; k < sets.Length; k += 2)
        {
            for (ulong m = sets[k]; m != 0; m &= m - 1)
            {
                _matchEnd[((k >> 1) << 6) + System.Numerics.BitOperations.TrailingZeroCount(m)] = end;
                any = true;
            }
        }

        return any;
    }

    /// <summary>The DFA of a subset's rules (built on first use, kept with this VM) and the tests that can start them.</summary>
    private (LazyDfa Dfa, ulong[] AnyStart) SubsetDfa(RuleSubset subset)
    {
        if (!_subsetDfas.TryGetValue(subset, out var entry))
        {
            var anyStart = new ulong[_words];
            foreach (var rule in subset.RuleArray)
            {
                for (int w = 0; w < _words; w++)
                {
                    anyStart[w] |= rule.FirstMask[w];
                }
            }

            entry = (new LazyDfa(_patterns.DfaProgram, _patterns.DfaStarts, subset.RuleArray, _rules.Length, _words, _alphabet, _dfaMaxStates), anyStart);
            _subsetDfas.Add(subset, entry);
        }

        return entry;
    }

    /// <summary>
    /// Finds the matches of the rules in word <paramref name="k"/> of <paramref name="rules"/>, each from the start of its live
    /// stretch to <paramref name="end"/>: by bounded backtracking when the stretch is short enough, else with the Pike VM
    /// (rules sharing a start share a scan). Both report the same leftmost-first matches and captures.
    /// </summary>
    private void ScanRules(int k, ulong rules, int end, int from, int to, int featureBase, MatchSet results)
    {
        if (UseBacktracking)
        {
            for (ulong rest = rules; rest != 0; rest &= rest - 1)
            {
                int r = (k << 6) + System.Numerics.BitOperations.TrailingZeroCount(rest);
                int windowStart = _ruleStart[r], windowEnd = Math.Min(end, _matchEnd[r]);
                var starts = UseStartFinder && StartFinder.PaysOff(_rules[r], windowStart, windowEnd, featureBase, _bits, _words) ? _startFinder : null;
                if (starts is not null)
                {
                    // The backtracker needs the stretch only from the first position a match can start at.
                    windowStart = starts.Find(_rules[r], windowStart, windowEnd, from, to, featureBase, _bits, _classes, _dfaFlags, _words, ref _steps);
                }

                if (windowStart < 0
                    || _backtracker.FindAll(_rules[r], windowStart, windowEnd, from, to, featureBase, _bits, _flags, _words, starts, results, ref _steps))
                {
                    rules &= ~(rest & (~rest + 1));
                }
            }
        }

        while (rules != 0)
        {
            int start = _ruleStart[(k << 6) + System.Numerics.BitOperations.TrailingZeroCount(rules)];
            ulong group = 0;
            for (ulong rest = rules; rest != 0; rest &= rest - 1)
            {
                int r = (k << 6) + System.Numerics.BitOperations.TrailingZeroCount(rest);
                if (_ruleStart[r] == start)
                {
                    group |= rest & (~rest + 1);
                }
            }

            _windowRules[k] = group;
            Scan(start, end, from, to, featureBase, _windowRules, results);
            _windowRules[k] = 0;
            rules &= ~group;
        }
    }

    /// <summary>
    /// The Pike VM proper over positions [<paramref name="windowStart"/>, <paramref name="windowEnd"/>] of the range
    /// [<paramref name="from"/>, <paramref name="to"/>) (anchors see the range), for the rules in <paramref name="ruleMask"/>
    /// (all when null). No thread may be alive at either end of the window. Features are indexed from <paramref name="featureBase"/>.
    /// </summary>
    private void Scan(int windowStart, int windowEnd, int from, int to, int featureBase, ulong[]? ruleMask, MatchSet results)
    {
        var clist = _current;
        var nlist = _next;
        Clear(clist);
        Array.Fill(_cutGen, -1); // a call that threw may have left state behind
        _cutRules.Clear();
        _pendingRules.Clear();
        Array.Clear(_base);
        Array.Clear(_top);
        int w = _words;
        var bits = _bits;
        var program = _program;
        int slots = _slots;
        VmTokens += windowEnd - windowStart;
        _windowRuleList.Clear();
        Array.Clear(_windowStart);
        foreach (var rule in _rules)
        {
            if (ruleMask is null || ((ruleMask[rule.Index >> 6] >> rule.Index) & 1) != 0)
            {
                _windowRuleList.Add(rule);
                for (int k = 0; k < _words; k++)
                {
                    _windowStart[k] |= rule.FirstMask[k];
                }
            }
        }

        for (int i = windowStart; i <= windowEnd; i++)
        {
            Clear(nlist);
            bool hasToken = i < windowEnd;
            int row = (i - featureBase) * w;

            for (int k = 0; k < clist.Count; k++)
            {
                int pc = clist.Pc[k];
                ref readonly var ins = ref program[pc];
                int rule = ins.Rule, gen = clist.Gen[k];
                _steps++;
                if (_cutGen[rule] >= 0 && gen >= _cutGen[rule])
                {
                    continue; // a higher-priority thread of this rule matched in this step
                }

                if (ins.Op == OpCode.Match)
                {
                    OnMatch(rule, gen, clist.Caps.AsSpan(k * slots, slots), i);
                }
                else if (hasToken && ((bits[row + (ins.X >> 6)] >> ins.X) & 1) != 0)
                {
                    AddThread(nlist, pc + 1, i + 1, gen, clist.Caps.AsSpan(k * slots, slots), from, to, featureBase, true);
                }
            }

            if (hasToken && Intersects(bits, row, _windowStart))
            {
                Seed(i, row, from, to, featureBase, nlist);
            }

            foreach (int rule in _cutRules)
            {
                _cutGen[rule] = -1;
            }

            _cutRules.Clear();
            if (_pendingRules.Count > 0)
            {
                Finalize(nlist, results);
            }

            (clist, nlist) = (nlist, clist);
        }
    }

    /// <summary>Starts every rule whose first token can be token <paramref name="i"/>, at the lowest priority.</summary>
    private void Seed(int i, int row, int from, int to, int featureBase, ThreadList nlist)
    {
        var bits = _bits;
        int slots = _slots;
        foreach (var rule in _windowRuleList)
        {
            if (!Intersects(bits, row, rule.FirstMask))
            {
                continue;
            }

            int gen = _top[rule.Index];
            Clear(_seeds);
            AddThread(_seeds, rule.StartPc, i, gen, _fresh, from, to, featureBase, false);
            for (int k = 0; k < _seeds.Count; k++)
            {
                ref readonly var ins = ref _program[_seeds.Pc[k]];
                _steps++;
                if (ins.Op == OpCode.Test && ((bits[row + (ins.X >> 6)] >> ins.X) & 1) != 0)
                {
                    AddThread(nlist, _seeds.Pc[k] + 1, i + 1, gen, _seeds.Caps.AsSpan(k * slots, slots), from, to, featureBase, true);
                }
            }
        }
    }

    /// <summary>Empties a list by giving it a fresh stamp; stamps are unique across this VM's lists so per-rule marks never collide.</summary>
    private void Clear(ThreadList list)
    {
        if (++_stamp == int.MaxValue)
        {
            _stamp = 1;
            Array.Fill(_minGenStamp, -1);
            foreach (var l in (ReadOnlySpan<ThreadList>)[_current, _next, _seeds])
            {
                Array.Fill(l.Marks, 0);
            }
        }

        list.Reset(_stamp);
    }

    /// <summary>True when token row <paramref name="row"/> of <paramref name="bits"/> has any bit of <paramref name="mask"/> (shared with <see cref="BoundedBacktracker"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Intersects(ulong[] bits, int row, ulong[] mask)
    {
        for (int w = 0; w < mask.Length; w++)
        {
            if ((bits[row + w] & mask[w]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A thread of <paramref name="rule"/>, generation <paramref name="gen"/>, reached Match at position <paramref name="end"/>.
    /// It beats every lower-priority thread of its generation (cut for the rest of this step) and every later
    /// generation (their starts now overlap it), and becomes the generation's pending match.
    /// </summary>
    private void OnMatch(int rule, int gen, ReadOnlySpan<int> caps, int end)
    {
        int slots = _slots;
        var pending = _pending[rule];
        int needed = gen - _base[rule] + 1;
        if (needed * slots > pending.Length)
        {
            pending = Grow(rule, needed);
        }

        int at = (gen % (pending.Length / slots)) * slots;
        caps.CopyTo(pending.AsSpan(at, slots));
        pending[at + 1] = end;
        if (_top[rule] == _base[rule])
        {
            _pendingRules.Add(rule);
        }

        _top[rule] = gen + 1;
        if (_cutGen[rule] < 0)
        {
            _cutRules.Add(rule);
        }

        _cutGen[rule] = gen;
    }

    /// <summary>Doubles a rule's ring of pending matches, keeping each generation at index gen mod capacity.</summary>
    private int[] Grow(int rule, int needed)
    {
        int slots = _slots;
        var old = _pending[rule];
        int oldCap = old.Length / slots;
        int cap = oldCap;
        while (cap < needed)
        {
            cap *= 2;
        }

        var grown = new int[cap * slots];
        for (int g = _base[rule]; g < _top[rule]; g++)
        {
            Array.Copy(old, (g % oldCap) * slots, grown, (g % cap) * slots, slots);
        }

        _pending[rule] = grown;
        return grown;
    }

    /// <summary>Emits pending matches older than every live thread of their rule: nothing can replace them any more.</summary>
    private void Finalize(ThreadList nlist, MatchSet results)
    {
        int slots = _slots;
        for (int p = _pendingRules.Count - 1; p >= 0; p--)
        {
            int rule = _pendingRules[p];
            int oldest = _minGenStamp[rule] == nlist.Stamp ? _minGen[rule] : int.MaxValue;
            var pending = _pending[rule];
            int cap = pending.Length / slots;
            while (_base[rule] < _top[rule] && _base[rule] < oldest)
            {
                int at = (_base[rule] % cap) * slots;
                results.Add(rule, pending[at], pending[at + 1], pending.AsSpan(at + 2, 2 * _rules[rule].CaptureNames.Count));
                _base[rule]++;
            }

            if (_base[rule] == _top[rule])
            {
                _pendingRules.RemoveAt(p);
            }
        }
    }

    /// <summary>
    /// Adds the thread at <paramref name="pc0"/> and everything reachable from it without consuming a token
    /// (splits in priority order, saves, assertions), one thread per instruction per list. Iterative, with
    /// an explicit stack that also undoes capture writes when backing out of a branch.
    /// </summary>
    private void AddThread(ThreadList list, int pc0, int pos, int gen, ReadOnlySpan<int> caps, int from, int to, int featureBase, bool trackOldest)
    {
        var work = _work;
        caps.CopyTo(work);
        var stack = _stack;
        var program = _program;
        int sp = 0;
        stack[sp++] = pc0;
        stack[sp++] = Explore;
        while (sp > 0)
        {
            int value = stack[--sp];
            int head = stack[--sp];
            if (value != Explore)
            {
                work[head] = value; // restore a capture slot on the way out of a branch
                continue;
            }

            int pc = head;
            while (true)
            {
                if (list.Marks[pc] == list.Stamp)
                {
                    break;
                }

                list.Marks[pc] = list.Stamp;
                _steps++;
                ref readonly var ins = ref program[pc];
                switch (ins.Op)
                {
                    case OpCode.Jump:
                        pc = ins.X;
                        continue;
                    case OpCode.Split:
                        stack[sp++] = ins.Y;
                        stack[sp++] = Explore;
                        pc = ins.X;
                        continue;
                    case OpCode.Save:
                        stack[sp++] = ins.X;
                        stack[sp++] = work[ins.X];
                        work[ins.X] = pos;
                        pc++;
                        continue;
                    case OpCode.AssertSentenceStart:
                        if (pos == from || (pos < to && (_flags[pos - featureBase] & TokenFeatures.SentenceStartFlag) != 0))
                        {
                            pc++;
                            continue;
                        }

                        break;
                    case OpCode.AssertSentenceEnd:
                        if (pos == to || (pos > from && (_flags[pos - 1 - featureBase] & TokenFeatures.SentenceEndFlag) != 0))
                        {
                            pc++;
                            continue;
                        }

                        break;
                    default:
                        list.Append(pc, gen, work);
                        if (trackOldest)
                        {
                            int rule = ins.Rule;
                            if (_minGenStamp[rule] != list.Stamp || gen < _minGen[rule])
                            {
                                _minGen[rule] = gen;
                                _minGenStamp[rule] = list.Stamp;
                            }
                        }

                        break;
                }

                break;
            }
        }
    }

    /// <summary>A thread list: program counters, generations and capture slots, with O(1) membership by stamp.</summary>
    private sealed class ThreadList(int size, int slots)
    {
        public int[] Pc { get; } = new int[size];

        public int[] Gen { get; } = new int[size];

        public int[] Caps { get; } = new int[size * slots];

        public int[] Marks { get; } = new int[size];

        public int Count { get; private set; }

        public int Stamp { get; private set; }

        public void Reset(int stamp)
        {
            Count = 0;
            Stamp = stamp;
        }

        public void Append(int pc, int gen, ReadOnlySpan<int> caps)
        {
            int n = Count++;
            Pc[n] = pc;
            Gen[n] = gen;
            caps.CopyTo(Caps.AsSpan(n * slots, slots));
        }
    }
}

using System.Runtime.CompilerServices;

namespace QuoteExtract.Matching;

/// <summary>
/// A lazily built DFA over the same program as the <see cref="PikeVm"/>, without captures or priorities: a state
/// is the set of live instructions, and a transition is keyed by the state, the token's class in the VM's
/// <see cref="TokenAlphabet"/> (tokens of one class have the same tested predicate bits) and its sentence flags, packed
/// in one word. It answers cheaply, one table probe per token, the two questions that decide whether the
/// Pike VM must run at all: where are the stretches in which some thread is alive, and which rules reach Match
/// in each. The VM then runs only over stretches with a match, only for the rules that match there (rules are
/// independent, and the DFA's live set is a superset of the VM's, so this is exact).
/// Transitions are computed on first use in O(program size) and cached, so the worst case stays linear; the
/// cache is per VM (no locking) and is dropped when it grows past its bounds, as in RE2.
/// </summary>
internal sealed class LazyDfa
{
    /// <summary>Flag bits of a transition key.</summary>
    public const int SeedAtStart = 1, SeedAtEnd = 2, NextAtStart = 4, NextAtEnd = 8;

    /// <summary>
    /// Fills <paramref name="dfaFlags"/> with the flags of a transition on each of the first <paramref name="count"/> tokens,
    /// from their sentence flags (<see cref="TokenFeatures.SentenceStartFlag"/>, <see cref="TokenFeatures.SentenceEndFlag"/>),
    /// as if the range ran on past both ends; <see cref="FlagsAt"/> adds the range's own ends. Once per input: the walk
    /// then reads one byte a token instead of testing three tokens' flags.
    /// </summary>
    public static void TokenFlags(ReadOnlySpan<byte> flags, Span<byte> dfaFlags, int count)
    {
        const int Start = TokenFeatures.SentenceStartFlag, End = TokenFeatures.SentenceEndFlag;
        for (int l = 0; l < count; l++)
        {
            int f = (flags[l] & Start) != 0 ? SeedAtStart : 0;
            if (l > 0 && (flags[l - 1] & End) != 0)
            {
                f |= SeedAtEnd;
            }

            if (l + 1 < count && (flags[l + 1] & Start) != 0)
            {
                f |= NextAtStart;
            }

            if ((flags[l] & End) != 0)
            {
                f |= NextAtEnd;
            }

            dfaFlags[l] = (byte)f;
        }
    }

    /// <summary>
    /// The flags of a transition on token <paramref name="i"/> of the range [<paramref name="from"/>, <paramref name="to"/>):
    /// the range's first token starts a sentence and no sentence ends before it, its last token ends one and none starts after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FlagsAt(byte[] dfaFlags, int i, int from, int to, int featureBase)
    {
        int f = dfaFlags[i - featureBase];
        if (i == from)
        {
            f = (f | SeedAtStart) & ~SeedAtEnd;
        }

        if (i + 1 == to)
        {
            f = (f | NextAtEnd) & ~NextAtStart;
        }

        return f;
    }

    /// <summary>The state with no live thread.</summary>
    public const int Empty = 0;

    // Sized for a large news corpus: the 840 PolNeAR train texts need about 27,000 states and 124,000 transitions (by
    // token class) of the shipped grammar; with 10,000 states the cache was dropped and rebuilt 4-5 times a pass, half
    // the engine's time. Slots are filled to half at most: 2^19 slots (4 MB) hold 262,144 transitions.
    public const int DefaultMaxStates = 40_000;
    private const int MaxCapacity = 1 << 19;

    /// <summary>Bound on the instruction ids stored across all states (16 MB), so that a cache stays bounded whatever the grammar.</summary>
    private const int MaxStateInts = 1 << 22;

    private readonly Instruction[] _program;
    private readonly CompiledRule[] _rules;
    private readonly int[] _starts;
    private readonly TokenAlphabet _alphabet;
    private readonly int _ruleWords;
    private readonly int _maxStates;

    // The states' instruction sets, one after another in chunks (kept across resets; small enough to stay off the large
    // object heap), in the order a transition found their members: a set is compared by marks, not element by element,
    // so it is never sorted. State s's set starts at _stateAt[s] (chunk in the high bits) and has _stateLength[s] members.
    private const int ChunkBits = 14, ChunkSize = 1 << ChunkBits;
    private readonly List<int[]> _chunks = [];
    private int _chunkIndex = -1;
    private int _chunkFill;
    private int[] _stateAt = new int[64];
    private int[] _stateLength = new int[64];
    private ulong[] _stateHash = new ulong[64];
    private int _stateCount;

    // Open addressing from a set's hash to its state (id + 1; 0 empty). The hash is a sum of per-instruction hashes
    // (Mix), so it does not depend on the order in which a transition found the set's members.
    private int[] _stateTable = new int[128];
    private readonly int[] _testBit;
    // Per state, the rules live and the rules matching, for each rule word: read only when the state changes.
    private readonly int _infoStride;
    private ulong[] _info;
    private readonly ulong[][] _firstMasks;

    // Open addressing, one word a slot (the table is touched once per token: half the size, far fewer cache misses than
    // a two-word slot): the state + 1 (bits 48-63), the flags (bits 44-47), the token class (bits 16-43) and the next
    // state (bits 0-15). Classes past 28 bits (never seen: news has hundreds) are stepped without caching.
    private const int MaxStateId = (1 << 16) - 3;
    private const int MaxCachedClass = (1 << 28) - 1;
    private ulong[] _slots = [];
    private int _shift;
    private int _count;
    private int _stateInts;

    // Bumped whenever slots move or die (reset, growth), so that a slot read ahead (Lookup) is trusted only while it holds.
    private int _version;

    private readonly int[] _marks;
    private readonly int[] _seedMarks;
    private readonly int[] _closureMarks;
    private readonly int[]?[] _closures;
    private readonly List<int> _closure = [];
    private int _stamp;
    private readonly int[] _stack;
    private int[] _next;
    private int _nextCount;
    private ulong _nextHash;
    private int _nextStamp;
    private readonly List<int> _seeds = [];

    // Per token class and flags, the instructions the rules' seeds reach over a token of the class (the part of a
    // transition that does not depend on the state), computed on first use: built once instead of once per transition.
    private int[]?[] _seedSteps = [];

    /// <summary>
    /// A DFA over <paramref name="rules"/>, some or all of the grammar's <paramref name="ruleCount"/> rules (sets are indexed
    /// by rule index), reading tokens as classes of <paramref name="alphabet"/> (rows of <paramref name="words"/> words).
    /// </summary>
    public LazyDfa(Instruction[] program, int[] starts, CompiledRule[] rules, int ruleCount, int words, TokenAlphabet alphabet, int maxStates = DefaultMaxStates)
    {
        _maxStates = Math.Clamp(maxStates, 2, MaxStateId);
        _program = program;
        _starts = starts;
        _rules = rules;
        _alphabet = alphabet;
        _ruleWords = Math.Max(1, (ruleCount + 63) / 64);
        _marks = new int[program.Length];
        _seedMarks = new int[program.Length];
        _closureMarks = new int[program.Length];
        _closures = new int[]?[4 * (program.Length + 1)];
        _stack = new int[program.Length + 1];
        _next = new int[program.Length];
        _testBit = new int[program.Length];
        for (int pc = 0; pc < program.Length; pc++)
        {
            _testBit[pc] = program[pc].Op == OpCode.Test ? program[pc].X : -1;
        }

        _infoStride = 2 * _ruleWords;
        _info = new ulong[64 * _infoStride];
        var included = new bool[ruleCount];
        foreach (var rule in rules)
        {
            included[rule.Index] = true;
        }

        HasAnchors = program.Any(i => i.Op is OpCode.AssertSentenceStart or OpCode.AssertSentenceEnd && included[i.Rule]);
        _firstMasks = new ulong[ruleCount][];
        foreach (var rule in rules)
        {
            int r = rule.Index;
            _firstMasks[r] = new ulong[words];
            _seeds.Clear();
            Close(starts[r], true, true, _seedMarks, ++_stamp, _seeds);
            foreach (int pc in _seeds)
            {
                if (program[pc].Op == OpCode.Test)
                {
                    int bit = program[pc].X;
                    _firstMasks[r][bit >> 6] |= 1UL << bit;
                }
            }
        }

        BuildSteps = 0;
        Reset(1024);
    }

    /// <summary>Whether sentence flags influence transitions (otherwise they are left out of the key for better caching).</summary>
    public bool HasAnchors { get; }

    /// <summary>Work done building transitions (instructions visited), for the step count.</summary>
    public long BuildSteps { get; set; }

    public int RuleWords => _ruleWords;

    /// <summary>Transitions computed (cache misses) since creation, for tuning.</summary>
    public long Misses { get; private set; }

    public int StateCount => _stateCount;

    /// <summary>Times the cache was dropped for growing past its bounds.</summary>
    public int Resets { get; private set; }

    /// <summary>The predicate bits one of which a token must have for <paramref name="rule"/> to start a thread on it.</summary>
    public ulong[] SeedMask(int rule) => _firstMasks[rule];

    /// <summary>
    /// The rule sets of <paramref name="state"/>: for each rule word k, element 2k holds the rules with some
    /// instruction (Test or Match) live, element 2k + 1 the rules with a Match instruction live.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<ulong> RuleSets(int state) => new(_info, state * _infoStride, _infoStride);

    /// <summary>The state after consuming a token of class <paramref name="cls"/> with flags <paramref name="flags"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int state, int cls, int flags)
    {
        ulong key = Key(state, cls, flags);
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            ulong stored = slots[slot];
            if ((stored ^ key) <= 0xFFFF)
            {
                return (int)(stored & 0xFFFF);
            }

            if (stored == 0)
            {
                return Miss(state, cls, flags);
            }
        }
    }

    /// <summary>
    /// Starts the lookup of a transition by reading its first slot, ahead of need: the walk issues the read for the next
    /// token as soon as it knows the state, before its bookkeeping of this one, so that the table's cache miss (most of
    /// the walk's cost: news text touches tens of thousands of transitions, few of them twice in a row) overlaps that work
    /// instead of following it. <see cref="Next(in Lookup, int, int, int)"/> finishes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Lookup Begin(int state, int cls, int flags)
    {
        ulong key = Key(state, cls, flags);
        var slots = _slots;
        return new Lookup(slots[Slot(key) & (slots.Length - 1)], _version);
    }

    /// <summary>
    /// The state after consuming a token of class <paramref name="cls"/> with flags <paramref name="flags"/>, as
    /// <see cref="Next(int, int, int)"/>, taking the slot <paramref name="lookup"/> read when it holds this very transition
    /// and the table has not changed since (whatever transition the lookup was begun for: a slot holding this one is right).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(in Lookup lookup, int state, int cls, int flags)
    {
        ulong key = Key(state, cls, flags);
        return lookup.Version == _version && (lookup.First ^ key) <= 0xFFFF
            ? (int)(lookup.First & 0xFFFF)
            : Next(state, cls, flags);
    }

    /// <summary>Drops every transition and state, e.g. when the token classes they are keyed by are renumbered.</summary>
    public void Clear()
    {
        Reset(_slots.Length);
        Resets++;
        Array.Clear(_seedSteps); // keyed by class
    }

    private int Miss(int state, int cls, int flags)
    {
        Misses++;
        Compute(state, cls, flags);
        if (_stateCount >= _maxStates || _stateInts >= MaxStateInts || _count * 2 >= _slots.Length)
        {
            if (_stateCount >= _maxStates || _stateInts >= MaxStateInts || _slots.Length >= MaxCapacity)
            {
                Reset(_slots.Length); // the old state ids die here; only the result is needed
                Resets++;
                return Intern();
            }

            Grow();
        }

        int next = Intern();
        if (cls <= MaxCachedClass)
        {
            Insert(Key(state, cls, flags) | (uint)next);
        }

        return next;
    }

    /// <summary>A slot without its next state; a class past <see cref="MaxCachedClass"/> makes a key no slot holds (state + 1 is below 0xFFFF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(int state, int cls, int flags) =>
        cls > MaxCachedClass ? 0xFFFFUL << 48 : ((ulong)(uint)(state + 1) << 48) | ((ulong)(uint)flags << 44) | ((ulong)(uint)cls << 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Reset(int capacity)
    {
        _version++;
        _stateCount = 0;
        _chunkIndex = -1;
        Array.Clear(_stateTable);
        _stateInts = 0;
        if (_slots.Length == capacity)
        {
            Array.Clear(_slots); // a full cache is dropped several times a pass on a large corpus: reuse its table
        }
        else
        {
            _slots = new ulong[capacity];
        }

        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _count = 0;

        // The empty state gets id 0 (Empty); a set a Miss computed before this reset stays in the scratch for it.
        (int count, ulong hash) = (_nextCount, _nextHash);
        (_nextCount, _nextHash) = (0, 0);
        Intern();
        (_nextCount, _nextHash) = (count, hash);
    }

    private void Grow()
    {
        _version++;
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _shift--;
        _count = 0;
        foreach (ulong entry in old)
        {
            if (entry != 0)
            {
                Insert(entry);
            }
        }
    }

    private void Insert(ulong entry)
    {
        int mask = _slots.Length - 1;
        int slot = Slot(entry & ~0xFFFFUL);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = entry;
        _count++;
    }

    /// <summary>The state of the set the last <see cref="Compute"/> left in <see cref="_next"/> (members marked in <see cref="_marks"/>), added if new.</summary>
    private int Intern()
    {
        // Most transitions built lead to a known state: a stored set equals the new one when it has as many members, all
        // of them marked (the marks hold exactly the new set's members).
        ulong hash = _nextHash;
        int count = _nextCount, stamp = _nextStamp;
        int mask = _stateTable.Length - 1;
        int slot = (int)(hash >> 40) & mask;
        for (; _stateTable[slot] != 0; slot = (slot + 1) & mask)
        {
            int known = _stateTable[slot] - 1;
            if (_stateHash[known] == hash && SameSet(known, count, stamp))
            {
                return known;
            }
        }

        int id = _stateCount++;
        if (id == _stateHash.Length)
        {
            Array.Resize(ref _stateHash, 2 * id);
            Array.Resize(ref _stateAt, 2 * id);
            Array.Resize(ref _stateLength, 2 * id);
        }

        if (_chunkIndex < 0 || _chunkFill + count > Math.Min(_chunks[_chunkIndex].Length, ChunkSize))
        {
            // Chunks grow from 1,024 ints (a backward DFA has a few dozen states) to ChunkSize; a set has at most one member
            // per instruction, so only a huge program's sets need a chunk of their own.
            _chunkIndex++;
            _chunkFill = 0;
            int size = Math.Max(count, Math.Min(ChunkSize, 1024 << Math.Min(_chunkIndex, ChunkBits)));
            if (_chunkIndex == _chunks.Count)
            {
                _chunks.Add(new int[size]);
            }
            else if (_chunks[_chunkIndex].Length < count)
            {
                _chunks[_chunkIndex] = new int[size];
            }
        }

        _stateAt[id] = (_chunkIndex << ChunkBits) | _chunkFill;
        var pcs = _chunks[_chunkIndex].AsSpan(_chunkFill, count);
        _chunkFill += count;
        _next.AsSpan(0, count).CopyTo(pcs);
        _stateLength[id] = count;
        _stateHash[id] = hash;
        _stateInts += count;
        _stateTable[slot] = id + 1;
        if (2 * _stateCount > _stateTable.Length)
        {
            RehashStates(2 * _stateTable.Length);
        }

        if ((id + 1) * _infoStride > _info.Length)
        {
            Array.Resize(ref _info, _info.Length * 2);
        }

        var sets = _info.AsSpan(id * _infoStride, _infoStride);
        sets.Clear();
        foreach (int pc in pcs)
        {
            var ins = _program[pc];
            sets[2 * (ins.Rule >> 6)] |= 1UL << ins.Rule;
            if (ins.Op == OpCode.Match)
            {
                sets[(2 * (ins.Rule >> 6)) + 1] |= 1UL << ins.Rule;
            }
        }

        return id;
    }

    private bool SameSet(int state, int count, int stamp)
    {
        if (_stateLength[state] != count)
        {
            return false;
        }

        var marks = _marks;
        foreach (int pc in StatePcs(state))
        {
            if (marks[pc] != stamp)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<int> StatePcs(int state) =>
        new(_chunks[_stateAt[state] >> ChunkBits], _stateAt[state] & (ChunkSize - 1), _stateLength[state]);

    private void RehashStates(int capacity)
    {
        _stateTable = new int[capacity];
        int mask = capacity - 1;
        for (int id = 0; id < _stateCount; id++)
        {
            int slot = (int)(_stateHash[id] >> 40) & mask;
            while (_stateTable[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _stateTable[slot] = id + 1;
        }
    }

    /// <summary>
    /// Steps the live threads of <paramref name="state"/> and the seeds of every rule over a token of class
    /// <paramref name="cls"/>, then closes over the next position: the set is left in <see cref="_next"/>, its members
    /// marked with <see cref="_nextStamp"/> in <see cref="_marks"/>, its hash in <see cref="_nextHash"/>.
    /// </summary>
    private void Compute(int state, int cls, int flags)
    {
        var row = _alphabet.Row(cls);
        var seeds = SeedStep(cls, row, flags);
        _nextCount = 0;
        _nextHash = 0;
        int stamp = ++_stamp;
        bool nextAtStart = (flags & NextAtStart) != 0, nextAtEnd = (flags & NextAtEnd) != 0;
        var testBit = _testBit;
        foreach (int pc in StatePcs(state))
        {
            int bit = testBit[pc];
            if (bit >= 0 && Bit(row, bit))
            {
                AddAll(Closure(pc + 1, nextAtStart, nextAtEnd), stamp);
            }
        }

        AddAll(seeds, stamp);
        _nextStamp = stamp;
    }

    /// <summary>The instructions the seeds of every rule reach over a token of class <paramref name="cls"/> (row <paramref name="row"/>) with <paramref name="flags"/>.</summary>
    private int[] SeedStep(int cls, ReadOnlySpan<ulong> row, int flags)
    {
        int key = (cls << 4) | flags; // used only below MaxSeedStepClasses (no overflow)
        if (cls < MaxSeedStepClasses && key < _seedSteps.Length && _seedSteps[key] is { } known)
        {
            return known;
        }

        _seeds.Clear();
        int stamp = ++_stamp;
        bool seedAtStart = (flags & SeedAtStart) != 0, seedAtEnd = (flags & SeedAtEnd) != 0;
        bool nextAtStart = (flags & NextAtStart) != 0, nextAtEnd = (flags & NextAtEnd) != 0;
        foreach (var rule in _rules)
        {
            if (!Intersects(row, _firstMasks[rule.Index]))
            {
                continue;
            }

            foreach (int pc in Closure(_starts[rule.Index], seedAtStart, seedAtEnd))
            {
                int bit = _testBit[pc];
                if (bit >= 0 && Bit(row, bit))
                {
                    foreach (int reached in Closure(pc + 1, nextAtStart, nextAtEnd))
                    {
                        if (_seedMarks[reached] != stamp)
                        {
                            _seedMarks[reached] = stamp;
                            _seeds.Add(reached);
                        }
                    }
                }
            }
        }

        var step = _seeds.ToArray();
        if (cls < MaxSeedStepClasses)
        {
            if (key >= _seedSteps.Length)
            {
                Array.Resize(ref _seedSteps, Math.Max(key + 1, Math.Min(2 * _seedSteps.Length, MaxSeedStepClasses << 4)));
            }

            _seedSteps[key] = step;
        }

        return step;
    }

    /// <summary>Token classes whose seed steps are kept (news has hundreds; a bound on unusual input).</summary>
    private const int MaxSeedStepClasses = 1 << 12;

    private void AddAll(int[] pcs, int stamp)
    {
        var marks = _marks;
        var next = _next;
        foreach (int pc in pcs)
        {
            if (marks[pc] != stamp)
            {
                marks[pc] = stamp;
                next[_nextCount++] = pc;
                _nextHash += Mix((ulong)pc + 1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        // SplitMix64's finalizer: sums of mixed ids collide far less than sums of the ids.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>
    /// The Test and Match instructions reachable from <paramref name="pc"/> without consuming a token, given the sentence
    /// facts: computed once per instruction and facts, then reused by every transition built (building a transition was
    /// most of a cold cache's cost, and a large corpus keeps the cache cold: it fills and is dropped several times a pass).
    /// </summary>
    private int[] Closure(int pc, bool atStart, bool atEnd)
    {
        int key = (pc << 2) | (atStart ? 1 : 0) | (atEnd ? 2 : 0);
        if (_closures[key] is { } known)
        {
            return known;
        }

        _closure.Clear();
        Close(pc, atStart, atEnd, _closureMarks, ++_stamp, _closure);
        var closure = _closure.ToArray();
        _closures[key] = closure;
        return closure;
    }

    /// <summary>Adds the Test and Match instructions reachable from <paramref name="pc0"/> without consuming a token.</summary>
    private void Close(int pc0, bool atStart, bool atEnd, int[] marks, int stamp, List<int> output)
    {
        int sp = 0;
        _stack[sp++] = pc0;
        while (sp > 0)
        {
            int pc = _stack[--sp];
            while (marks[pc] != stamp)
            {
                marks[pc] = stamp;
                BuildSteps++;
                var ins = _program[pc];
                if (ins.Op == OpCode.Split)
                {
                    _stack[sp++] = ins.Y;
                    pc = ins.X;
                }
                else if (ins.Op == OpCode.Jump)
                {
                    pc = ins.X;
                }
                else if (ins.Op == OpCode.Save
                    || (ins.Op == OpCode.AssertSentenceStart && atStart)
                    || (ins.Op == OpCode.AssertSentenceEnd && atEnd))
                {
                    pc++;
                }
                else
                {
                    if (ins.Op is OpCode.Test or OpCode.Match)
                    {
                        output.Add(pc);
                    }

                    break;
                }
            }
        }
    }

    private static bool Bit(ReadOnlySpan<ulong> row, int bit) => ((row[bit >> 6] >> bit) & 1) != 0;

    private static bool Intersects(ReadOnlySpan<ulong> row, ulong[] mask)
    {
        for (int w = 0; w < mask.Length; w++)
        {
            if ((row[w] & mask[w]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first slot of a transition's probe sequence, read by <see cref="Begin"/> at table version <paramref name="Version"/>.</summary>
    public readonly record struct Lookup(ulong First, int Version);
}

using QuoteExtract.Tagging;

namespace QuoteExtract.Matching;

/// <summary>
/// A compiled grammar: immutable and safe to share between threads. Matching rents a <see cref="PikeVm"/>
/// (scratch memory, with its warmed-up DFA cache) from a small lock-free pool, or uses one the caller
/// supplies via <see cref="CreateVm"/>.
/// </summary>
internal sealed class CompiledPatterns
{
    private readonly ScratchPool<PikeVm> _pool;

    internal CompiledPatterns(Instruction[] program, CompiledRule[] rules, TokenFeatures features, Instruction[] dfaProgram, int[] dfaStarts,
        Instruction[][] reversePrograms, ulong[] testedBits)
    {
        _pool = new ScratchPool<PikeVm>(() => new PikeVm(this));
        ReversePrograms = reversePrograms;
        Program = program;
        DfaProgram = dfaProgram;
        DfaStarts = dfaStarts;
        RuleArray = rules;
        Features = features;
        SlotCount = 2 * (1 + (rules.Length == 0 ? 0 : rules.Max(r => r.CaptureNames.Count)));
        TestedBits = testedBits;
        int tested = testedBits.Sum(w => System.Numerics.BitOperations.PopCount(w));
        RowWords = Math.Max(1, (tested + 63) / 64);
        Lookahead = new Lookahead(program, RowWords);
        Threaded = new ThreadedProgram(program, rules.Select(r => r.StartPc));
    }

    public IReadOnlyList<CompiledRule> Rules => RuleArray;

    /// <summary>Number of instructions: the "program size" in the O(tokens × program size) bound.</summary>
    public int ProgramSize => Program.Length;

    /// <summary>Distinct token tests (atoms and compound tests), i.e. bits per token.</summary>
    public int PredicateBits => Features.BitCount;

    internal Instruction[] Program { get; }

    internal CompiledRule[] RuleArray { get; }

    /// <summary>The relaxed copy of the program the lazy DFA runs (no captures, wide counters opened up).</summary>
    internal Instruction[] DfaProgram { get; }

    /// <summary>Entry of each rule in <see cref="DfaProgram"/>.</summary>
    internal int[] DfaStarts { get; }

    /// <summary>
    /// Per rule, the relaxed program of its mirror image (see <see cref="PatternReverser"/>), entry at 0, for
    /// <see cref="StartFinder"/>; instructions keep the rule's index.
    /// </summary>
    internal Instruction[][] ReversePrograms { get; }

    internal TokenFeatures Features { get; }

    /// <summary>What each instruction of <see cref="Program"/> can consume first, for pruning the backtracker's branches.</summary>
    internal Lookahead Lookahead { get; }

    /// <summary>The program with jumps threaded and split trees flattened, as the backtracker walks it.</summary>
    internal ThreadedProgram Threaded { get; }

    /// <summary>
    /// The feature bits (numbered as in <see cref="Features"/>) some Test instruction reads; the others only feed compound
    /// tests. A class's row (see <see cref="TokenAlphabet"/>) holds these alone, renumbered densely in ascending order,
    /// and the programs' Test instructions and the rules' first masks use that numbering.
    /// </summary>
    internal ulong[] TestedBits { get; }

    /// <summary>64-bit words of a row of tested bits: what the automata read per token.</summary>
    internal int RowWords { get; }

    internal int SlotCount { get; }

    /// <summary>The rule called <paramref name="name"/>, or null.</summary>
    public CompiledRule? Rule(string name) => RuleArray.FirstOrDefault(r => r.Name == name);

    /// <summary>A scratch for one thread's repeated calls (avoids the pool).</summary>
    public PikeVm CreateVm() => new(this);

    /// <summary>The rules <paramref name="keep"/> accepts, to match on their own (see <see cref="RuleSubset"/>).</summary>
    public RuleSubset Subset(Func<CompiledRule, bool> keep) => new(this, RuleArray.Where(keep).ToArray());

    /// <summary>All matches in the whole document (scope <see cref="MatchScope.Range"/>).</summary>
    public MatchSet Match(TaggedText text, ReadOnlySpan<QuoteState> quotes = default, MatchScope scope = MatchScope.Range)
    {
        var results = new MatchSet();
        Match(text, quotes, 0, text.Analysis.Tokens.Length, results, scope);
        return results;
    }

    /// <summary>
    /// Appends to <paramref name="results"/> the matches in tokens [<paramref name="firstToken"/>,
    /// <paramref name="firstToken"/> + <paramref name="tokenCount"/>), ordered by start then rule.
    /// <paramref name="quotes"/> is indexed by document token and may be empty (no quote information).
    /// </summary>
    /// <remarks>With <paramref name="subset"/>, only its rules run.</remarks>
    public void Match(TaggedText text, ReadOnlySpan<QuoteState> quotes, int firstToken, int tokenCount, MatchSet results,
        MatchScope scope = MatchScope.Range, PikeVm? vm = null, RuleSubset? subset = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstToken);
        ArgumentOutOfRangeException.ThrowIfNegative(tokenCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstToken + tokenCount, text.Analysis.Tokens.Length, nameof(tokenCount));
        if (vm is not null && vm.Patterns != this)
        {
            throw new ArgumentException("The VM was created for another grammar.", nameof(vm));
        }

        if (subset is not null && subset.Patterns != this)
        {
            throw new ArgumentException("The subset belongs to another grammar.", nameof(subset));
        }

        results.Bind(this);
        bool rented = vm is null;
        vm ??= Rent();
        try
        {
            vm.Run(text, quotes, firstToken, tokenCount, results, scope, subset);
        }
        finally
        {
            if (rented)
            {
                Return(vm);
            }
        }
    }

    /// <summary>A VM from the pool (or a new one): for a caller that matches one input several times, then <see cref="Return"/>s it.</summary>
    internal PikeVm Rent() => _pool.Rent();

    /// <summary>Gives a rented VM back to the pool.</summary>
    internal void Return(PikeVm vm) => _pool.Return(vm);
}

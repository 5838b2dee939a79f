using System.Runtime.InteropServices;

namespace QuoteExtract.Matching;

/// <summary>
/// The matches of one or more <see cref="CompiledPatterns.Match(Tagging.TaggedText, ReadOnlySpan{QuoteState}, int, int, MatchSet, MatchScope, PikeVm?, RuleSubset?)"/>
/// calls, with captures in one flat store. Reusable: <see cref="Clear"/> keeps the buffers.
/// </summary>
internal sealed class MatchSet
{
    private readonly List<PatternMatch> _matches = [];
    private readonly List<int> _captures = [];
    private CompiledPatterns? _patterns;

    public int Count => _matches.Count;

    public PatternMatch this[int index] => _matches[index];

    /// <summary>Thread steps the automaton took in the last call: the linear-time witness (at most tokens × program size × 2).</summary>
    public long Steps { get; internal set; }

    public ReadOnlySpan<PatternMatch> AsSpan() => CollectionsMarshal.AsSpan(_matches);

    public void Clear()
    {
        _matches.Clear();
        _captures.Clear();
        Steps = 0;
    }

    /// <summary>The rule that produced <paramref name="match"/>.</summary>
    public CompiledRule Rule(in PatternMatch match) => Patterns.Rules[match.Rule];

    /// <summary>Capture <paramref name="index"/> of <paramref name="match"/>; <see cref="TokenRange.None"/> if it took no part.</summary>
    public TokenRange Capture(in PatternMatch match, int index)
    {
        if ((uint)index >= (uint)match.CaptureCount)
        {
            return TokenRange.None;
        }

        int at = match.CaptureOffset + (2 * index);
        return new TokenRange(_captures[at], _captures[at + 1]);
    }

    /// <summary>The capture called <paramref name="name"/>; <see cref="TokenRange.None"/> if the rule has none or it took no part.</summary>
    public TokenRange Capture(in PatternMatch match, string name) => Capture(match, Rule(match).CaptureIndex(name));

    private CompiledPatterns Patterns => _patterns ?? throw new InvalidOperationException("The set holds no matches.");

    internal void Bind(CompiledPatterns patterns)
    {
        if (_patterns is not null && _patterns != patterns && _matches.Count > 0)
        {
            throw new InvalidOperationException("A match set holds the matches of one compiled grammar; clear it first.");
        }

        _patterns = patterns;
    }

    /// <summary>Adds a match; <paramref name="slots"/> holds start/end pairs of its captures (-1 when unset).</summary>
    internal void Add(int rule, int start, int end, ReadOnlySpan<int> slots)
    {
        int offset = _captures.Count;
        int groups = slots.Length / 2;
        for (int i = 0; i < groups; i++)
        {
            int s = slots[2 * i], e = slots[(2 * i) + 1];
            bool set = s >= 0 && e >= s;
            _captures.Add(set ? s : -1);
            _captures.Add(set ? e : -1);
        }

        _matches.Add(new PatternMatch(rule, start, end, offset, groups));
    }

    /// <summary>Orders the matches added since <paramref name="from"/> by start, then rule.</summary>
    internal void SortFrom(int from) =>
        CollectionsMarshal.AsSpan(_matches)[from..].Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rule.CompareTo(b.Rule));
}

namespace QuoteExtract.Matching;

/// <summary>
/// Some of a grammar's rules, to match on their own with <see cref="CompiledPatterns.Match(Tagging.TaggedText, ReadOnlySpan{QuoteState}, int, int, MatchSet, MatchScope, PikeVm?, RuleSubset?)"/>.
/// Rules are independent, so a subset reports exactly the matches those rules report when the whole grammar runs,
/// but its automaton is far smaller, and a VM that matched the same input before reuses the token features it
/// computed then (the attribution layer's whole-text pass after its sentence pass).
/// </summary>
internal sealed class RuleSubset
{
    internal RuleSubset(CompiledPatterns patterns, CompiledRule[] rules)
    {
        Patterns = patterns;
        Rules = rules;
        Mask = new ulong[(patterns.Rules.Count + 63) / 64];
        foreach (var rule in rules)
        {
            Mask[rule.Index >> 6] |= 1UL << rule.Index;
        }
    }

    /// <summary>The grammar the rules belong to.</summary>
    public CompiledPatterns Patterns { get; }

    /// <summary>The rules, in grammar order.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>One bit per rule index of the grammar.</summary>
    internal ulong[] Mask { get; }

    internal CompiledRule[] RuleArray => (CompiledRule[])Rules;
}

namespace QuoteExtract.Matching;

/// <summary>
/// The mirror image of a pattern: it matches tokens t1 … tn read right to left exactly when the original matches them
/// left to right. Compiled into the reverse program, it lets an automaton walk a stretch backwards from the ends of
/// matches to the positions where matches can start (see <see cref="StartFinder"/>). Priorities and captures mean
/// nothing backwards (only the set of matches is kept), and anchors assert the same positions in either direction.
/// </summary>
internal static class PatternReverser
{
    /// <summary>The pattern whose matches are <paramref name="node"/>'s, read backwards.</summary>
    public static PatternNode Reverse(PatternNode node) => node switch
    {
        SequenceNode s => s with { Items = s.Items.Reverse().Select(Reverse).ToArray() },
        AlternationNode a => a with { Alternatives = a.Alternatives.Select(Reverse).ToArray() },
        RepeatNode r => r with { Body = Reverse(r.Body) },
        GroupNode g => g with { Name = null, Body = Reverse(g.Body) },
        TokenNode or AnchorNode => node,
        _ => throw new ArgumentException($"Unknown pattern node {node.GetType().Name}.", nameof(node)),
    };
}

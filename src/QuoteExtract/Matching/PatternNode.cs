namespace QuoteExtract.Matching;

/// <summary>Syntax tree of a rule's pattern. <see cref="Offset"/> is where the node starts in the rule text, for errors.</summary>
internal abstract record PatternNode(int Offset)
{
    /// <summary>Whether the node can match zero tokens.</summary>
    public abstract bool IsNullable { get; }
}

/// <summary>Consumes one token that passes <see cref="Test"/>.</summary>
internal sealed record TokenNode(int Offset, TokenTest Test) : PatternNode(Offset)
{
    public override bool IsNullable => false;
}

internal sealed record SequenceNode(int Offset, IReadOnlyList<PatternNode> Items) : PatternNode(Offset)
{
    public override bool IsNullable => Items.All(i => i.IsNullable);
}

/// <summary>Alternatives in priority order: the first that leads to a match wins.</summary>
internal sealed record AlternationNode(int Offset, IReadOnlyList<PatternNode> Alternatives) : PatternNode(Offset)
{
    public override bool IsNullable => Alternatives.Any(a => a.IsNullable);
}

/// <summary><c>{Min,Max}</c> repetitions; <see cref="Max"/> is -1 for no upper bound.</summary>
internal sealed record RepeatNode(int Offset, PatternNode Body, int Min, int Max, bool Greedy) : PatternNode(Offset)
{
    public override bool IsNullable => Min == 0 || Body.IsNullable;
}

/// <summary>A group; captured under <see cref="Name"/> when it has one.</summary>
internal sealed record GroupNode(int Offset, string? Name, PatternNode Body) : PatternNode(Offset)
{
    public override bool IsNullable => Body.IsNullable;
}

internal enum AnchorKind : byte
{
    /// <summary><c>^</c>: the next token begins a sentence (or the matched range).</summary>
    SentenceStart,
    /// <summary><c>$</c>: the previous token ends a sentence (or the matched range).</summary>
    SentenceEnd,
}

/// <summary>A zero-width assertion.</summary>
internal sealed record AnchorNode(int Offset, AnchorKind Kind) : PatternNode(Offset)
{
    public override bool IsNullable => true;
}

/// <summary>A parsed rule: name, metadata and pattern, with its position in the source for errors.</summary>
internal sealed record RuleSyntax(string Name, IReadOnlyDictionary<string, string> Metadata, PatternNode Pattern, int Offset);

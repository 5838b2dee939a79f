namespace QuoteExtract.Matching;

internal enum OpCode : byte
{
    /// <summary>Consume one token if predicate bit <c>X</c> is set for it.</summary>
    Test,
    /// <summary>Continue at <c>X</c> (preferred) and at <c>Y</c>.</summary>
    Split,
    /// <summary>Continue at <c>X</c>.</summary>
    Jump,
    /// <summary>Record the current position in capture slot <c>X</c>.</summary>
    Save,
    /// <summary>Continue only at a sentence (or range) start.</summary>
    AssertSentenceStart,
    /// <summary>Continue only at a sentence (or range) end.</summary>
    AssertSentenceEnd,
    /// <summary>The rule <c>Rule</c> has matched.</summary>
    Match,
}

/// <summary>One instruction of the compiled program. <see cref="Rule"/> is the rule the instruction belongs to.</summary>
internal readonly record struct Instruction(OpCode Op, int X, int Y, int Rule);

namespace QuoteExtract.Matching;

/// <summary>A half-open range of token indices; <see cref="None"/> for a capture that did not take part in the match.</summary>
/// <param name="Start">First token.</param>
/// <param name="End">One past the last token.</param>
internal readonly record struct TokenRange(int Start, int End)
{
    public static TokenRange None => new(-1, -1);

    public int Length => End - Start;

    public bool IsNone => Start < 0;
}

using QuoteExtract.Text;

namespace QuoteExtract.Matching;

/// <summary>One match of one rule: its token range and where its captures are stored in the <see cref="MatchSet"/>.</summary>
/// <param name="Rule">Index of the rule in <see cref="CompiledPatterns.Rules"/>.</param>
/// <param name="Start">First token.</param>
/// <param name="End">One past the last token.</param>
/// <param name="CaptureOffset">Offset of the first capture in the set's capture store.</param>
/// <param name="CaptureCount">Number of captures of the rule.</param>
internal readonly record struct PatternMatch(int Rule, int Start, int End, int CaptureOffset, int CaptureCount)
{
    public TokenRange Range => new(Start, End);
}

/// <summary>Character offsets of token ranges.</summary>
internal static class TokenRangeExtensions
{
    /// <summary>The characters from the first token's start to the last token's end, or (-1, -1) for an empty range.</summary>
    public static (int Start, int End) ToCharRange(this TokenRange range, AnalyzedText analysis)
    {
        if (range.IsNone || range.Length <= 0)
        {
            return (-1, -1);
        }

        var tokens = analysis.Tokens;
        return (tokens[range.Start].Start, tokens[range.End - 1].End);
    }
}

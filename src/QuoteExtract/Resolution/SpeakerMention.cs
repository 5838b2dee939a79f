namespace QuoteExtract.Resolution;

/// <summary>
/// The speaker span of one attribution: its tokens and characters. <see cref="None"/> stands for an
/// attribution without a speaker; the resolver leaves it unresolved (the attribution layer decides from context).
/// </summary>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="TokenCount">Number of tokens; 0 when absent.</param>
/// <param name="Start">Start character offset.</param>
/// <param name="End">End character offset (exclusive).</param>
internal readonly record struct SpeakerMention(int FirstToken, int TokenCount, int Start, int End)
{
    /// <summary>An attribution with no speaker in the text.</summary>
    public static SpeakerMention None => default;

    public bool IsAbsent => TokenCount <= 0;

    public int EndToken => FirstToken + TokenCount;
}

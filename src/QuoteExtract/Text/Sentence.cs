namespace QuoteExtract.Text;

/// <summary>A sentence: a run of tokens, with the character range from its first token's start to its last token's end.</summary>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Start">Start offset of the first token.</param>
/// <param name="End">End offset of the last token (exclusive).</param>
/// <param name="Paragraph">Index of the paragraph the sentence is in.</param>
internal readonly record struct Sentence(int FirstToken, int TokenCount, int Start, int End, int Paragraph)
{
    /// <summary>Index one past the last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}

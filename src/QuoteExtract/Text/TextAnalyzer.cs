namespace QuoteExtract.Text;

/// <summary>
/// Entry point of the text layer: PTB tokens (as CoreNLP draws them), sentences, paragraphs and paired quotation marks
/// of a document, all as ranges over the untouched text.
/// </summary>
internal static class TextAnalyzer
{
    public static AnalyzedText Analyze(string text, CancellationToken cancellationToken = default) =>
        Analyze(text, SentenceBreaks.CoreNlp, cancellationToken);

    public static AnalyzedText Analyze(string text, SentenceBreaks breaks, CancellationToken cancellationToken = default) =>
        Analyze(text, breaks, new TextBuffers(), cancellationToken);

    /// <summary>
    /// Analyses <paramref name="text"/> into <paramref name="buffers"/>: the result reads them, so it is valid only
    /// until they are used again.
    /// </summary>
    public static AnalyzedText Analyze(string text, SentenceBreaks breaks, TextBuffers buffers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);

        // News averages about one token per six characters; start there so the buffer rarely regrows.
        var tokens = TextBuffers.AtLeast(buffers.Tokens, Math.Max(16, text.Length / 5));
        int tokenCount = Tokenizer.Tokenize(text, ref tokens, cancellationToken);
        buffers.Tokens = tokens;
        var tokenSpan = tokens.AsSpan(0, tokenCount);

        var sentences = TextBuffers.AtLeast(buffers.Sentences, Math.Max(8, tokenCount / 16));
        int sentenceCount = SentenceSplitter.Split(text, tokenSpan, breaks, ref sentences);
        buffers.Sentences = sentences;

        var paragraphs = TextBuffers.AtLeast(buffers.Paragraphs, Math.Max(4, sentenceCount / 2));
        int paragraphCount = ParagraphBuilder.Build(tokenSpan, sentences.AsSpan(0, sentenceCount), ref paragraphs);
        buffers.Paragraphs = paragraphs;

        cancellationToken.ThrowIfCancellationRequested();
        WorkMeter.Add(text.Length + tokenCount);
        return new AnalyzedText(text, tokens, tokenCount, sentences, sentenceCount, paragraphs, paragraphCount);
    }
}

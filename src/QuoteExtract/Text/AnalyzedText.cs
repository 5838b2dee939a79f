namespace QuoteExtract.Text;

/// <summary>
/// The text layer's output for one document: the untouched text with its tokens, sentences and
/// paragraphs as ranges. Arrays may be longer than their counts (buffers are reused), so read through the spans.
/// </summary>
internal sealed class AnalyzedText
{
    private readonly Token[] _tokens;
    private readonly int _tokenCount;
    private readonly Sentence[] _sentences;
    private readonly int _sentenceCount;
    private readonly Paragraph[] _paragraphs;
    private readonly int _paragraphCount;

    public AnalyzedText(string text, Token[] tokens, int tokenCount, Sentence[] sentences, int sentenceCount, Paragraph[] paragraphs, int paragraphCount)
    {
        Text = text;
        _tokens = tokens;
        _tokenCount = tokenCount;
        _sentences = sentences;
        _sentenceCount = sentenceCount;
        _paragraphs = paragraphs;
        _paragraphCount = paragraphCount;
    }

    public string Text { get; }

    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, _tokenCount);

    public ReadOnlySpan<Sentence> Sentences => _sentences.AsSpan(0, _sentenceCount);

    public ReadOnlySpan<Paragraph> Paragraphs => _paragraphs.AsSpan(0, _paragraphCount);

    /// <summary>The characters of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index) => _tokens[index].Slice(Text);
}

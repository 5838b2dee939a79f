namespace QuoteExtract.Text;

/// <summary>
/// The text layer's output for one document: the untouched text with its tokens, sentences, paragraphs and quotations
/// as ranges. Arrays may be longer than their counts (buffers are reused), so read through the spans.
/// </summary>
internal sealed class AnalyzedText
{
    private readonly Token[] _tokens;
    private readonly int _tokenCount;
    private readonly Sentence[] _sentences;
    private readonly int _sentenceCount;
    private readonly Paragraph[] _paragraphs;
    private readonly int _paragraphCount;
    private readonly Quotation[] _quotations;
    private readonly int _quotationCount;
    private readonly int[] _tokenQuotation;

    /// <summary>Builds the result and pairs the quote marks of <paramref name="tokens"/>.</summary>
    public AnalyzedText(string text, Token[] tokens, int tokenCount, Sentence[] sentences, int sentenceCount, Paragraph[] paragraphs, int paragraphCount)
    {
        Text = text;
        _tokens = tokens;
        _tokenCount = tokenCount;
        _sentences = sentences;
        _sentenceCount = sentenceCount;
        _paragraphs = paragraphs;
        _paragraphCount = paragraphCount;
        _quotations = QuoteMarkAnalyzer.Analyze(text, tokens.AsSpan(0, tokenCount), out _quotationCount, out _tokenQuotation);
    }

    public string Text { get; }

    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, _tokenCount);

    public ReadOnlySpan<Sentence> Sentences => _sentences.AsSpan(0, _sentenceCount);

    public ReadOnlySpan<Paragraph> Paragraphs => _paragraphs.AsSpan(0, _paragraphCount);

    /// <summary>Quotations in order of their opening marks; nested ones follow the quotation that contains them.</summary>
    public ReadOnlySpan<Quotation> Quotations => _quotations.AsSpan(0, _quotationCount);

    /// <summary>Token <paramref name="index"/> (below the token count).</summary>
    public Token TokenAt(int index) => _tokens[index];

    /// <summary>The characters of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index) => _tokens[index].Slice(Text);

    /// <summary>Index of the innermost quotation containing token <paramref name="index"/> (marks included), or -1.</summary>
    public int QuotationAt(int index) => _tokenQuotation[index];

    /// <summary>True when token <paramref name="index"/> lies inside a quotation or is one of its marks.</summary>
    public bool IsInQuotation(int index) => _tokenQuotation[index] >= 0;
}

namespace QuoteExtract.Text;

/// <summary>
/// Arrays that <see cref="TextAnalyzer"/> fills and an <see cref="AnalyzedText"/> then reads. The token array alone is
/// about a tenth of what an extraction allocates, and every byte allocated pushes the models' tables out of the
/// caches, so the pipeline rents one set per call and gives it back once the call's records are built: an
/// <see cref="AnalyzedText"/> made over these arrays is valid only until then. The arrays only grow.
/// </summary>
internal sealed class TextBuffers
{
    /// <summary>The tokens of the last text analysed with these buffers, and stale ones past them.</summary>
    public Token[] Tokens = [];

    /// <summary>The sentences, as <see cref="Tokens"/>.</summary>
    public Sentence[] Sentences = [];

    /// <summary>The paragraphs, as <see cref="Tokens"/>.</summary>
    public Paragraph[] Paragraphs = [];

    /// <summary><paramref name="buffer"/> if it holds at least <paramref name="length"/> items, else a new array of that length.</summary>
    public static T[] AtLeast<T>(T[] buffer, int length) => buffer.Length >= length ? buffer : new T[length];
}

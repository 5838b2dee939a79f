namespace QuoteExtract.Text;

/// <summary>A paragraph: text between blank lines, with the sentences that start in it (see <see cref="ParagraphBuilder"/>).</summary>
/// <param name="Start">Offset of the first non-space character.</param>
/// <param name="End">Offset after the last non-space character (exclusive).</param>
/// <param name="FirstSentence">Index of the first sentence.</param>
/// <param name="SentenceCount">Number of sentences.</param>
internal readonly record struct Paragraph(int Start, int End, int FirstSentence, int SentenceCount);

namespace QuoteExtract.Text;

/// <summary>Where sentences may end besides sentence punctuation.</summary>
internal enum SentenceBreaks
{
    /// <summary>Only at sentence punctuation, as CoreNLP's default ssplit (its sentences can run across a blank line after "said:").</summary>
    CoreNlp,
    /// <summary>Also at every paragraph break (blank line), so no sentence spans two paragraphs.</summary>
    Paragraph,
}

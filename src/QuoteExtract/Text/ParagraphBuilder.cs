namespace QuoteExtract.Text;

/// <summary>
/// Paragraphs are runs of tokens between blank lines. A sentence belongs to the paragraph of its first token
/// (with CoreNLP-style sentences one can run on into the next paragraph, e.g. after "said:").
/// </summary>
internal static class ParagraphBuilder
{
    /// <summary>Fills <paramref name="buffer"/> with paragraphs, sets each sentence's paragraph index, and returns the paragraph count.</summary>
    public static int Build(ReadOnlySpan<Token> tokens, Span<Sentence> sentences, ref Paragraph[] buffer)
    {
        int count = 0;
        int s = 0;
        int t = 0;
        while (t < tokens.Length)
        {
            int first = t++;
            while (t < tokens.Length && !tokens[t].Has(TokenFlags.ParagraphBreakBefore))
            {
                t++;
            }

            int firstSentence = s;
            while (s < sentences.Length && sentences[s].FirstToken < t)
            {
                sentences[s] = sentences[s] with { Paragraph = count };
                s++;
            }

            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(4, buffer.Length * 2));
            }

            buffer[count++] = new Paragraph(tokens[first].Start, tokens[t - 1].End, firstSentence, s - firstSentence);
        }

        return count;
    }
}

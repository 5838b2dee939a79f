namespace QuoteExtract.Text;

/// <summary>
/// Entry point of the text layer: tokens, sentences and paragraphs of a document.
/// PLACEHOLDER implementation (whitespace and punctuation split, sentences at . ! ?, paragraphs at blank
/// lines) that fixes the contract; the real tokenizer and sentence splitter replace it.
/// </summary>
internal static class TextAnalyzer
{
    public static AnalyzedText Analyze(string text, CancellationToken cancellationToken = default)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\''))
                {
                    i++;
                }

                tokens.Add(new Token(start, i - start, char.IsDigit(c) ? TokenKind.Number : TokenKind.Word));
            }
            else
            {
                i++;
                var kind = c is '"' or '“' or '”' or '‘' or '’' ? TokenKind.QuoteMark : TokenKind.Punctuation;
                tokens.Add(new Token(start, 1, kind));
            }
        }

        var sentences = new List<Sentence>();
        var paragraphs = new List<Paragraph>();
        int first = 0, paragraph = 0, paragraphFirstSentence = 0;
        for (int t = 0; t < tokens.Count; t++)
        {
            bool paragraphBreakAfter = t + 1 < tokens.Count && text.AsSpan(tokens[t].End, tokens[t + 1].Start - tokens[t].End).Count('\n') >= 2;
            bool end = t + 1 == tokens.Count || paragraphBreakAfter || text[tokens[t].Start] is '.' or '!' or '?';
            if (end)
            {
                sentences.Add(new Sentence(first, t + 1 - first, tokens[first].Start, tokens[t].End, paragraph));
                first = t + 1;
            }

            if (t + 1 == tokens.Count || paragraphBreakAfter)
            {
                var firstSentence = sentences[paragraphFirstSentence];
                paragraphs.Add(new Paragraph(firstSentence.Start, tokens[t].End, paragraphFirstSentence, sentences.Count - paragraphFirstSentence));
                paragraph++;
                paragraphFirstSentence = sentences.Count;
            }
        }

        return new AnalyzedText(text, tokens.ToArray(), tokens.Count, sentences.ToArray(), sentences.Count, paragraphs.ToArray(), paragraphs.Count);
    }
}

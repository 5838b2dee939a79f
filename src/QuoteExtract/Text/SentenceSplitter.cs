namespace QuoteExtract.Text;

/// <summary>
/// Sentence boundaries as CoreNLP's ssplit draws them over PTB tokens: a sentence ends at a "." token or a run of
/// ! and ?, and takes along the closing quotes and brackets that follow. Abbreviations never end a sentence because
/// the tokenizer keeps their period on the word. Line breaks are not boundaries (CoreNLP's default, measured on the corpus:
/// splitting at blank lines costs more than it gains), unless <see cref="SentenceBreaks.Paragraph"/> asks for it; that
/// mode, used for extraction, also keeps a sentence going when a lower-case word or a comma follows its end mark.
/// No sentence is longer than <see cref="MaxTokens"/>, apart from the closing quotes and brackets that follow an end mark
/// at the cap.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>
    /// Longest sentence: a run of tokens without a boundary is cut here. Sentence-level work (content to the sentence
    /// end, the subject search) grows with sentence length, so text without punctuation must not make one huge
    /// sentence. The corpus' longest sentence has 220 tokens.
    /// </summary>
    public const int MaxTokens = 400;

    /// <summary>Writes sentences into <paramref name="buffer"/> (grown as needed) and returns their count; paragraph indices are filled in later.</summary>
    public static int Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, SentenceBreaks breaks, ref Sentence[] buffer)
    {
        int count = 0;
        int first = 0;
        int t = 0;
        while (t < tokens.Length)
        {
            if (t - first >= MaxTokens)
            {
                Add(ref buffer, ref count, tokens, first, t);
                first = t;
            }

            if (breaks == SentenceBreaks.Paragraph && t > first && tokens[t].Has(TokenFlags.ParagraphBreakBefore))
            {
                Add(ref buffer, ref count, tokens, first, t);
                first = t;
            }

            if (IsBoundary(text, tokens[t]))
            {
                int end = t + 1;
                while (end < tokens.Length && IsFollower(text, tokens[end], breaks)
                    && !(breaks == SentenceBreaks.Paragraph && tokens[end].Has(TokenFlags.ParagraphBreakBefore)))
                {
                    end++;
                }

                // (Never past the length cap: a join must not carry the sentence over it.)
                if (breaks == SentenceBreaks.Paragraph && end < tokens.Length && end - first < MaxTokens && ContinuesSentence(text, tokens[end]))
                {
                    t = end;
                    continue;
                }

                Add(ref buffer, ref count, tokens, first, end);
                first = end;
                t = end;
                continue;
            }

            t++;
        }

        if (first < tokens.Length)
        {
            Add(ref buffer, ref count, tokens, first, tokens.Length);
        }

        return count;
    }

    /// <summary>
    /// For extraction, a sentence goes on after its end mark when the next word is lower-case or a comma, semicolon or
    /// colon: <c>Sen. Jane Okoro (D-Md.) said …</c> (CoreNLP splits after "D-Md." and its bracket) and
    /// <c>“Why now?” said Okoro.</c> both read as one sentence, as the attribution grammar needs them.
    /// </summary>
    private static bool ContinuesSentence(ReadOnlySpan<char> text, Token next)
    {
        if (next.Has(TokenFlags.ParagraphBreakBefore))
        {
            return false;
        }

        char c = text[next.Start];
        return char.IsLower(c) || (next.Kind == TokenKind.Punctuation && c is ',' or ';' or ':');
    }

    private static void Add(ref Sentence[] buffer, ref int count, ReadOnlySpan<Token> tokens, int first, int end)
    {
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(8, buffer.Length * 2));
        }

        buffer[count++] = new Sentence(first, end - first, tokens[first].Start, tokens[end - 1].End, 0);
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, Token token)
    {
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        char c = text[token.Start];
        return (c == '.' && token.Length == 1) || c is '!' or '?';
    }

    /// <summary>
    /// Closing quotes and brackets after a sentence end belong to that sentence. As in CoreNLP, a straight quote
    /// follows only when it is not in opening position, and a combined mark such as ’” never does; the NYT's '' always
    /// follows in CoreNLP mode, and only when closing in <see cref="SentenceBreaks.Paragraph"/> mode.
    /// </summary>
    private static bool IsFollower(ReadOnlySpan<char> text, Token token, SentenceBreaks breaks)
    {
        char c = text[token.Start];
        if (token.Kind == TokenKind.QuoteMark)
        {
            if (token.Length == 2)
            {
                // CoreNLP keeps every '' with the sentence before; the extraction mode lets an opening one start its own.
                return c == '\'' && text[token.Start + 1] == '\'' && (breaks == SentenceBreaks.CoreNlp || token.Has(TokenFlags.ClosingQuote));
            }

            return c switch
            {
                '"' or '\'' => token.Has(TokenFlags.ClosingQuote),
                '’' or '”' or '»' or '›' => true,
                _ => false,
            };
        }

        return token.Kind == TokenKind.Punctuation && token.Length == 1 && c is ')' or ']' or '}';
    }
}

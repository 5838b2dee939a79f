namespace QuoteExtract.Text;

/// <summary>
/// Penn Treebank tokenization as Stanford CoreNLP's PTBTokenizer does it, producing character ranges only.
/// One pass, no regular expressions, no substrings: tokens are written into a caller-owned buffer that grows by doubling.
/// </summary>
internal static class Tokenizer
{
    private const int MaxMarkupLength = 2000;

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="buffer"/> (grown as needed) and returns the token count.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, ref Token[] buffer, CancellationToken cancellationToken = default)
    {
        int count = 0;
        int i = 0;
        var pending = TokenFlags.None;
        while (i < text.Length)
        {
            char c = text[i];
            if (CharClass.IsSkippable(c))
            {
                if (CharClass.IsNewline(c))
                {
                    // A second line break with only blanks between is a paragraph break.
                    pending |= (pending & TokenFlags.NewlineBefore) != 0 ? TokenFlags.ParagraphBreakBefore : TokenFlags.None;
                    pending |= TokenFlags.NewlineBefore;
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                }

                pending |= TokenFlags.SpaceBefore;
                i++;
                continue;
            }

            if ((count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int length = Scan(text, i, count > 0 && (pending & TokenFlags.SpaceBefore) == 0, out var kind, out var flags);
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(16, buffer.Length * 2));
            }

            if ((pending & (TokenFlags.NewlineBefore | TokenFlags.ParagraphBreakBefore)) == TokenFlags.NewlineBefore
                && count > 0 && LineBreakEndsParagraph(text, buffer[count - 1], flags))
            {
                pending |= TokenFlags.ParagraphBreakBefore;
            }

            buffer[count++] = new Token(i, length, kind, flags | pending);
            pending = TokenFlags.None;
            i += length;
        }

        return count;
    }

    /// <summary>
    /// Whether a single line break (not a blank line) before a token starts a paragraph. Many news feeds separate
    /// paragraphs, quotations and signature lines with one line break; hard-wrapped text breaks lines anywhere.
    /// So a single break counts when the line before ends a sentence (or a quotation after one), or the next line
    /// opens a quotation.
    /// </summary>
    private static bool LineBreakEndsParagraph(ReadOnlySpan<char> text, Token previous, TokenFlags next)
    {
        if ((next & TokenFlags.OpeningQuote) != 0)
        {
            return true;
        }

        int end = previous.End;
        if (previous.Kind == TokenKind.QuoteMark && (previous.Flags & TokenFlags.ClosingQuote) != 0)
        {
            end = previous.Start;
        }

        return end > 0 && text[end - 1] is '.' or '!' or '?' or '…';
    }

    /// <summary>Length of the token starting at <paramref name="i"/>; <paramref name="attached"/> says the previous token ends right here.</summary>
    private static int Scan(ReadOnlySpan<char> s, int i, bool attached, out TokenKind kind, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        char c = s[i];
        if (CharClass.IsWordChar(c))
        {
            return ScanWord(s, i, out kind, out flags);
        }

        kind = TokenKind.Punctuation;
        switch (c)
        {
            case '\'' or '’' or '‘':
                return ScanSingleQuote(s, i, attached, out kind, out flags);
            case '"':
                kind = TokenKind.QuoteMark;
                flags = IsOpeningPosition(s, i) ? TokenFlags.OpeningQuote : TokenFlags.ClosingQuote;
                return 1;
            case '“' or '«' or '„':
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.OpeningQuote;

                // CoreNLP keeps a double mark and an adjacent single mark together (“‘ and “’).
                return i + 1 < s.Length && s[i + 1] is '‘' or '’' ? 2 : 1;
            case '”' or '»' or '›':
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.ClosingQuote;
                return 1;
            case '‹':
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.OpeningQuote;
                return 1;
            case '`':
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.OpeningQuote;
                return i + 1 < s.Length && s[i + 1] == '`' ? 2 : 1;
            case '.':
                return ScanPeriod(s, i, out kind);
            case '…':
                kind = TokenKind.Ellipsis;
                return 1;
            case '-':
                return ScanHyphen(s, i, out kind);
            case '+':
                if (!attached && i + 1 < s.Length && CharClass.IsDigit(s[i + 1]))
                {
                    int n = ScanWord(s, i + 1, out _, out _);
                    kind = TokenKind.Number;
                    return n + 1;
                }

                kind = TokenKind.Symbol;
                return 1;
            case '—' or '–' or '―' or '\u2012' or '\u2212':
                kind = TokenKind.Dash;
                return 1;
            case '!' or '?':
                {
                    int j = i + 1;
                    while (j < s.Length && s[j] is '!' or '?')
                    {
                        j++;
                    }

                    return j - i;
                }

            case '<':
                return ScanMarkup(s, i, out kind);
            case '@':
                if (i + 1 < s.Length && (CharClass.IsLetter(s[i + 1]) || s[i + 1] == '_'))
                {
                    return ScanTagLike(s, i, TokenKind.Handle, out kind);
                }

                kind = TokenKind.Symbol;
                return 1;
            case '#':
                if (i + 1 < s.Length && CharClass.IsLetter(s[i + 1]))
                {
                    return ScanTagLike(s, i, TokenKind.Hashtag, out kind);
                }

                kind = TokenKind.Symbol;
                return 1;
            case '_' or '*' or '=':
                {
                    // Rules and separators (___, ***) are one token.
                    int j = i + 1;
                    while (j < s.Length && s[j] == c)
                    {
                        j++;
                    }

                    kind = TokenKind.Symbol;
                    return j - i;
                }

            case '&':
                return ScanEntity(s, i, out kind);
            case ',' or ';' or ':' or '(' or ')' or '[' or ']' or '{' or '}':
                kind = TokenKind.Punctuation;
                return 1;
        }

        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            // Never split a surrogate pair; keep a following variation selector with it.
            kind = TokenKind.Emoji;
            return i + 2 < s.Length && s[i + 2] == '\uFE0F' ? 3 : 2;
        }

        kind = c is >= '\u2600' and <= '\u27BF' ? TokenKind.Emoji : TokenKind.Symbol;
        return 1;
    }

    private static int ScanWord(ReadOnlySpan<char> s, int i, out TokenKind kind, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        kind = CharClass.IsDigit(s[i]) ? TokenKind.Number : TokenKind.Word;

        // "n't" split off a verb: do|n't, ca|n't, wo|n't.
        if (s[i] is 'n' or 'N' && i + 2 < s.Length && (CharClass.IsApostrophe(s[i + 1]) || s[i + 1] == '‘') && s[i + 2] is 't' or 'T'
            && (i + 3 == s.Length || !CharClass.IsLetter(s[i + 3])))
        {
            kind = TokenKind.Word;
            flags = TokenFlags.Apostrophe;
            return 3;
        }

        int j = i;
        int part = i; // start of the part after the last hyphen: "D-N.Y." is an acronym by its tail
        bool hasHyphen = false;
        bool decimalNumber = false;
        while (true)
        {
            while (j < s.Length && (CharClass.IsWordChar(s[j]) || (j > i && CharClass.IsMojibakeContinuation(s[j - 1], s[j]))))
            {
                // 2.5million is "2.5" "million" (but 9million stays whole).
                if (decimalNumber && j > i && CharClass.IsDigit(s[j - 1]) && CharClass.IsLetter(s[j]))
                {
                    return j - i;
                }

                j++;
            }

            if (j + 1 >= s.Length)
            {
                break;
            }

            char c = s[j];
            char next = s[j + 1];
            if (c == '‘' && next is 't' or 'T' && j - 1 > i && s[j - 1] is 'n' or 'N' && (j + 2 == s.Length || !CharClass.IsLetter(s[j + 2])))
            {
                // don‘t with a misprinted apostrophe still splits as do|n‘t.
                return j - 1 - i;
            }

            if (CharClass.IsApostrophe(c))
            {
                if (!CharClass.IsLetter(next))
                {
                    break;
                }

                int k = j + 1;
                while (k < s.Length && CharClass.IsLetter(s[k]))
                {
                    k++;
                }

                var suffix = s[(j + 1)..k];
                if (suffix is "t" or "T" && j - 1 > i && s[j - 1] is 'n' or 'N')
                {
                    return j - 1 - i;
                }

                if (IsClitic(suffix))
                {
                    break;
                }

                // O'Malley, y'all, ma'am: the apostrophe stays inside the word.
                j = k;
                continue;
            }

            if (c is '-' or '\u2011' && CharClass.IsWordChar(next))
            {
                hasHyphen = true;
                j += 1;
                part = j;
                continue;
            }

            if (c == '.')
            {
                if (CharClass.IsDigit(next) && j > i && !CharClass.IsDigit(s[j - 1]) && IsAbbreviation(s[i..j]))
                {
                    // No.1, Sept.11: the abbreviation keeps its period and the number stands alone.
                    return j + 1 - i;
                }

                if (CharClass.IsWordChar(next))
                {
                    decimalNumber |= CharClass.IsDigit(next) && CharClass.IsDigit(s[j - 1]);
                    j += 1;
                    continue;
                }

                // U.S.-Mexico, A.F.L.-C.I.O.
                if (next == '-' && j + 2 < s.Length && CharClass.IsWordChar(s[j + 2]) && IsAcronym(s[part..j]))
                {
                    hasHyphen = true;
                    j += 2;
                    part = j;
                    continue;
                }
            }

            if (c is ',' or ':' && CharClass.IsDigit(next) && CharClass.IsDigit(s[j - 1]))
            {
                decimalNumber |= c == ':'; // 6:00AM is "6:00" "AM"
                j += 1;
                continue;
            }

            // A suspended prefix ("pro- or anti-business") keeps its hyphen; a broken word ("over- sight") does not.
            if (c == '-' && next == ' ' && s[i..j] is "pro" or "anti" or "pre" or "post" or "non")
            {
                return j + 1 - i;
            }

            // CNN/ORC, h/t, 9/11 are one token; "post-9/11" is split at the slash as CoreNLP does.
            if (c == '/' && CharClass.IsWordChar(next) && !(hasHyphen && CharClass.IsDigit(next)))
            {
                j += 1;
                continue;
            }

            if (c == '&' && CharClass.IsUpper(next) && CharClass.IsUpper(s[j - 1]) && j - i <= 3)
            {
                j += 1;
                continue;
            }

            if (c == '@' && CharClass.IsWordChar(next))
            {
                return ScanEmail(s, i, j, out kind);
            }

            if (c == ':' && next == '/' && j + 2 < s.Length && s[j + 2] == '/' && IsScheme(s[i..j]))
            {
                return ScanUrl(s, i, out kind);
            }

            break;
        }

        var word = s[i..j];
        if (word.Length >= 4 && (word[0] | 0x20) == 'w' && word[..4].Equals("www.", StringComparison.OrdinalIgnoreCase))
        {
            return ScanUrl(s, i, out kind);
        }

        // Brand names that own their exclamation mark, so it does not end the sentence.
        if (j < s.Length && s[j] == '!' && word is "Yahoo" or "Jeopardy")
        {
            return j + 1 - i;
        }

        int split = SplitContraction(word);
        if (split > 0)
        {
            return split;
        }

        if (j < s.Length && s[j] == '.' && AttachesPeriod(s, word, j, IsAcronym(s[part..j]), hasHyphen))
        {
            return j + 1 - i;
        }

        return j - i;
    }

    /// <summary>CoreNLP splits cannot, gonna, gotta, wanna, lemme, gimme into two tokens.</summary>
    private static int SplitContraction(ReadOnlySpan<char> word)
    {
        if (word.Length is not (5 or 6) || (word[0] | 0x20) is not ('c' or 'g' or 'w' or 'l'))
        {
            return 0;
        }

        if (word.Equals("cannot", StringComparison.OrdinalIgnoreCase))
        {
            return 3;
        }

        if (word.Equals("gonna", StringComparison.OrdinalIgnoreCase) || word.Equals("gotta", StringComparison.OrdinalIgnoreCase)
            || word.Equals("wanna", StringComparison.OrdinalIgnoreCase) || word.Equals("lemme", StringComparison.OrdinalIgnoreCase)
            || word.Equals("gimme", StringComparison.OrdinalIgnoreCase))
        {
            return 3;
        }

        return 0;
    }

    /// <summary>Decides whether the period after <paramref name="word"/> belongs to it (abbreviation) or is punctuation.</summary>
    private static bool AttachesPeriod(ReadOnlySpan<char> s, ReadOnlySpan<char> word, int period, bool acronym, bool hyphenated)
    {
        int after = period + 1;
        if (acronym && hyphenated && (word.EndsWith("N.H") || word.EndsWith("S.C") || word.EndsWith("N.C")))
        {
            // CoreNLP leaves the period off these party-state tags (R-N.H., D-S.C.) but not off D-N.Y. and the like.
            return false;
        }

        if (acronym && hyphenated)
        {
            // D-N.Y., A.F.L.-C.I.O.: kept even before a sentence opener.
            return true;
        }

        if (acronym)
        {
            // U.S., p.m., D.C.: kept, except before a typical sentence opener (CoreNLP then adds a sentence-final period).
            return after >= s.Length || !FollowedBySentenceStart(s, after);
        }

        // A period directly followed by , ; or : cannot end a sentence, so it belongs to the word (R-Ky., etc.,).
        if (after < s.Length && s[after] is ',' or ';' or ':')
        {
            return true;
        }

        if (hyphenated)
        {
            return false;
        }

        if (word.Length == 1)
        {
            // Initials (J. K. Rowling) keep the period, but "Plan B." before "The" does not.
            return CharClass.IsLetter(word[0]) && !FollowedBySentenceStart(s, after);
        }

        if (word is "No" or "Nos")
        {
            // "No. 1" is a number sign, "No." an answer.
            int k = after;
            while (k < s.Length && s[k] == ' ')
            {
                k++;
            }

            return k < s.Length && CharClass.IsDigit(s[k]);
        }

        if (Abbreviations.IsAlwaysAbbreviation(word))
        {
            return true;
        }

        if (Abbreviations.IsSentenceFinalAbbreviation(word))
        {
            // Split when blank space is followed by more blank space or an uppercase letter.
            int k = period + 1;
            if (k >= s.Length)
            {
                return false;
            }

            if (!CharClass.IsSkippable(s[k]))
            {
                return true;
            }

            return k + 1 < s.Length && !(CharClass.IsSkippable(s[k + 1]) || CharClass.IsUpper(s[k + 1]));
        }

        return false;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        word is "No" or "Nos" || Abbreviations.IsAlwaysAbbreviation(word) || Abbreviations.IsSentenceFinalAbbreviation(word);

    /// <summary>Letters in groups of at most two separated by single periods, with at least one period: U.S, p.m, Ph.D, N.Y.</summary>
    private static bool IsAcronym(ReadOnlySpan<char> part)
    {
        int group = 0;
        bool period = false;
        foreach (char c in part)
        {
            if (c == '.')
            {
                if (group == 0)
                {
                    return false;
                }

                period = true;
                group = 0;
            }
            else if (CharClass.IsLetter(c) && group < 2)
            {
                group++;
            }
            else
            {
                return false;
            }
        }

        return period && group > 0;
    }

    private static bool FollowedBySentenceStart(ReadOnlySpan<char> s, int k)
    {
        if (k >= s.Length || !CharClass.IsSkippable(s[k]))
        {
            return false;
        }

        while (k < s.Length && CharClass.IsSkippable(s[k]))
        {
            k++;
        }

        int e = k;
        while (e < s.Length && (CharClass.IsLetter(s[e]) || (s[e] == '.' && e > k)))
        {
            e++;
        }

        return e > k && Abbreviations.IsCommonSentenceStart(s[k..e]);
    }

    private static bool IsClitic(ReadOnlySpan<char> suffix) => suffix switch
    {
        "s" or "S" or "re" or "RE" or "Re" or "ve" or "VE" or "ll" or "LL" or "m" or "M" or "d" or "D" => true,
        _ => false,
    };

    private static bool IsScheme(ReadOnlySpan<char> word) =>
        word.Equals("http", StringComparison.OrdinalIgnoreCase) || word.Equals("https", StringComparison.OrdinalIgnoreCase)
        || word.Equals("ftp", StringComparison.OrdinalIgnoreCase);

    private static int ScanUrl(ReadOnlySpan<char> s, int i, out TokenKind kind)
    {
        kind = TokenKind.Url;
        int j = i;
        while (j < s.Length && !CharClass.IsSkippable(s[j]) && s[j] is not ('"' or '“' or '”' or '<' or '>' or '’' or '‘'))
        {
            j++;
        }

        // Sentence punctuation and closing brackets after a URL are not part of it.
        while (j > i + 1 && s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'')
        {
            j--;
        }

        return j - i;
    }

    private static int ScanEmail(ReadOnlySpan<char> s, int i, int at, out TokenKind kind)
    {
        kind = TokenKind.Email;
        int j = at + 1;
        while (j < s.Length && (CharClass.IsWordChar(s[j]) || (s[j] is '.' or '-' && j + 1 < s.Length && CharClass.IsWordChar(s[j + 1]))))
        {
            j++;
        }

        return j - i;
    }

    private static int ScanTagLike(ReadOnlySpan<char> s, int i, TokenKind tagKind, out TokenKind kind)
    {
        int j = i + 1;
        while (j < s.Length && (CharClass.IsWordChar(s[j]) || s[j] == '_'))
        {
            j++;
        }

        kind = j > i + 1 ? tagKind : TokenKind.Symbol;
        return j - i;
    }

    /// <summary>HTML-like tags left in scraped text are one token, spaces included; a lone '&lt;' is a symbol.</summary>
    private static int ScanMarkup(ReadOnlySpan<char> s, int i, out TokenKind kind)
    {
        kind = TokenKind.Symbol;
        if (i + 1 >= s.Length || !(CharClass.IsLetter(s[i + 1]) || s[i + 1] is '/' or '!'))
        {
            return 1;
        }

        int limit = Math.Min(s.Length, i + MaxMarkupLength);
        for (int j = i + 1; j < limit; j++)
        {
            char c = s[j];
            if (c == '>')
            {
                kind = TokenKind.Markup;
                return j + 1 - i;
            }

            if (c == '<')
            {
                break;
            }
        }

        return 1;
    }

    /// <summary>HTML entities such as &amp;amp; are one token.</summary>
    private static int ScanEntity(ReadOnlySpan<char> s, int i, out TokenKind kind)
    {
        kind = TokenKind.Symbol;
        int j = i + 1;
        if (j < s.Length && s[j] == '#')
        {
            j++;
        }

        int bodyStart = j;
        while (j < s.Length && j - i < 10 && CharClass.IsWordChar(s[j]))
        {
            j++;
        }

        return j > bodyStart && j < s.Length && s[j] == ';' ? j + 1 - i : 1;
    }

    /// <summary>... and . . . are one ellipsis token; a lone period is punctuation; .5 is a number.</summary>
    private static int ScanPeriod(ReadOnlySpan<char> s, int i, out TokenKind kind)
    {
        int j = i + 1;
        while (j < s.Length && s[j] == '.')
        {
            j++;
        }

        if (j - i >= 3)
        {
            kind = TokenKind.Ellipsis;
            return j - i;
        }

        if (j - i == 1 && i + 4 < s.Length && s[i + 1] == ' ' && s[i + 2] == '.' && s[i + 3] == ' ' && s[i + 4] == '.')
        {
            // ". . ." is one token (in "word. . . ." it takes the first three periods, as CoreNLP does).
            kind = TokenKind.Ellipsis;
            return 5;
        }

        if (j - i == 1 && j < s.Length && CharClass.IsDigit(s[j]) && (i == 0 || !CharClass.IsWordChar(s[i - 1])))
        {
            // .45 (CoreNLP leaves "-caliber" in ".45-caliber" to the following tokens)
            while (j < s.Length && CharClass.IsDigit(s[j]))
            {
                j++;
            }

            kind = TokenKind.Number;
            return j - i;
        }

        // ".." is two periods to CoreNLP.
        kind = TokenKind.Punctuation;
        return 1;
    }

    /// <summary>Runs of hyphens are one dash (--); a sign before a number belongs to the number.</summary>
    private static int ScanHyphen(ReadOnlySpan<char> s, int i, out TokenKind kind)
    {
        int j = i + 1;
        while (j < s.Length && s[j] == '-')
        {
            j++;
        }

        if (j - i == 1 && j < s.Length && CharClass.IsDigit(s[j]) && (i == 0 || !CharClass.IsWordChar(s[i - 1])))
        {
            int n = ScanWord(s, j, out _, out _);
            kind = TokenKind.Number;
            return n + 1;
        }

        kind = TokenKind.Dash;
        return j - i;
    }

    private static int ScanSingleQuote(ReadOnlySpan<char> s, int i, bool attached, out TokenKind kind, out TokenFlags flags)
    {
        char c = s[i];
        kind = TokenKind.QuoteMark;
        char next = i + 1 < s.Length ? s[i + 1] : '\0';

        // ''' right after a word or mark closes an inner quotation, then the outer one ('old-school,''' he said): the
        // single mark comes first, or the inner quotation would never close.
        if (c == '\'' && next == '\'' && attached && i + 2 < s.Length && s[i + 2] == '\'')
        {
            flags = TokenFlags.ClosingQuote;
            return 1;
        }

        // '' is the NYT-style double quote (at either end); ’” ’“ ’’ and ‘“ stay together as CoreNLP keeps them.
        if ((c == '\'' && next == '\'') || (c == '’' && next is '’' or '”' or '“') || (c == '‘' && next == '“'))
        {
            // '' opens where a " would (after a space, before a word), so that it starts its sentence, not ends the last.
            flags = c == '‘' || (c == '\'' && !attached && i + 2 < s.Length && CharClass.IsWordChar(s[i + 2]) && (i == 0 || CharClass.IsSkippable(s[i - 1]) || CharClass.IsOpener(s[i - 1]))) ? TokenFlags.OpeningQuote : TokenFlags.ClosingQuote;
            return 2;
        }

        if (c != '‘' && CharClass.IsLetter(next))
        {
            int k = i + 1;
            while (k < s.Length && CharClass.IsLetter(s[k]))
            {
                k++;
            }

            var suffix = s[(i + 1)..k];
            if (attached && IsClitic(suffix))
            {
                kind = TokenKind.Word;
                flags = TokenFlags.Apostrophe;
                return k - i;
            }

            if (suffix is "em" or "Em" or "tis" or "Tis" or "twas" or "Twas" or "cause" or "Cause" or "til" or "Til")
            {
                kind = TokenKind.Word;
                flags = TokenFlags.Apostrophe;
                return k - i;
            }

            // rock 'n' roll
            if (suffix is "n" or "N" && k < s.Length && CharClass.IsApostrophe(s[k]))
            {
                kind = TokenKind.Word;
                flags = TokenFlags.Apostrophe;
                return k + 1 - i;
            }
        }

        // '90s, ’08: an elided century.
        if (c != '‘' && !attached && CharClass.IsDigit(next) && i + 2 < s.Length && CharClass.IsDigit(s[i + 2])
            && (i + 3 == s.Length || !CharClass.IsDigit(s[i + 3])))
        {
            int k = i + 3;
            if (k < s.Length && s[k] == 's')
            {
                k++;
            }

            kind = TokenKind.Number;
            flags = TokenFlags.Apostrophe;
            return k - i;
        }

        if (c == '‘')
        {
            flags = TokenFlags.OpeningQuote;
        }
        else if (c == '’')
        {
            flags = attached ? TokenFlags.ClosingQuote : (CharClass.IsLetter(next) ? TokenFlags.OpeningQuote : TokenFlags.ClosingQuote);
        }
        else
        {
            flags = IsOpeningPosition(s, i) ? TokenFlags.OpeningQuote : TokenFlags.ClosingQuote;
        }

        return 1;
    }

    /// <summary>A straight quote opens when it starts the text or follows blank space or an opening bracket or dash.</summary>
    private static bool IsOpeningPosition(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 >= s.Length || !CharClass.IsWordChar(s[i + 1]))
        {
            return false;
        }

        // Followed by a word: opening after blank space or an opener, and also right after sentence punctuation
        // (CoreNLP reads end."We as a new quotation).
        return i == 0 || CharClass.IsSkippable(s[i - 1]) || CharClass.IsOpener(s[i - 1]) || s[i - 1] is '.' or '?' or '!';
    }
}

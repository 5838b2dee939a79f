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

            buffer[count++] = new Token(i, length, kind, flags | pending);
            pending = TokenFlags.None;
            i += length;
        }

        return count;
    }

    /// <summary>Length of the token starting at <paramref name="i"/>; <paramref name="attached"/> says the previous token ends right here.</summary>
    private static int Scan(ReadOnlySpan<char> s, int i, bool attached, out TokenKind kind, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        char c = s[i];
        if (CharClass.IsWordChar(c))
        {
            return ScanWord(s, i, attached, out kind, out flags);
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
            case '”' or '»':
                kind = TokenKind.QuoteMark;
                flags = TokenFlags.ClosingQuote;
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
                return ScanHyphen(s, i, attached, out kind);
            case '+':
                if (!attached && i + 1 < s.Length && CharClass.IsDigit(s[i + 1]))
                {
                    int n = ScanWord(s, i + 1, true, out _, out _);
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
                return ScanTagLike(s, i, TokenKind.Handle, out kind);
            case '#':
                return ScanTagLike(s, i, TokenKind.Hashtag, out kind);
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

    private static int ScanWord(ReadOnlySpan<char> s, int i, bool attached, out TokenKind kind, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        kind = CharClass.IsDigit(s[i]) ? TokenKind.Number : TokenKind.Word;

        // "n't" split off a verb: do|n't, ca|n't, wo|n't.
        if (s[i] is 'n' or 'N' && i + 2 < s.Length && CharClass.IsApostrophe(s[i + 1]) && s[i + 2] is 't' or 'T'
            && (i + 3 == s.Length || !CharClass.IsLetter(s[i + 3])))
        {
            kind = TokenKind.Word;
            flags = TokenFlags.Apostrophe;
            return 3;
        }

        int j = i;
        bool hasPeriod = false;
        bool allLettersAndPeriods = true;
        while (true)
        {
            while (j < s.Length && CharClass.IsWordChar(s[j]))
            {
                if (!CharClass.IsLetter(s[j]))
                {
                    allLettersAndPeriods = false;
                }

                j++;
            }

            if (j + 1 >= s.Length)
            {
                break;
            }

            char c = s[j];
            char next = s[j + 1];
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
                allLettersAndPeriods = false;
                j += 1;
                continue;
            }

            if (c == '.' && CharClass.IsWordChar(next))
            {
                hasPeriod = true;
                j += 1;
                continue;
            }

            if (c is ',' or ':' or '/' && CharClass.IsDigit(next) && CharClass.IsDigit(s[j - 1]))
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
        if (word.Length >= 4 && word[..4].Equals("www.", StringComparison.OrdinalIgnoreCase))
        {
            return ScanUrl(s, i, out kind);
        }

        int split = SplitContraction(word);
        if (split > 0)
        {
            return split;
        }

        if (j < s.Length && s[j] == '.' && AttachesPeriod(s, word, j, hasPeriod && allLettersAndPeriods))
        {
            return j + 1 - i;
        }

        return j - i;
    }

    /// <summary>CoreNLP splits cannot, gonna, gotta, wanna, lemme, gimme into two tokens.</summary>
    private static int SplitContraction(ReadOnlySpan<char> word)
    {
        if (word.Length is not (5 or 6))
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
    private static bool AttachesPeriod(ReadOnlySpan<char> s, ReadOnlySpan<char> word, int period, bool acronym)
    {
        if (acronym)
        {
            // U.S., p.m., D.C.: kept, except before a typical sentence opener (CoreNLP then adds a sentence-final period).
            return !FollowedBySentenceStart(s, period + 1);
        }

        if (word.Length == 1)
        {
            return CharClass.IsLetter(word[0]);
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

    private static bool FollowedBySentenceStart(ReadOnlySpan<char> s, int k)
    {
        if (k >= s.Length)
        {
            return true;
        }

        if (!CharClass.IsSkippable(s[k]))
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

            if (c is '<' or '\n')
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
            kind = TokenKind.Ellipsis;
            int e = i + 5;
            while (e + 1 < s.Length && s[e] == ' ' && s[e + 1] == '.')
            {
                e += 2;
            }

            return e - i;
        }

        kind = TokenKind.Punctuation;
        return j - i;
    }

    /// <summary>Runs of hyphens are one dash (--); a sign before a number belongs to the number.</summary>
    private static int ScanHyphen(ReadOnlySpan<char> s, int i, bool attached, out TokenKind kind)
    {
        int j = i + 1;
        while (j < s.Length && s[j] == '-')
        {
            j++;
        }

        if (j - i == 1 && !attached && j < s.Length && CharClass.IsDigit(s[j]))
        {
            int n = ScanWord(s, j, true, out _, out _);
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

        // '' is the NYT-style closing double quote; ’” and ’’ are kept together as CoreNLP does.
        if ((c == '\'' && next == '\'') || (c == '’' && next is '’' or '”') || (c == '‘' && next == '“'))
        {
            flags = c == '‘' ? TokenFlags.OpeningQuote : TokenFlags.ClosingQuote;
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

            if (suffix is "em" or "Em" or "tis" or "Tis" or "twas" or "Twas")
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
        if (i == 0)
        {
            return true;
        }

        char before = s[i - 1];
        if (CharClass.IsSkippable(before) || CharClass.IsOpener(before))
        {
            return i + 1 < s.Length && !CharClass.IsSkippable(s[i + 1]);
        }

        return false;
    }
}

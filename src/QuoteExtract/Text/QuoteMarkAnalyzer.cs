namespace QuoteExtract.Text;

/// <summary>
/// Pairs opening and closing quote marks of every style into <see cref="Quotation"/> ranges.
/// Double and single marks nest (‘…’ inside “…”); a mark of a style already open usually means the earlier one was
/// never closed, so it is bounded there (a “ nests inside “…” only when two ” follow before the next “). The stack
/// stays at most four deep and 10,000 stray marks cost linear time.
/// An unclosed quotation stops at its paragraph's end, unless the next paragraph opens with the same style
/// (the news convention for a quotation running over several paragraphs).
/// </summary>
internal static class QuoteMarkAnalyzer
{
    private enum MarkRole : byte
    {
        None,
        Open,
        Close,
        Either,
    }

    private struct OpenMark
    {
        public int Token;
        public int Start; // offset of the mark itself, which may be the second character of a token such as “‘
        public QuoteStyle Style;
        public int Depth;
        public bool Spanning;
        public int Slot; // index reserved in the output so quotations stay in opening order
    }

    /// <summary>
    /// Finds the quotations of <paramref name="tokens"/> and, for each token, the innermost quotation containing it (-1 if none).
    /// </summary>
    public static Quotation[] Analyze(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, out int count, out int[] tokenQuotation)
    {
        var quotations = new Quotation[8];
        count = 0;
        Span<OpenMark> stack = stackalloc OpenMark[4];
        int depth = 0;
        int paragraphLast = -1;

        for (int t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            int firstMark = 0;
            if (t > 0 && token.Has(TokenFlags.ParagraphBreakBefore)
                && CloseAtParagraphEnd(text, tokens, t, stack, ref depth, quotations, paragraphLast))
            {
                firstMark = 1; // the reopening mark continues the open quotation
            }

            paragraphLast = t;
            if (token.Kind != TokenKind.QuoteMark)
            {
                continue;
            }

            // A token can hold two marks (’” or “‘): read them in order.
            for (int m = firstMark; m < token.Length; m++)
            {
                var (role, style) = Classify(text, tokens, t, m, stack[..depth]);
                if (role == MarkRole.Either)
                {
                    role = Contains(stack[..depth], style) ? MarkRole.Close : MarkRole.Open;
                }

                if (role == MarkRole.Open)
                {
                    int existing = IndexOf(stack[..depth], style);
                    bool nests = existing >= 0 && depth < stack.Length - 1 && text[token.Start + m] == '“'
                        && ClosingDoubleMarksAhead(text, tokens, t + 1) >= 2;
                    if (existing >= 0 && !nests)
                    {
                        // The earlier mark of this style was never closed: bound it (and anything inside) here.
                        Unwind(ref depth, existing, stack, quotations, tokens, t - 1, closeToken: -1, closeEnd: 0);
                    }

                    if (count == quotations.Length)
                    {
                        Array.Resize(ref quotations, quotations.Length * 2);
                    }

                    stack[depth] = new OpenMark { Token = t, Start = token.Start + m, Style = style, Depth = depth, Slot = count };
                    quotations[count++] = default;
                    depth++;
                }
                else if (role == MarkRole.Close)
                {
                    int open = IndexOf(stack[..depth], style);
                    if (open >= 0)
                    {
                        Unwind(ref depth, open, stack, quotations, tokens, t, closeToken: t, closeEnd: IsDoubledMark(text, token) ? token.End : token.Start + m + 1);
                    }
                }
            }
        }

        CloseAtParagraphEnd(text, tokens, tokens.Length, stack, ref depth, quotations, paragraphLast);

        tokenQuotation = new int[tokens.Length];
        tokenQuotation.AsSpan().Fill(-1);

        // Quotations are in opening order and nest, so writing each over its tokens leaves the innermost.
        for (int q = 0; q < count; q++)
        {
            tokenQuotation.AsSpan(quotations[q].OpenToken, quotations[q].LastToken - quotations[q].OpenToken + 1).Fill(q);
        }

        return quotations;
    }

    /// <summary>
    /// Ends the open quotations at a paragraph break and returns false; if the next paragraph reopens the outermost
    /// one with a mark of its style, keeps that one open (inner ones still end) and returns true.
    /// </summary>
    private static bool CloseAtParagraphEnd(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int next, Span<OpenMark> stack, ref int depth, Quotation[] quotations, int last)
    {
        if (depth == 0)
        {
            return false;
        }

        bool reopens = next < tokens.Length && tokens[next].Kind == TokenKind.QuoteMark
            && Classify(text, tokens, next, 0, default) is (MarkRole.Open or MarkRole.Either, var style) && style == stack[0].Style;
        if (!reopens)
        {
            Unwind(ref depth, 0, stack, quotations, tokens, last, closeToken: -1, closeEnd: 0);
            return false;
        }

        if (depth > 1)
        {
            Unwind(ref depth, 1, stack, quotations, tokens, last, closeToken: -1, closeEnd: 0);
        }

        stack[0].Spanning = true;
        return true;
    }

    /// <summary>Pops stack entries from the top down to <paramref name="index"/>, writing their quotations.</summary>
    /// <remarks>The entry at <paramref name="index"/> closes at <paramref name="closeEnd"/> when <paramref name="closeToken"/> is set; the rest end unclosed at <paramref name="last"/>.</remarks>
    private static void Unwind(ref int depth, int index, Span<OpenMark> stack, Quotation[] quotations, ReadOnlySpan<Token> tokens, int last, int closeToken, int closeEnd)
    {
        for (int d = depth - 1; d >= index; d--)
        {
            var open = stack[d];
            bool closed = d == index && closeToken >= 0;

            // Quotations left open inside one that closes end before its closing mark.
            int end = Math.Max(closeToken >= 0 && !closed ? closeToken - 1 : last, open.Token);
            quotations[open.Slot] = new Quotation(
                open.Start, closed ? closeEnd : tokens[end].End, open.Token, closed ? closeToken : -1, end, open.Depth, open.Style, open.Spanning);
        }

        depth = index;
    }

    /// <summary>
    /// Counts ” marks from token <paramref name="t"/> up to the next “ or paragraph break: two or more mean a “ inside an
    /// open “…” quotation nests (“He calls it “hell” here”) rather than replacing an unclosed one. The count stops at the
    /// next opener, so each token is looked at by one opener at most and stray marks stay linear.
    /// </summary>
    private static int ClosingDoubleMarksAhead(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t)
    {
        int closers = 0;
        int from = t;
        for (; t < tokens.Length && !tokens[t].Has(TokenFlags.ParagraphBreakBefore); t++)
        {
            if (tokens[t].Kind != TokenKind.QuoteMark)
            {
                continue;
            }

            foreach (char c in tokens[t].Slice(text))
            {
                if (c == '“')
                {
                    WorkMeter.Add(t - from);
                    return closers;
                }

                closers += c == '”' ? 1 : 0;
            }
        }

        WorkMeter.Add(t - from);
        return closers;
    }

    private static bool Contains(ReadOnlySpan<OpenMark> stack, QuoteStyle style) => IndexOf(stack, style) >= 0;

    private static int IndexOf(ReadOnlySpan<OpenMark> stack, QuoteStyle style)
    {
        for (int d = stack.Length - 1; d >= 0; d--)
        {
            if (stack[d].Style == style)
            {
                return d;
            }
        }

        return -1;
    }

    /// <summary>The role and style of the <paramref name="m"/>-th mark of quote token <paramref name="t"/>.</summary>
    private static (MarkRole Role, QuoteStyle Style) Classify(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t, int m, ReadOnlySpan<OpenMark> open)
    {
        var token = tokens[t];
        int at = token.Start + m;
        char c = text[at];

        if (IsDoubledMark(text, token))
        {
            if (m > 0)
            {
                return (MarkRole.None, QuoteStyle.Double);
            }

            // The NYT prints '' at both ends (''Yes,'' he said), so '' and ’’ take their role from their position.
            return (c is '`' or '‘' ? MarkRole.Open : Position(text, token.Start, token.End), QuoteStyle.Double);
        }

        switch (c)
        {
            case '“' or '„':
                // Some feeds print “ at both ends: in closing position with a double quotation open, it closes.
                return (Position(text, at, at + 1) == MarkRole.Close && Contains(open, QuoteStyle.Double) ? MarkRole.Close : MarkRole.Open, QuoteStyle.Double);
            case '”':
                // ...and some print ” at both ends: in opening position with none open, it opens.
                return (Position(text, at, at + 1) == MarkRole.Open && !Contains(open, QuoteStyle.Double) ? MarkRole.Open : MarkRole.Close, QuoteStyle.Double);
            case '«':
                return (MarkRole.Open, QuoteStyle.Double);
            case '»':
                return (MarkRole.Close, QuoteStyle.Double);
            case '‹':
                return (MarkRole.Open, QuoteStyle.Single);
            case '›':
                return (MarkRole.Close, QuoteStyle.Single);
            case '‘' or '`':
                // Between letters it is a misprinted apostrophe (Trump‘s), not an opening mark.
                // Before a year or 'em it is a misprinted elision (‘90s, ‘em).
                bool inWord = at > 0 && CharClass.IsWordChar(text[at - 1]) && at + 1 < text.Length && CharClass.IsWordChar(text[at + 1]);
                return (inWord || IsElision(text, at + 1) ? MarkRole.None : MarkRole.Open, QuoteStyle.Single);
            case '"':
                return (Position(text, at, at + 1), QuoteStyle.Double);
            case '’':
                {
                    // A typographic apostrophe and a closing single quote are the same character: it closes only
                    // when a single quotation is open (else it is a possessive like leaders’).
                    var role = Position(text, at, at + 1);
                    return (role == MarkRole.Open ? MarkRole.None : Contains(open, QuoteStyle.Single) ? MarkRole.Close : MarkRole.None, QuoteStyle.Single);
                }

            case '\'':
                {
                    var role = Position(text, at, at + 1);
                    if (role == MarkRole.Open)
                    {
                        return (MarkRole.Open, QuoteStyle.Single);
                    }

                    return (Contains(open, QuoteStyle.Single) ? MarkRole.Close : MarkRole.None, QuoteStyle.Single);
                }

            default:
                return (MarkRole.None, QuoteStyle.Double);
        }
    }

    /// <summary>Two digits (and an optional s) or "em" after the mark: '90s, '08, 'em.</summary>
    private static bool IsElision(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (rest.Length >= 2 && CharClass.IsDigit(rest[0]) && CharClass.IsDigit(rest[1]))
        {
            rest = rest[2..];
            if (rest.Length > 0 && rest[0] == 's')
            {
                rest = rest[1..];
            }

            return rest.Length == 0 || !CharClass.IsWordChar(rest[0]);
        }

        return rest.StartsWith("em") && (rest.Length == 2 || !CharClass.IsWordChar(rest[2]));
    }

    /// <summary>`` '' ‘‘ ’’ are one double mark spread over two characters.</summary>
    private static bool IsDoubledMark(ReadOnlySpan<char> text, Token token) =>
        token.Length == 2 && text[token.Start] == text[token.Start + 1] && text[token.Start] is '`' or '\'' or '‘' or '’';

    /// <summary>Opening when blank space or an opener precedes and a non-space follows; closing in the mirror case.</summary>
    private static MarkRole Position(ReadOnlySpan<char> text, int start, int end)
    {
        bool spaceBefore = start == 0 || CharClass.IsSkippable(text[start - 1]) || CharClass.IsOpener(text[start - 1]);
        bool spaceAfter = end >= text.Length || CharClass.IsSkippable(text[end]) || text[end] is ',' or '.' or ';' or ':' or '?' or '!' or ')' or ']' or '—' or '–';
        return (spaceBefore, spaceAfter) switch
        {
            (true, false) => MarkRole.Open,
            (false, true) => MarkRole.Close,
            _ => MarkRole.Either,
        };
    }
}

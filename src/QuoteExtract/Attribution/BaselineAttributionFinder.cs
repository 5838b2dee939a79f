namespace QuoteExtract.Attribution;

/// <summary>
/// A deliberately simple first extractor that works on characters alone, so the command-line tool and
/// package have real output before the token layers and the pattern engine exist. It finds
/// (1) quoted passages with a speech verb and a capitalised name or pronoun next to them in the same
/// sentence and (2) <c>Name verb that …</c> clauses. It is the yardstick the real engine must beat.
/// </summary>
internal static class BaselineAttributionFinder
{
    private static readonly HashSet<string> CueVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "stated", "states", "told", "added", "noted", "wrote", "asked", "explained",
        "argued", "claimed", "warned", "insisted", "emphasized", "suggested", "replied", "responded", "announced",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "he", "she", "they", "it", "we", "I" };

    public static List<Quote> Find(string text, CancellationToken cancellationToken)
    {
        var quotes = new List<Quote>();
        FindDirect(text, quotes, cancellationToken);
        FindIndirect(text, quotes, cancellationToken);
        quotes.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
        return quotes;
    }

    private static void FindDirect(string text, List<Quote> quotes, CancellationToken cancellationToken)
    {
        int i = 0;
        while (i < text.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int open = text.IndexOfAny(['“', '"'], i);
            if (open < 0)
            {
                break;
            }

            int close = text.IndexOfAny(['”', '"', '\n'], open + 1);
            if (close < 0 || text[close] == '\n')
            {
                i = open + 1;
                continue;
            }

            var content = TextSpan.Of(text, open, close + 1);
            var (speaker, cue) = AfterQuote(text, close + 1);
            if (cue is null)
            {
                (speaker, cue) = BeforeQuote(text, open);
            }

            if (cue is not null)
            {
                quotes.Add(new Quote(QuoteKind.Direct, QuoteCategory.Speech, content, cue, speaker, null, speaker is null ? 0.4 : 0.6));
            }

            i = close + 1;
        }
    }

    private static void FindIndirect(string text, List<Quote> quotes, CancellationToken cancellationToken)
    {
        foreach (var (start, end) in Words(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!CueVerbs.Contains(text[start..end]) || !text.AsSpan(end).StartsWith(" that "))
            {
                continue;
            }

            var speaker = NameBefore(text, start);
            if (speaker is null)
            {
                continue;
            }

            int contentStart = end + " that ".Length;
            int contentEnd = SentenceEnd(text, contentStart);
            if (contentEnd > contentStart && text.AsSpan(contentStart, contentEnd - contentStart).IndexOfAny('“', '"') < 0)
            {
                quotes.Add(new Quote(
                    QuoteKind.Indirect, QuoteCategory.Speech, TextSpan.Of(text, contentStart, contentEnd),
                    TextSpan.Of(text, start, end), speaker, null, 0.5));
            }
        }
    }

    /// <summary><c>…,” said Name</c> or <c>…,” Name said</c>.</summary>
    private static (TextSpan? Speaker, TextSpan? Cue) AfterQuote(string text, int from)
    {
        int limit = SentenceEnd(text, from);
        var words = Words(text[..limit], from).Take(6).ToList();
        for (int w = 0; w < words.Count; w++)
        {
            var (s, e) = words[w];
            if (!CueVerbs.Contains(text[s..e]))
            {
                continue;
            }

            var before = NameBefore(text, s, from);
            if (before is not null)
            {
                return (before, TextSpan.Of(text, s, e));
            }

            var after = NameAfter(text, e, limit);
            return (after, TextSpan.Of(text, s, e));
        }

        return (null, null);
    }

    /// <summary><c>Name said: “…</c> or <c>Name said “…</c>.</summary>
    private static (TextSpan? Speaker, TextSpan? Cue) BeforeQuote(string text, int open)
    {
        int p = open - 1;
        while (p >= 0 && (text[p] == ' ' || text[p] == ':' || text[p] == ','))
        {
            p--;
        }

        int e = p + 1;
        while (p >= 0 && char.IsLetter(text[p]))
        {
            p--;
        }

        int s = p + 1;
        if (s < e && CueVerbs.Contains(text[s..e]))
        {
            var speaker = NameBefore(text, s);
            return (speaker, TextSpan.Of(text, s, e));
        }

        return (null, null);
    }

    /// <summary>The capitalised words or pronoun that end just before <paramref name="cueStart"/>.</summary>
    private static TextSpan? NameBefore(string text, int cueStart, int floor = 0)
    {
        int end = cueStart - 1;
        if (end <= floor || text[end] != ' ')
        {
            return null;
        }

        int start = end;
        int p = end;
        while (true)
        {
            int we = p;
            int ws = we;
            while (ws > floor && (char.IsLetter(text[ws - 1]) || text[ws - 1] == '.'))
            {
                ws--;
            }

            if (ws == we)
            {
                break;
            }

            var word = text[ws..we];
            if (start == end && Pronouns.Contains(word.ToLowerInvariant()))
            {
                return TextSpan.Of(text, ws, we);
            }

            if (!char.IsUpper(word[0]))
            {
                break;
            }

            start = ws;
            if (ws == floor || text[ws - 1] != ' ')
            {
                break;
            }

            p = ws - 1;
        }

        return start < end ? TextSpan.Of(text, start, end) : null;
    }

    /// <summary>The capitalised words that start just after <paramref name="cueEnd"/>.</summary>
    private static TextSpan? NameAfter(string text, int cueEnd, int limit)
    {
        int p = cueEnd;
        if (p >= limit || text[p] != ' ')
        {
            return null;
        }

        int start = p + 1, end = start;
        foreach (var (s, e) in Words(text[..limit], start))
        {
            if (s != end && end != start || !char.IsUpper(text[s]) && !Pronouns.Contains(text[s..e]))
            {
                break;
            }

            end = e;
            if (Pronouns.Contains(text[s..e]))
            {
                break;
            }

            end = e;
            if (e >= limit || text[e] != ' ')
            {
                break;
            }

            end = e + 1;
        }

        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        return end > start ? TextSpan.Of(text, start, end) : null;
    }

    private static int SentenceEnd(string text, int from)
    {
        for (int p = from; p < text.Length; p++)
        {
            if (text[p] == '\n' || (text[p] == '.' && (p + 1 == text.Length || char.IsWhiteSpace(text[p + 1])) && !IsInitial(text, p)))
            {
                return p;
            }
        }

        return text.Length;
    }

    private static bool IsInitial(string text, int period) =>
        period >= 1 && char.IsUpper(text[period - 1]) && (period == 1 || !char.IsLetter(text[period - 2]) || text[period - 2] == '.');

    private static IEnumerable<(int Start, int End)> Words(string text, int from = 0)
    {
        int p = from;
        while (p < text.Length)
        {
            while (p < text.Length && !char.IsLetter(text[p]))
            {
                p++;
            }

            int s = p;
            while (p < text.Length && (char.IsLetter(text[p]) || (text[p] == '.' && p + 1 < text.Length && char.IsLetter(text[p + 1]))))
            {
                p++;
            }

            if (p > s)
            {
                yield return (s, p);
            }
        }
    }
}

using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// Read-only helpers over a tagged document: normalised word keys, sentence and paragraph of each token,
/// possessive markers. Tolerant of tokenizers that split <c>Mr.</c> or <c>Putin’s</c> into several tokens.
/// </summary>
internal sealed class DocumentView
{
    private readonly string[] _keys;
    private readonly int[] _sentence;
    private readonly int[] _paragraph;
    private readonly bool[] _quoted;

    public DocumentView(TaggedText tagged)
    {
        Tagged = tagged;
        var tokens = tagged.Analysis.Tokens;
        Count = tokens.Length;
        _keys = new string[Count];
        _sentence = new int[Count];
        _paragraph = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            _keys[i] = MakeKey(tagged.Analysis.TokenText(i));
        }

        // Tokens outside every sentence (should not happen) keep the previous sentence's index.
        var sentences = tagged.Analysis.Sentences;
        int s = 0;
        for (int i = 0; i < Count; i++)
        {
            while (s + 1 < sentences.Length && sentences[s].EndToken <= i)
            {
                s++;
            }

            _sentence[i] = s;
            _paragraph[i] = sentences.Length > 0 ? sentences[s].Paragraph : 0;
        }

        _quoted = MarkQuoted(tagged, _paragraph);
    }

    public TaggedText Tagged { get; }

    public string Text => Tagged.Text;

    public int Count { get; }

    public int Start(int i) => Tagged.Analysis.Tokens[i].Start;

    public int End(int i) => Tagged.Analysis.Tokens[i].End;

    /// <summary>The token's characters.</summary>
    public string Word(int i) => Tagged.Analysis.TokenText(i).ToString();

    /// <summary>Lower case, curly apostrophe made straight, final period and <c>'s</c> removed.</summary>
    public string Key(int i) => _keys[i];

    public PosTag Pos(int i) => i < Tagged.Pos.Length ? Tagged.Pos[i] : PosTag.None;

    public EntityType EntityTypeAt(int i) => i < Tagged.EntityTags.Length ? Tagged.EntityTags[i].Type : EntityType.None;

    public int SentenceOf(int i) => _sentence[i];

    public int ParagraphOf(int i) => _paragraph[i];

    /// <summary>Whether the token is inside quotation marks (people named in a quote are rarely its speaker).</summary>
    public bool IsQuoted(int i) => _quoted[i];

    public bool IsCapitalized(int i)
    {
        var w = Tagged.Analysis.TokenText(i);
        return w.Length > 0 && char.IsUpper(w[0]);
    }

    public bool IsWord(int i)
    {
        var w = Tagged.Analysis.TokenText(i);
        return w.Length > 0 && char.IsLetter(w[0]);
    }

    /// <summary>A period glued to the word before it (<c>Mr</c> + <c>.</c>, <c>U</c> + <c>.</c>): part of an abbreviation, not punctuation.</summary>
    public bool IsAttachedPeriod(int i) =>
        i > 0 && Tagged.Analysis.TokenText(i) is "." && End(i - 1) == Start(i) && IsWord(i - 1) && _keys[i - 1].Length <= 4;

    /// <summary>Number of tokens of a possessive marker right after token <paramref name="last"/> (0 if none); -1 when the token itself ends in <c>'s</c>.</summary>
    public int PossessiveAfter(int last)
    {
        var w = Tagged.Analysis.TokenText(last);
        if (w.Length > 2 && (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)))
        {
            return -1;
        }

        int n = last + 1;
        if (n >= Count || Start(n) != End(last))
        {
            return 0;
        }

        var next = Tagged.Analysis.TokenText(n);
        if (next is "'s" or "’s" or "'S" or "’S")
        {
            return 1;
        }

        if (next is "'" or "’")
        {
            return n + 1 < Count && Start(n + 1) == End(n) && Tagged.Analysis.TokenText(n + 1) is "s" or "S" ? 2 : 1;
        }

        return 0;
    }

    public bool IsPossessive(int last) => PossessiveAfter(last) != 0;

    /// <summary>Index of the first token that ends after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        var tokens = Tagged.Analysis.Tokens;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Marks tokens between an opening and a closing double quotation mark. Curly marks say which side they are;
    /// straight ones toggle. An unclosed quote ends with its paragraph, as in news style.
    /// </summary>
    private static bool[] MarkQuoted(TaggedText tagged, int[] paragraphs)
    {
        var quoted = new bool[paragraphs.Length];
        bool open = false;
        for (int i = 0; i < quoted.Length; i++)
        {
            if (i > 0 && paragraphs[i] != paragraphs[i - 1])
            {
                open = false;
            }

            var w = tagged.Analysis.TokenText(i);
            if (w is "“" or "``" or "«")
            {
                open = true;
            }
            else if (w is "”" or "''" or "»")
            {
                open = false;
            }
            else if (w is "\"")
            {
                open = !open;
            }
            else
            {
                quoted[i] = open;
            }
        }

        return quoted;
    }

    private static string MakeKey(ReadOnlySpan<char> word)
    {
        var key = word.ToString().ToLowerInvariant().Replace('’', '\'');
        if (key.Length > 2 && key.EndsWith("'s", StringComparison.Ordinal))
        {
            key = key[..^2];
        }

        if (key.Length > 1 && key[^1] == '.')
        {
            key = key[..^1];
        }

        return key;
    }
}

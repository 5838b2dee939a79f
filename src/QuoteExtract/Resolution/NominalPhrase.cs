using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// The parts of a nominal speaker (<c>the former secretary of state</c>, <c>Putin’s foreign policy adviser</c>,
/// <c>some analysts</c>): determiner, head, the modifiers before the head, and whether a possessor precedes it.
/// A value over token indices, because the resolver parses a phrase at every <c>the</c> of the text.
/// </summary>
internal readonly struct NominalPhrase
{
    private readonly DocumentView _doc;
    private readonly int _determiner;
    private readonly int _before;
    private readonly int _after;
    private readonly int _end;

    private NominalPhrase(DocumentView doc, int determiner, int before, int head, int after, int end)
    {
        _doc = doc;
        _determiner = determiner;
        _before = before;
        HeadToken = head;
        _after = after;
        _end = end;
    }

    /// <summary>Index of the head token, or -1 when there is none.</summary>
    public int HeadToken { get; }

    /// <summary>Lower-case determiner or quantifier, or empty.</summary>
    public ReadOnlySpan<char> Determiner => _determiner >= 0 ? _doc.Key(_determiner) : default;

    /// <summary>Head key (lower case), or empty.</summary>
    public ReadOnlySpan<char> Head => HeadToken >= 0 ? _doc.Key(HeadToken) : default;

    public bool IsIndefinite => Lexicon.Indefinites.Contains(Determiner);

    public bool IsDefinite => Lexicon.Definites.Contains(Determiner);

    public bool IsPlural => Head.Length > 0 && Lexicon.IsPlural(Head);

    /// <summary>The first token that may be a modifier; scan from here to <see cref="ModifierEnd"/> with <see cref="IsModifier"/>.</summary>
    public int ModifierStart => HeadToken >= 0 ? _before : _after;

    /// <summary>One past the last token that may be a modifier.</summary>
    public int ModifierEnd => _end;

    /// <summary>
    /// Whether token <paramref name="t"/> is a modifier: a word between determiner (or possessor) and head, or a word
    /// other than a function word after the head up to the end of the span. In token order they are the modifiers in order.
    /// </summary>
    public bool IsModifier(int t) =>
        t >= _before && t < HeadToken ? _doc.IsWord(t)
        : t >= _after && t < _end && _doc.IsWord(t) && !Lexicon.Stopwords.Contains(_doc.Key(t));

    /// <summary>Whether <paramref name="key"/> is a capitalised modifier (a nationality, an organisation) before the head.</summary>
    public bool IsCapitalizedModifier(ReadOnlySpan<char> key)
    {
        for (int t = _before; t < HeadToken; t++)
        {
            if (_doc.IsWord(t) && _doc.IsCapitalized(t) && key.SequenceEqual(_doc.Key(t)))
            {
                return true;
            }
        }

        return false;
    }

    public static NominalPhrase Parse(DocumentView doc, int first, int end)
    {
        while (first < end && !doc.IsWord(first))
        {
            first++;
        }

        int determiner = -1;
        if (first < end && (Lexicon.Indefinites.Contains(doc.Key(first)) || Lexicon.Definites.Contains(doc.Key(first))))
        {
            determiner = first;
            first++;
        }

        // Between two accepted words there are only attached periods (any other non-word ends the phrase unless the
        // earlier word is a possessor), so the words before the head are the words from the first one accepted after
        // the last possessor up to the head.
        int head = -1;
        int before = -1;
        int i = first;
        for (; i < end; i++)
        {
            if (doc.IsAttachedPeriod(i))
            {
                continue;
            }

            if (!doc.IsWord(i))
            {
                if (head >= 0 && doc.IsPossessive(head))
                {
                    // "Putin ’s adviser": what came before is the possessor, not the head.
                    continue;
                }

                break;
            }

            var key = doc.Key(i);
            if (Lexicon.PhraseBreakers.Contains(key) || doc.Pos(i) is PosTag.VBD or PosTag.VBZ or PosTag.VBP or PosTag.MD)
            {
                break;
            }

            if (key is "s" && head >= 0 && doc.IsPossessive(head))
            {
                continue;
            }

            if (head < 0 || doc.IsPossessive(head))
            {
                before = i;
            }

            head = i;
        }

        return new NominalPhrase(doc, determiner, before, head, i, end);
    }
}

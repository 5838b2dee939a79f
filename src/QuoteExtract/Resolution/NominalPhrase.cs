using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// The parts of a nominal speaker (<c>the former secretary of state</c>, <c>Putin’s foreign policy adviser</c>,
/// <c>some analysts</c>): determiner, head, the modifiers before the head, and whether a possessor precedes it.
/// </summary>
/// <param name="Determiner">Lower-case determiner or quantifier, or empty.</param>
/// <param name="HeadToken">Index of the head token, or -1 when there is none.</param>
/// <param name="Head">Head key (lower case), or empty.</param>
/// <param name="Modifiers">Keys of the words between determiner/possessor and head, plus words after the head up to the end of the span.</param>
/// <param name="CapitalizedModifiers">Capitalised modifiers (nationalities, organisations) before the head.</param>
internal sealed record NominalPhrase(string Determiner, int HeadToken, string Head, IReadOnlyList<string> Modifiers, IReadOnlyList<string> CapitalizedModifiers)
{
    public bool IsIndefinite => Lexicon.Indefinites.Contains(Determiner);

    public bool IsDefinite => Lexicon.Definites.Contains(Determiner);

    public bool IsPlural => Head.Length > 0 && Lexicon.IsPlural(Head);

    public static NominalPhrase Parse(DocumentView doc, int first, int end)
    {
        while (first < end && !doc.IsWord(first))
        {
            first++;
        }

        string determiner = "";
        if (first < end && (Lexicon.Indefinites.Contains(doc.Key(first)) || Lexicon.Definites.Contains(doc.Key(first))))
        {
            determiner = doc.Key(first);
            first++;
        }

        int head = -1;
        var before = new List<string>();
        var capitalized = new List<string>();
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

            if (key == "s" && head >= 0 && doc.IsPossessive(head))
            {
                continue;
            }

            if (head >= 0)
            {
                if (doc.IsPossessive(head))
                {
                    before.Clear();
                    capitalized.Clear();
                }
                else
                {
                    before.Add(doc.Key(head));
                    if (doc.IsCapitalized(head))
                    {
                        capitalized.Add(doc.Key(head));
                    }
                }
            }

            head = i;
        }

        var modifiers = new List<string>(before);
        for (; i < end; i++)
        {
            if (doc.IsWord(i) && !Lexicon.Stopwords.Contains(doc.Key(i)))
            {
                modifiers.Add(doc.Key(i));
            }
        }

        return new NominalPhrase(determiner, head, head >= 0 ? doc.Key(head) : "", modifiers, capitalized);
    }
}

using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// Second readings of a candidate's speaker where the grammar's leftmost match often takes the wrong noun phrase;
/// each becomes a variant candidate (<see cref="Candidate.SpeakerChoice"/>) and the scorer weighs the two.
/// </summary>
internal static class SpeakerReadings
{
    /// <summary>
    /// A second reading of the speaker, which the scorer weighs against the match's own:
    /// <list type="bullet">
    /// <item><c>The crowd cheered when Trump spotted a sign and asked …</c>: rules that let a stretch of words separate
    /// the speaker from a coordinated or participle cue take the sentence's first noun phrase, but the cue usually
    /// shares the subject of the nearest finite verb before it ("first" against "nearest").</item>
    /// <item><c>Sen. Reyes on Wednesday said …</c>, <c>Cruz and Paul have both said …</c>: a speaker governed by a
    /// preposition, or a floating quantifier, stands for the subject before it ("inner" against "outer").</item>
    /// <item><c>On Wednesday, however, the director, James Comey, said …</c>: a fronted time or place taken for the
    /// speaker stands for the subject between the commas ("fronted" against "clause").</item>
    /// <item><c>Mr. Trump issued a statement Tuesday saying …</c>: the object of a finite verb right before a participle
    /// cue stands for that verb's subject ("object" against "subject").</item>
    /// </list>
    /// </summary>
    public static void Add(TaggedText text, List<Candidate> candidates)
    {
        int count = candidates.Count;
        for (int i = 0; i < count; i++)
        {
            var c = candidates[i];
            if (c.Speaker.IsNone || c.Cue.Start < c.Speaker.End)
            {
                continue;
            }

            TokenRange subject;
            string own, other;
            if (c.Rule is "speaker_and_cue" or "subject_then_participle" && c.Cue.Start > c.Speaker.End)
            {
                if (NearestSubject(text, c.Speaker.End, c.Cue.Start) is not { } nearest || nearest.Start == c.Speaker.Start)
                {
                    continue;
                }

                (subject, own, other) = (nearest, "first", "nearest");
            }
            else if (OuterSubject(text, c.Speaker) is { } outer)
            {
                (subject, own, other) = (outer, "inner", "outer");
            }
            else if (c.Cue.Start > c.Speaker.End + 1 && text.Analysis.TokenText(c.Speaker.End) is "," && IsAdverbial(text, c.Speaker)
                && (NearestSubject(text, c.Speaker.End, c.Cue.Start) ?? LastAppositive(text, c.Speaker.End, c.Cue.Start)) is { } clauseSubject)
            {
                (subject, own, other) = (clauseSubject, "fronted", "clause");
            }
            else if (c.Cue.Start == c.Speaker.End && ObjectBeforeParticiple(text, c) is { } verbSubject)
            {
                (subject, own, other) = (verbSubject, "object", "subject");
            }
            else
            {
                continue;
            }

            c.SpeakerChoice = own;
            var reading = c.Variant();
            reading.Speaker = subject;
            reading.SpeakerChoice = other;
            candidates.Add(reading);
        }
    }

    /// <summary>
    /// <c>Sen. Ann Reyes on Wednesday morning said …</c>, <c>Cruz, Rubio and Paul have all said …</c>: a speaker that a
    /// preposition governs, or a floating quantifier, stands for the noun phrase before it (past adverbs, auxiliaries and
    /// a parenthesis), if there is one.
    /// </summary>
    private static TokenRange? OuterSubject(TaggedText text, TokenRange speaker)
    {
        var analysis = text.Analysis;
        var pos = text.Pos;
        int t = speaker.Start - 1;
        bool quantifier = speaker.Length == 1 && analysis.TokenText(speaker.Start) is "all" or "both" or "each";
        if (t < 1 || !(quantifier || (pos[t] is PosTag.IN && analysis.TokenText(t) is not ("that" or "because" or "if" or "as" or "while" or "when" or "although" or "since"))))
        {
            return null;
        }

        if (!quantifier)
        {
            t--;
        }

        // Adverbs, auxiliaries and one parenthesis between the subject and what follows it.
        while (t > 0 && (pos[t] is PosTag.RB or PosTag.RBR or PosTag.MD || (quantifier && analysis.TokenText(t) is "have" or "has" or "had" or "are" or "were" or "will" or "would")))
        {
            t--;
        }

        if (analysis.TokenText(t) is ")")
        {
            t = BeforeParenthesis(analysis, t, 0, 13);
        }

        int end = t + 1;
        int start = NounPhraseStart(text, end, 0, pronouns: quantifier, lists: quantifier);
        return start < end && IsHead(pos[end - 1]) ? new TokenRange(start, end) : null;
    }

    /// <summary>
    /// <c>On Wednesday, however, the director, James Comey, said …</c>, <c>At a rally in Portsmouth, N.H., on Tuesday,
    /// Sen. Reyes endorsed Clinton, saying …</c>: a speaker that is a time, a place or the end of a prepositional phrase
    /// opens the sentence; the commas after it hold the clause's real subject.
    /// </summary>
    private static bool IsAdverbial(TaggedText text, TokenRange speaker)
    {
        var analysis = text.Analysis;
        bool place = true;
        for (int t = speaker.Start; t < speaker.End; t++)
        {
            place &= text.EntityTags[t].Type == EntityType.Location;
        }

        // "in Berea, OH": a place after a place that a preposition governs.
        int before = speaker.Start - 1;
        if (before > 0 && analysis.TokenText(before) is ",")
        {
            before = NounPhraseStart(text, before, 0, pronouns: false, lists: false) - 1;
        }

        return place || AttributionFeatures.IsTemporalPhrase(text, speaker) || (before >= 0 && text.Pos[before] is PosTag.IN or PosTag.TO);
    }

    /// <summary>
    /// The noun phrase that ends the stretch [<paramref name="from"/>, <paramref name="to"/>) before its final comma,
    /// past a parenthesis: <c>…, Gov. John Kasich (R-Ohio), said</c>.
    /// </summary>
    private static TokenRange? LastAppositive(TaggedText text, int from, int to)
    {
        var analysis = text.Analysis;
        int t = to - 1;
        if (t <= from || analysis.TokenText(t) is not ",")
        {
            return null;
        }

        t--;
        if (analysis.TokenText(t) is ")")
        {
            t = BeforeParenthesis(analysis, t, from + 1, int.MaxValue);
        }

        int end = t + 1;
        int start = NounPhraseStart(text, end, from + 1, pronouns: true, lists: false);
        return start < end && start > from + 1 && analysis.TokenText(start - 1) is "," && IsHead(text.Pos[end - 1]) ? new TokenRange(start, end) : null;
    }

    /// <summary>
    /// <c>Mr. Trump issued a statement Tuesday saying …</c>, <c>His office put out a statement saying …</c>: a noun phrase
    /// (or prepositional phrase) right after a finite verb and right before a participle cue is that verb's object; the
    /// participle usually shares the verb's subject, which this returns.
    /// </summary>
    private static TokenRange? ObjectBeforeParticiple(TaggedText text, Candidate c)
    {
        var pos = text.Pos;
        int cue = c.Cue.Start;
        while (cue < c.Cue.End && pos[cue] is PosTag.RB)
        {
            cue++;
        }

        if (cue >= c.Cue.End || pos[cue] is not PosTag.VBG)
        {
            return null;
        }

        // Back from the speaker over the object's words (and particles: "put out") to the finite verb.
        int t = c.Speaker.Start - 1, limit = Math.Max(0, c.Speaker.Start - 8);
        while (t > limit && pos[t] is PosTag.DT or PosTag.JJ or PosTag.NN or PosTag.NNS or PosTag.NNP or PosTag.NNPS or PosTag.PRP_S
            or PosTag.CD or PosTag.POS or PosTag.IN or PosTag.TO or PosTag.RP)
        {
            t--;
        }

        if (t < 1 || pos[t] is not (PosTag.VBD or PosTag.VBZ or PosTag.VBP) || text.Analysis.IsInQuotation(t))
        {
            return null;
        }

        int sentence = AttributionExtractor.SentenceOf(text.Analysis, t);
        return NearestSubject(text, text.Analysis.Sentences[sentence].FirstToken, t + 1);
    }

    /// <summary>
    /// The token before the parenthesis that closes at <paramref name="close"/>, its opening bracket looked for back to
    /// <paramref name="limit"/> among at most <paramref name="maxTokens"/> tokens; −1 when there is none.
    /// </summary>
    private static int BeforeParenthesis(AnalyzedText analysis, int close, int limit, int maxTokens)
    {
        for (int open = close; open >= limit && close - open < maxTokens; open--)
        {
            if (analysis.TokenText(open) is "(")
            {
                return open - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The subject of the last finite verb in [<paramref name="from"/>, <paramref name="to"/>) outside quotations: the
    /// noun phrase or pronoun right before it (adverbs and auxiliaries between), unless a preposition governs it.
    /// </summary>
    private static TokenRange? NearestSubject(TaggedText text, int from, int to)
    {
        var analysis = text.Analysis;
        var pos = text.Pos;
        int verb = -1;
        for (int t = to - 1; t > from && verb < 0; t--)
        {
            if (pos[t] is PosTag.VBD or PosTag.VBZ or PosTag.VBP or PosTag.MD && !analysis.IsInQuotation(t))
            {
                verb = t;
            }
        }

        if (verb < 0)
        {
            return null;
        }

        // Auxiliaries and adverbs between the subject and its verb ("Trump has also said").
        int end = verb;
        while (end > from && pos[end - 1] is PosTag.RB or PosTag.MD or PosTag.VBD or PosTag.VBZ or PosTag.VBP)
        {
            end--;
        }

        int start = NounPhraseStart(text, end, from, pronouns: true, lists: false);

        // A noun or pronoun must head it, and a preposition before it makes it an object ("in the crowd").
        if (start == end || !IsHead(pos[end - 1]) || (start > 0 && pos[start - 1] is PosTag.IN or PosTag.TO))
        {
            return null;
        }

        return new TokenRange(start, end);
    }

    /// <summary>
    /// The first token of the noun phrase that ends before <paramref name="end"/>, walking back no further than
    /// <paramref name="limit"/>: determiners, adjectives, numbers, possessives and nouns, with <paramref name="pronouns"/>
    /// personal pronouns too, and with <paramref name="lists"/> the commas and "and" of a list of names (not at its start).
    /// </summary>
    private static int NounPhraseStart(TaggedText text, int end, int limit, bool pronouns, bool lists)
    {
        var pos = text.Pos;
        int start = end;
        while (start > limit && (pos[start - 1] is PosTag.NN or PosTag.NNS or PosTag.NNP or PosTag.NNPS or PosTag.DT or PosTag.JJ or PosTag.POS or PosTag.CD or PosTag.PRP_S
            || (pronouns && pos[start - 1] is PosTag.PRP) || (lists && text.Analysis.TokenText(start - 1) is "," or "and")))
        {
            start--;
        }

        while (lists && start < end && text.Analysis.TokenText(start) is "," or "and")
        {
            start++;
        }

        return start;
    }

    /// <summary>Whether a noun phrase may end with a token of this tag: a noun or a personal pronoun.</summary>
    private static bool IsHead(PosTag tag) => tag is PosTag.NN or PosTag.NNS or PosTag.NNP or PosTag.NNPS or PosTag.PRP;
}

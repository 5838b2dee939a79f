using System.Buffers;
using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// Turns the recognizer's entity mentions into name mentions: titles and honorifics cut off the front and
/// recorded as roles, possessive markers cut off the end, roles from appositives and copulas attached.
/// Also finds honorific + capitalised word (<c>Mr. Berg</c>) that the recognizer missed.
/// </summary>
internal static class NameMentionFinder
{
    // Build's roles are read into this list and copied out only when there are any (most names have none).
    [ThreadStatic]
    private static List<string>? t_roles;

    public static List<NameMention> Find(DocumentView doc, CancellationToken ct)
    {
        // Sized for the recognizer's names, most of which become mentions, instead of growing through copies.
        var entities = doc.Tagged.Entities;
        var result = new List<NameMention>(entities.Count + 4);

        // Flags rented for this call: covered per token, person-name words per key id (a word's flag covers all its occurrences).
        var covered = ArrayPool<bool>.Shared.Rent(doc.Count);
        var personWords = ArrayPool<bool>.Shared.Rent(doc.Count);
        try
        {
            Array.Clear(covered, 0, doc.Count);
            MarkPersonNameWords(doc, personWords);
            var runs = new List<(int Start, int End)>();
            var rolePhrase = new List<string>();
            for (int e = 0; e < entities.Count; e++)
            {
                var entity = entities[e];
                ct.ThrowIfCancellationRequested();
                var kind = entity.Type switch
                {
                    EntityType.Person => EntityKind.Person,
                    EntityType.Organization => EntityKind.Organization,
                    EntityType.Location => EntityKind.Location,
                    _ => (EntityKind?)null,
                };
                int first = entity.FirstToken, end = Math.Min(entity.FirstToken + entity.TokenCount, doc.Count);
                if (end - first == 1 && kind != EntityKind.Person && Lexicon.GroupNames.Contains(doc.Key(first)))
                {
                    // A named group (the West, Democrats), whatever class the recognizer gave it.
                    kind = EntityKind.Group;
                }
                else if (kind is null)
                {
                    // Misc covers nationalities and events: not speakers.
                    continue;
                }
                else if (kind == EntityKind.Organization && IsPersonalName(doc, first, end, personWords, rolePhrase))
                {
                    kind = EntityKind.Person;
                }

                if (IsHeadline(doc, first, end))
                {
                    // A title-case headline the recognizer tagged as one name ("Howard Dean Tells Democratic
                    // Convention"): as an entity it would collect every person and nominal it contains.
                    for (int t = first; t < end; t++)
                    {
                        covered[t] = true;
                    }

                    continue;
                }

                if (kind == EntityKind.Person && end - first == 1 && MissedFirstName(doc, first))
                {
                    first--;
                }

                runs.Clear();
                if (kind == EntityKind.Person)
                {
                    NameRuns(doc, first, end, runs);
                }
                else
                {
                    runs.Add((first, end));
                }

                foreach (var (runStart, runEnd) in runs)
                {
                    var mention = Build(doc, runStart, runEnd, kind.Value);
                    if (mention is not null)
                    {
                        result.Add(mention);
                    }
                }

                for (int t = first; t < end; t++)
                {
                    covered[t] = true;
                }
            }

            AddHonorificNames(doc, covered, result);
            AddPartialNames(doc, covered, result);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(covered);
            ArrayPool<bool>.Shared.Return(personWords);
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>Four words or more with a finite verb among them: a sentence, not a name.</summary>
    private static bool IsHeadline(DocumentView doc, int first, int end)
    {
        if (end - first < 4)
        {
            return false;
        }

        for (int t = first; t < end; t++)
        {
            if (doc.Pos(t) is PosTag.VBZ or PosTag.VBD or PosTag.VBP or PosTag.MD)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits a person span at common nouns and verbs: recognizers glue title-case headlines into one name
    /// (<c>Chris Christie Calls Hillary Clinton</c>). Short lower-case particles (de, van, bin) stay in names, and so do
    /// capitalised words tagged as common nouns that the document never writes in lower case (<c>Xi Jinping</c>).
    /// </summary>
    private static void NameRuns(DocumentView doc, int first, int end, List<(int Start, int End)> runs)
    {
        int start = first;
        for (int t = first; t <= end; t++)
        {
            bool unknownNoun = t < end && doc.Pos(t) == PosTag.NN && doc.IsCapitalized(t) && !doc.IsWrittenInLowerCase(t);
            bool breaks = t == end || (!unknownNoun && doc.Pos(t) is PosTag.NN or PosTag.NNS or PosTag.VB or PosTag.VBD or PosTag.VBZ or PosTag.VBP
                or PosTag.VBG or PosTag.VBN or PosTag.CC && doc.IsWord(t) && !(doc.Key(t).Length <= 3 && !doc.IsCapitalized(t)));
            if (breaks)
            {
                if (t > start)
                {
                    runs.Add((start, t));
                }

                start = t + 1;
            }
        }
    }

    /// <summary>The name mention of tokens [first, end) once titles and possessive markers are cut off; null if nothing is left.</summary>
    /// <param name="doc">The document.</param>
    /// <param name="first">First token.</param>
    /// <param name="end">One past the last token.</param>
    /// <param name="kind">What the name names.</param>
    internal static NameMention? Build(DocumentView doc, int first, int end, EntityKind kind)
    {
        var roles = t_roles ??= [];
        roles.Clear();
        var gender = Gender.Unknown;
        int spanStart = doc.Start(first);

        // Titles inside the recognized span (some recognizers include "President" or "Mr.").
        while (first < end && (IsTitle(doc, first) || doc.IsAttachedPeriod(first) || (kind != EntityKind.Person && doc.Key(first) is "the")))
        {
            var key = doc.Key(first);
            if (Lexicon.Honorifics.TryGetValue(key, out var g) && g != Gender.Unknown)
            {
                gender = g;
            }
            else if (Lexicon.Roles.Contains(key))
            {
                roles.Add(doc.KeyString(first));
            }

            first++;
        }

        // Possessive marker at the end ("Putin" + "’s").
        while (end > first && !doc.IsWord(end - 1))
        {
            end--;
        }

        if (end <= first)
        {
            return null;
        }

        int possessive = doc.PossessiveAfter(end - 1);
        var keys = doc.NameKeys(first, end);

        int startOffset = doc.Start(first);
        int endOffset = doc.End(end - 1);
        if (possessive == -1)
        {
            // The token carries its own "'s": the name ends two characters earlier.
            endOffset -= 2;
        }

        if (kind == EntityKind.Person)
        {
            int titleStart = roles.Count;
            var titleGender = TitleChain.Before(doc, first, 0, roles);
            for (int r = titleStart; r < roles.Count; r++)
            {
                if (Lexicon.GenderedRoles.TryGetValue(roles[r], out var rg))
                {
                    gender = rg;
                }
            }

            gender = titleGender != Gender.Unknown ? titleGender : gender;
            if (possessive == 0)
            {
                RolePhrase.After(doc, end, roles);
            }
        }

        if (kind == EntityKind.Person)
        {
            spanStart = startOffset;
        }
        else if (first > 0 && doc.Key(first - 1) is "the" && spanStart == startOffset)
        {
            // "the West", "the Post" outside the recognized span: the article belongs to the mention.
            spanStart = doc.Start(first - 1);
        }

        return new NameMention(first, end, startOffset, endOffset, kind, keys, possessive != 0, roles.Count == 0 ? [] : roles.ToArray(), gender, spanStart);
    }

    /// <summary>
    /// Whether an organisation span is really a person's name the recognizer mistyped (<c>Yuri Ushakov</c> as an
    /// organisation): two or three capitalised proper nouns (not all capitals), none a word of organisations and
    /// none written in lower case elsewhere in the document (<c>Stop Trump</c>), and person evidence — its last word
    /// is a one-word person name elsewhere in the text (<c>Ushakov</c> tagged as a person later), a title stands
    /// right before it (<c>adviser Yuri Ushakov</c>), or an appositive or copula gives it a person's role
    /// (<c>Yuri Ushakov is Putin’s foreign policy adviser</c>).
    /// </summary>
    /// <param name="doc">The document.</param>
    /// <param name="first">First token of the span.</param>
    /// <param name="end">One past its last token.</param>
    /// <param name="personWords">Per key id: a one-word person name of the recognizer (see <see cref="MarkPersonNameWords"/>).</param>
    /// <param name="roles">A list to read the role phrase into (cleared first).</param>
    internal static bool IsPersonalName(DocumentView doc, int first, int end, bool[] personWords, List<string> roles)
    {
        int count = end - first;
        if (count is < 2 or > 3 || (first > 0 && doc.Key(first - 1) is "the"))
        {
            return false;
        }

        for (int t = first; t < end; t++)
        {
            var key = doc.Key(t);
            if (!doc.IsWord(t) || !doc.IsCapitalized(t) || doc.Pos(t) is not (PosTag.NNP or PosTag.None) || key.Length < 2
                || !AllLetters(key) || AllUpper(doc.Word(t)) || doc.IsWrittenInLowerCase(t) || Lexicon.SentenceOpeners.Contains(key)
                || Lexicon.Calendar.Contains(key) || key.EndsWith("ing", StringComparison.Ordinal) || Lexicon.OrganizationHeads.Contains(key) || Lexicon.OrganizationWords.Contains(key)
                || Lexicon.Roles.Contains(key) || Lexicon.GroupNames.Contains(key) || Lexicon.Honorifics.ContainsKey(key))
            {
                return false;
            }
        }

        if (personWords[doc.KeyId(end - 1)])
        {
            return true;
        }

        if (first > 0 && doc.IsWord(first - 1) && (Lexicon.Roles.Contains(doc.Key(first - 1)) || Lexicon.Honorifics.ContainsKey(doc.Key(first - 1)))
            && doc.SentenceOf(first - 1) == doc.SentenceOf(first))
        {
            return true;
        }

        if (doc.PossessiveAfter(end - 1) != 0)
        {
            return false;
        }

        // The head of the role phrase must be a person's role (an adviser, not a company).
        roles.Clear();
        RolePhrase.After(doc, end, roles);
        bool personRole = false;
        foreach (var role in roles)
        {
            if (Lexicon.OrganizationHeads.Contains(role))
            {
                return false;
            }
        }

        foreach (var role in roles)
        {
            if (Lexicon.PhraseBreakers.Contains(role))
            {
                break;
            }

            personRole |= Lexicon.Roles.Contains(role);
        }

        return personRole;
    }

    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the capitalised word right before a one-word person name is its given name that the taggers took
    /// for another word (<c>Vasily Kashin</c> with <c>Vasily</c> tagged as an adverb): a capitalised word of no
    /// entity that opens the name run, is no title, role or function word, and is never written in lower case in
    /// the document (<c>Meanwhile Kashin</c>, <c>Then Kashin</c> are not names).
    /// </summary>
    private static bool MissedFirstName(DocumentView doc, int name)
    {
        int p = name - 1;
        if (p < 0 || doc.SentenceOf(p) != doc.SentenceOf(name) || !doc.IsWord(p) || !doc.IsCapitalized(p) || doc.IsAttachedPeriod(p)
            || doc.EntityTypeAt(p) != EntityType.None || doc.IsPossessive(p) || doc.End(p) >= doc.Start(name))
        {
            return false;
        }

        var key = doc.Key(p);
        var word = doc.Word(p);
        if (key.Length < 2 || !AllLetters(word) || AllUpper(word) || IsTitle(doc, p) || Lexicon.Roles.Contains(key)
            || Lexicon.RoleModifiers.Contains(key) || Lexicon.Stopwords.Contains(key) || Lexicon.Pronouns.ContainsKey(key)
            || Lexicon.GroupNames.Contains(key) || Lexicon.OrganizationHeads.Contains(key) || Lexicon.OrganizationWords.Contains(key)
            || Lexicon.SentenceOpeners.Contains(key) || Lexicon.Indefinites.Contains(key) || Lexicon.Definites.Contains(key)
            || Lexicon.Roles.Contains(Lexicon.Singular(key))
            || doc.Pos(p) is not (PosTag.NNP or PosTag.NN or PosTag.RB or PosTag.JJ or PosTag.FW or PosTag.None))
        {
            return false;
        }

        // The given name opens the run of capitalised words (not a title-case headline).
        if (p > 0 && doc.SentenceOf(p - 1) == doc.SentenceOf(p) && doc.IsWord(p - 1) && doc.IsCapitalized(p - 1))
        {
            return false;
        }

        return !doc.IsWrittenInLowerCase(p);
    }

    /// <summary>
    /// Marks, by key id, the recognizer's one-word person names (a surname used alone), for recognising a mistyped
    /// full name. <paramref name="words"/> holds at least <see cref="DocumentView.Count"/> flags; all are written.
    /// </summary>
    private static void MarkPersonNameWords(DocumentView doc, bool[] words)
    {
        Array.Clear(words, 0, doc.Count);
        var entities = doc.Tagged.Entities;
        for (int e = 0; e < entities.Count; e++)
        {
            var entity = entities[e];
            if (entity.Type != EntityType.Person || entity.TokenCount != 1)
            {
                continue;
            }

            for (int t = entity.FirstToken; t < Math.Min(entity.FirstToken + entity.TokenCount, doc.Count); t++)
            {
                if (doc.IsWord(t) && doc.IsCapitalized(t) && !IsTitle(doc, t) && doc.Key(t).Length > 1)
                {
                    words[doc.KeyId(t)] = true;
                }
            }
        }
    }

    private static bool IsTitle(DocumentView doc, int i) =>
        doc.IsHonorific(i) || (Lexicon.Roles.Contains(doc.Key(i)) && doc.IsCapitalized(i) && doc.EntityTypeAt(i) != EntityType.Organization);

    /// <summary>
    /// Proper-noun runs the recognizer left out that repeat part of a person's name found elsewhere
    /// (<c>Trump</c> untagged after <c>Donald Trump</c>): recognizers miss repeated surnames often.
    /// </summary>
    private static void AddPartialNames(DocumentView doc, bool[] covered, List<NameMention> result)
    {
        // The names found so far (not the ones this adds).
        int known = result.Count;
        int persons = 0;
        for (int m = 0; m < known; m++)
        {
            persons += result[m].Kind == EntityKind.Person ? 1 : 0;
        }

        if (persons == 0)
        {
            return;
        }

        for (int i = 0; i < doc.Count; i++)
        {
            if (covered[i] || !IsProperNoun(doc, i))
            {
                continue;
            }

            int end = i;
            while (end < doc.Count && !covered[end] && IsProperNoun(doc, end) && end - i < 3)
            {
                end++;
            }

            WorkMeter.Add(persons);
            if (RepeatsPersonName(doc, i, end, result, known))
            {
                var mention = Build(doc, i, end, EntityKind.Person);
                if (mention is not null)
                {
                    result.Add(mention);
                }
            }

            i = end - 1;
        }
    }

    /// <summary>Whether every key of tokens [first, end) is a key of one of the first <paramref name="known"/> names that is a person's, with at least as many keys.</summary>
    private static bool RepeatsPersonName(DocumentView doc, int first, int end, List<NameMention> names, int known)
    {
        for (int m = 0; m < known; m++)
        {
            var keys = names[m].Keys;
            if (names[m].Kind != EntityKind.Person || keys.Length <= end - first - 1)
            {
                continue;
            }

            bool all = true;
            for (int t = first; all && t < end; t++)
            {
                all = KeyArrays.Contains(keys, doc.Key(t));
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    // The table lookup last: most capitalised words fail the tag test first.
    internal static bool IsProperNoun(DocumentView doc, int i) =>
        doc.IsWord(i) && doc.IsCapitalized(i) && !doc.IsHonorific(i)
        && (doc.Pos(i) is PosTag.NNP or PosTag.NNPS || (doc.Pos(i) == PosTag.None && i > 0 && doc.SentenceOf(i - 1) == doc.SentenceOf(i)))
        && !Lexicon.Roles.Contains(doc.Key(i));

    private static void AddHonorificNames(DocumentView doc, bool[] covered, List<NameMention> result)
    {
        for (int i = 0; i + 1 < doc.Count; i++)
        {
            if (!doc.IsHonorific(i) || !doc.IsCapitalized(i))
            {
                continue;
            }

            int j = i + 1;
            if (doc.IsAttachedPeriod(j))
            {
                j++;
            }

            int end = j;
            while (end < doc.Count && doc.IsWord(end) && doc.IsCapitalized(end) && !covered[end] && end - j < 3)
            {
                end++;
            }

            if (end > j && (j == end || !covered[j]))
            {
                var mention = Build(doc, j, end, EntityKind.Person);
                if (mention is not null)
                {
                    result.Add(mention);
                    for (int t = j; t < end; t++)
                    {
                        covered[t] = true;
                    }
                }
            }
        }
    }
}

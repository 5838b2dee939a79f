using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// Finds the name a speaker span is about: a recognized name that heads the span, a capitalised word that
/// repeats part of a known person's name, or an untagged proper noun.
/// </summary>
internal static class SpeakerNames
{
    /// <summary>
    /// The name the speaker span is about: not a possessor (<c>Putin’s adviser</c>), not a premodifier
    /// (<c>Clinton campaign spokesman Brian Fallon</c>), not inside a prepositional phrase (<c>a spokesman for Clinton</c>).
    /// </summary>
    /// <returns>The name's index in <paramref name="names"/>, or -1.</returns>
    public static int HeadName(DocumentView doc, NameIndex names, SpeakerMention speaker)
    {
        // Both tests below need the name to meet the speaker span, so only the names around it are looked at.
        int first = -1;
        var around = names.Around(speaker.Start, speaker.End);
        foreach (int index in around)
        {
            var name = names[index];
            if (name.Start <= speaker.Start && name.End >= speaker.End)
            {
                // The speaker is (part of) a name: "Putin" inside "Vladimir Putin".
                return index;
            }
        }

        foreach (int index in around)
        {
            var name = names[index];
            if (name.Start < speaker.Start || name.End > speaker.End || name.Possessive)
            {
                continue;
            }

            if (InsideClause(doc, speaker.FirstToken, name.FirstToken))
            {
                continue;
            }

            int next = name.EndToken;
            if (next < speaker.EndToken && doc.IsWord(next) && !doc.IsCapitalized(next)
                && doc.Pos(next) is PosTag.NN or PosTag.NNS or PosTag.None && !Lexicon.PhraseBreakers.Contains(doc.Key(next))
                && !Lexicon.Stopwords.Contains(doc.Key(next)))
            {
                continue;
            }

            int before = name.FirstToken - 1;
            while (before >= speaker.FirstToken && (doc.IsAttachedPeriod(before) || (doc.IsWord(before) && doc.IsCapitalized(before))
                || Lexicon.Roles.Contains(doc.Key(before)) || (Lexicon.RoleModifiers.Contains(doc.Key(before)) && doc.Key(before) is not "of")
                || doc.Key(before) is "the" or "a" or "an"))
            {
                before--;
            }

            if (before >= speaker.FirstToken && doc.Key(before) is "for" or "of" or "at" or "from" or "with" or "to" or "by" or "in" or "on")
            {
                continue;
            }

            // A person named anywhere in the span is the speaker rather than an organisation before it
            // ("the director of the FBI, James Comey").
            if (name.Kind == EntityKind.Person)
            {
                return index;
            }

            first = first < 0 ? index : first;
        }

        return first;
    }

    /// <summary>
    /// A speaker whose head is a proper noun the recognizer did not tag (<c>Kunin said</c>): a name of a person,
    /// unless its head is a word for a group, organisation or role.
    /// </summary>
    public static NameMention? UntaggedName(DocumentView doc, SpeakerMention speaker)
    {
        var phrase = NominalPhrase.Parse(doc, speaker.FirstToken, speaker.EndToken);
        int head = phrase.HeadToken;
        if (head < 0 || !NameMentionFinder.IsProperNoun(doc, head) || doc.IsPossessive(head) || phrase.IsIndefinite
            || Lexicon.UnnamedHeads.Contains(phrase.Head) || Lexicon.OrganizationHeads.Contains(phrase.Head) || Lexicon.GroupNames.Contains(phrase.Head)
            || Lexicon.Pronouns.ContainsKey(phrase.Head))
        {
            return null;
        }

        int first = head;
        while (first > speaker.FirstToken && NameMentionFinder.IsProperNoun(doc, first - 1) && head - first < 3)
        {
            first--;
        }

        return NameMentionFinder.Build(doc, first, head + 1, EntityKind.Person);
    }

    /// <summary>
    /// A single capitalised word that is part of a person's name (<c>Day</c> for Kristen Day, <c>Small</c> for Marty
    /// Small), even when the tagger took it for a common word.
    /// </summary>
    public static EntityCluster? KnownNameWord(DocumentView doc, List<EntityCluster> clusters, SpeakerMention speaker)
    {
        int word = SpeakerResolver.SingleWord(doc, speaker);
        if (word < 0 || !doc.IsCapitalized(word) || Lexicon.Pronouns.ContainsKey(doc.Key(word)))
        {
            return null;
        }

        var key = doc.Key(word);
        EntityCluster? best = null;
        int bestSeen = -1;
        WorkMeter.Add(clusters.Count);
        foreach (var cluster in clusters)
        {
            if (cluster.Kind != EntityKind.Person || cluster.NameKeys.Length < 2 || !KeyArrays.Contains(cluster.NameKeys, key))
            {
                continue;
            }

            WorkMeter.Add(cluster.Mentions.Length);
            int seen = -1;
            foreach (var m in cluster.Mentions)
            {
                if (m.Start < speaker.Start)
                {
                    seen = Math.Max(seen, m.Start);
                }
            }

            if (seen > bestSeen)
            {
                best = cluster;
                bestSeen = seen;
            }
        }

        best?.Add(new ClusterMention(speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End, MentionForm.Name, Subject: true));
        return best;
    }

    /// <summary>A name after a relative pronoun or an example marker belongs to a modifier (<c>the alliance, which includes X</c>).</summary>
    private static bool InsideClause(DocumentView doc, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (doc.Key(t) is "which" or "who" or "whose" or "that" or "like" or "including" or "such")
            {
                return true;
            }
        }

        return false;
    }
}

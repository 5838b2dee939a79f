namespace QuoteExtract.Resolution;

/// <summary>
/// Learns gender from he/she referring back (never from first names): every he/him/his/she/her outside the
/// speaker spans votes for the clearly most salient person before it whose stated gender does not contradict
/// it; the majority of votes decides. A clear winner also gets the pronoun as a mention. Speaker pronouns are left to the speaker resolver, which also weighs the
/// previous speaker.
/// </summary>
internal static class GenderEvidence
{
    private const int Window = 2;

    // The winner must clearly beat the runner-up, or the vote is left out.
    private const double Margin = 2.5;

    /// <param name="doc">The document.</param>
    /// <param name="clusters">The entities so far.</param>
    /// <param name="speakerTokens">Per token: inside a speaker span.</param>
    /// <param name="ct">Cancellation.</param>
    public static void Collect(DocumentView doc, List<EntityCluster> clusters, bool[] speakerTokens, CancellationToken ct)
    {
        for (int i = 0; i < doc.Count; i++)
        {
            var classes = doc.ClassesOf(i);
            if (speakerTokens[i] || (classes & (KeyClasses.MalePronoun | KeyClasses.FemalePronoun)) == 0)
            {
                continue;
            }

            var kind = (classes & KeyClasses.MalePronoun) != 0 ? PronounKind.Male : PronounKind.Female;

            ct.ThrowIfCancellationRequested();
            var gender = kind == PronounKind.Male ? Gender.Male : Gender.Female;
            var top = new BestCandidate<EntityCluster>();
            // An object pronoun does not refer to a person of its own clause ("Sanders attacked her").
            bool objectPronoun = doc.Key(i) is "him" || (doc.Key(i) is "her" && doc.Pos(i) == Tagging.PosTag.PRP);
            WorkMeter.Add(clusters.Count);
            foreach (var cluster in clusters)
            {
                WorkMeter.Add(cluster.Mentions.Length);
                if (cluster.Kind != EntityKind.Person || (cluster.StatedGender != Gender.Unknown && cluster.StatedGender != gender))
                {
                    continue;
                }

                if (objectPronoun && MentionedInSentenceBefore(doc, cluster, i, namesOnly: false))
                {
                    continue;
                }

                // Only stated genders filter here: letting earlier votes steer later ones makes one wrong start snowball.
                double score = Salience.Score(doc, cluster, i, Window, default);
                top.Offer(cluster, score);
            }

            // "For her part, Suu Kyi has …": a possessive in a phrase opening the sentence refers forward to the name
            // right after the phrase's comma, not back to whoever was named before.
            if (ForwardName(doc, clusters, i) is { } forward)
            {
                if (forward.StatedGender == Gender.Unknown || forward.StatedGender == gender)
                {
                    forward.VoteGender(gender, 2);
                    forward.Add(new ClusterMention(i, i + 1, doc.Start(i), doc.End(i), MentionForm.Pronoun, Subject: false));
                }

                continue;
            }

            // The surest evidence: the only person named earlier in the pronoun's own sentence.
            var only = OnlyPersonNamedBefore(doc, clusters, i);
            if (only is not null && !objectPronoun && !SubjectPronounBefore(doc, i, kind, only)
                && (only.StatedGender == Gender.Unknown || only.StatedGender == gender))
            {
                only.VoteGender(gender, 2);
                only.Add(new ClusterMention(i, i + 1, doc.Start(i), doc.End(i), MentionForm.Pronoun, Subject: false));
            }
            else if (top.Best is { } best && top.BestScore > Margin * top.Second)
            {
                best.VoteGender(gender, 1);
                best.Add(new ClusterMention(i, i + 1, doc.Start(i), doc.End(i), MentionForm.Pronoun, Subject: false));
            }
        }
    }

    /// <summary>
    /// The person named right after the comma that closes a short phrase opening the sentence, when token
    /// <paramref name="at"/> is a possessive his/her inside that phrase (<c>For her part, Suu Kyi …</c>, <c>In his
    /// speech, Obama …</c>); otherwise null.
    /// </summary>
    private static EntityCluster? ForwardName(DocumentView doc, List<EntityCluster> clusters, int at)
    {
        if (doc.Key(at) is not ("his" or "her") || doc.Pos(at) != Tagging.PosTag.PRP_S || doc.IsQuoted(at))
        {
            return null;
        }

        int sentence = doc.SentenceOf(at);
        int first = doc.Tagged.Analysis.Sentences[sentence].FirstToken;
        if (at - first > 4)
        {
            return null;
        }

        int comma = at + 1;
        while (comma < doc.Count && comma - first <= 8 && doc.SentenceOf(comma) == sentence && doc.Key(comma) is not ",")
        {
            comma++;
        }

        if (comma + 1 >= doc.Count || doc.Key(comma) is not "," || doc.SentenceOf(comma + 1) != sentence)
        {
            return null;
        }

        foreach (var cluster in clusters)
        {
            WorkMeter.Add(cluster.Mentions.Length);
            if (cluster.Kind != EntityKind.Person)
            {
                continue;
            }

            foreach (var m in cluster.Mentions)
            {
                if (m.Form == MentionForm.Name && m.FirstToken == comma + 1)
                {
                    return cluster;
                }
            }
        }

        return null;
    }

    /// <summary>The only person named (outside quotation marks) earlier in the sentence of token <paramref name="at"/>, or null when none or several are.</summary>
    private static EntityCluster? OnlyPersonNamedBefore(DocumentView doc, List<EntityCluster> clusters, int at)
    {
        EntityCluster? only = null;
        foreach (var cluster in clusters)
        {
            if (cluster.Kind == EntityKind.Person && MentionedInSentenceBefore(doc, cluster, at, namesOnly: true))
            {
                if (only is not null)
                {
                    return null;
                }

                only = cluster;
            }
        }

        return only;
    }

    /// <summary>
    /// Whether the cluster has a mention ending by token <paramref name="at"/> in its sentence; with
    /// <paramref name="namesOnly"/>, a name outside quotation marks.
    /// </summary>
    private static bool MentionedInSentenceBefore(DocumentView doc, EntityCluster cluster, int at, bool namesOnly)
    {
        int sentence = doc.SentenceOf(at);
        foreach (var m in cluster.Mentions)
        {
            if (m.EndToken <= at && (!namesOnly || m.Form == MentionForm.Name) && doc.SentenceOf(m.FirstToken) == sentence
                && (!namesOnly || !doc.IsQuoted(m.FirstToken)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a he/she of the same gender opens the pronoun's sentence before the sentence's only name
    /// (<c>He said that Putin’s visit …, which he described as …</c>): the later pronoun more likely repeats that
    /// subject than refers to the name, so the name gets no vote from it.
    /// </summary>
    private static bool SubjectPronounBefore(DocumentView doc, int pronoun, PronounKind kind, EntityCluster named)
    {
        int sentence = doc.SentenceOf(pronoun);
        WorkMeter.Add(named.Mentions.Length + pronoun - doc.Tagged.Analysis.Sentences[sentence].FirstToken);
        int firstName = int.MaxValue;
        foreach (var m in named.Mentions)
        {
            if (m.Form == MentionForm.Name && doc.SentenceOf(m.FirstToken) == sentence)
            {
                firstName = Math.Min(firstName, m.FirstToken);
            }
        }

        firstName = firstName == int.MaxValue ? pronoun : firstName;
        for (int t = firstName - 1; t >= 0 && doc.SentenceOf(t) == sentence; t--)
        {
            if (!doc.IsQuoted(t) && doc.Key(t) is "he" or "she" && Lexicon.Pronouns[doc.Key(t)] == kind)
            {
                return true;
            }
        }

        return false;
    }
}

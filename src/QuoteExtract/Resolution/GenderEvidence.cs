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

    public static void Collect(DocumentView doc, IReadOnlyList<EntityCluster> clusters, HashSet<int> speakerTokens, CancellationToken ct)
    {
        for (int i = 0; i < doc.Count; i++)
        {
            if (speakerTokens.Contains(i) || !Lexicon.Pronouns.TryGetValue(doc.Key(i), out var kind) || kind is not (PronounKind.Male or PronounKind.Female))
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            var gender = kind == PronounKind.Male ? Gender.Male : Gender.Female;
            var top = new BestCandidate<EntityCluster>();
            // An object pronoun does not refer to a person of its own clause ("Sanders attacked her").
            bool objectPronoun = doc.Key(i) == "him" || (doc.Key(i) == "her" && doc.Pos(i) == Tagging.PosTag.PRP);
            WorkMeter.Add(clusters.Count);
            foreach (var cluster in clusters)
            {
                WorkMeter.Add(cluster.Mentions.Count);
                if (cluster.Kind != EntityKind.Person || (cluster.StatedGender != Gender.Unknown && cluster.StatedGender != gender))
                {
                    continue;
                }

                if (objectPronoun && cluster.Mentions.Any(m => m.EndToken <= i && doc.SentenceOf(m.FirstToken) == doc.SentenceOf(i)))
                {
                    continue;
                }

                // Only stated genders filter here: letting earlier votes steer later ones makes one wrong start snowball.
                double score = Salience.Score(doc, cluster, i, Window, default);
                top.Offer(cluster, score);
            }

            // The surest evidence: the only person named earlier in the pronoun's own sentence.
            var sameSentence = clusters.Where(c => c.Kind == EntityKind.Person && c.Mentions.Any(m => m.EndToken <= i
                && m.Form == MentionForm.Name && doc.SentenceOf(m.FirstToken) == doc.SentenceOf(i) && !doc.IsQuoted(m.FirstToken))).ToList();
            if (sameSentence.Count == 1 && !objectPronoun && !SubjectPronounBefore(doc, i, kind, sameSentence[0])
                && (sameSentence[0].StatedGender == Gender.Unknown || sameSentence[0].StatedGender == gender))
            {
                sameSentence[0].VoteGender(gender, 2);
                sameSentence[0].Add(new ClusterMention(i, i + 1, doc.Start(i), doc.End(i), MentionForm.Pronoun, Subject: false));
            }
            else if (top.Best is { } best && top.BestScore > Margin * top.Second)
            {
                best.VoteGender(gender, 1);
                best.Add(new ClusterMention(i, i + 1, doc.Start(i), doc.End(i), MentionForm.Pronoun, Subject: false));
            }
        }
    }

    /// <summary>
    /// Whether a he/she of the same gender opens the pronoun's sentence before the sentence's only name
    /// (<c>He said that Putin’s visit …, which he described as …</c>): the later pronoun more likely repeats that
    /// subject than refers to the name, so the name gets no vote from it.
    /// </summary>
    private static bool SubjectPronounBefore(DocumentView doc, int pronoun, PronounKind kind, EntityCluster named)
    {
        int sentence = doc.SentenceOf(pronoun);
        WorkMeter.Add(named.Mentions.Count + pronoun - doc.Tagged.Analysis.Sentences[sentence].FirstToken);
        int firstName = named.Mentions.Where(m => m.Form == MentionForm.Name && doc.SentenceOf(m.FirstToken) == sentence)
            .Select(m => m.FirstToken).DefaultIfEmpty(pronoun).Min();
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

namespace QuoteExtract.Resolution;

/// <summary>
/// Learns gender from he/she referring back (never from first names): every he/him/his/she/her outside the
/// speaker spans votes for the clearly most salient person before it whose gender does not contradict it.
/// Votes accumulate in text order, so an entity's gender settles as the text goes on; a clear winner also
/// gets the pronoun as a mention. Speaker pronouns are left to the speaker resolver, which also weighs the
/// previous speaker.
/// </summary>
internal static class GenderEvidence
{
    private const int Window = 2;

    // The winner must clearly beat the runner-up, or the vote is left out.
    private const double Margin = 1.5;

    public static void Collect(DocumentView doc, IReadOnlyList<EntityCluster> clusters, HashSet<int> speakerTokens, PreviousSpeaker none, CancellationToken ct)
    {
        for (int i = 0; i < doc.Count; i++)
        {
            if (speakerTokens.Contains(i) || !Lexicon.Pronouns.TryGetValue(doc.Key(i), out var kind) || kind is not (PronounKind.Male or PronounKind.Female))
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            var gender = kind == PronounKind.Male ? Gender.Male : Gender.Female;
            EntityCluster? best = null;
            double bestScore = 0, second = 0;
            foreach (var cluster in clusters)
            {
                if (cluster.Kind != EntityKind.Person || (cluster.StatedGender != Gender.Unknown && cluster.StatedGender != gender))
                {
                    continue;
                }

                // Earlier votes count: a person already called "she" is a weaker match for "he".
                double agreement = cluster.Gender == gender ? 1.2 : cluster.Gender == Gender.Unknown ? 1 : 0.5;
                double score = agreement * Salience.Score(doc, cluster, i, Window, none);
                if (score > bestScore)
                {
                    second = bestScore;
                    bestScore = score;
                    best = cluster;
                }
                else if (score > second)
                {
                    second = score;
                }
            }

            if (best is not null && bestScore > Margin * second)
            {
                best.VoteGender(gender);
                best.Add(new ClusterMention(i, i + 1, doc.Start(i), doc.End(i), MentionForm.Pronoun, Subject: false));
            }
        }
    }
}

namespace QuoteExtract.Resolution;

/// <summary>
/// Learns gender from he/she referring back: a he or she whose sentence (or the one before) mentions exactly
/// one compatible person is a vote for that person's gender, and a mention of it. First names are never used.
/// Speaker pronouns are left to the speaker resolver, which also weighs the previous speaker.
/// </summary>
internal static class GenderEvidence
{
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
            EntityCluster? only = null;
            bool ambiguous = false;
            int sentence = doc.SentenceOf(i);
            foreach (var cluster in clusters)
            {
                if (cluster.Kind != EntityKind.Person || (cluster.Gender != Gender.Unknown && cluster.Gender != gender))
                {
                    continue;
                }

                if (cluster.Mentions.Any(m => m.EndToken <= i && sentence - doc.SentenceOf(m.FirstToken) <= 1))
                {
                    ambiguous |= only is not null;
                    only = cluster;
                }
            }

            if (only is not null && !ambiguous)
            {
                only.VoteGender(gender);
                only.Add(new ClusterMention(i, i + 1, doc.Start(i), doc.End(i), MentionForm.Pronoun, Subject: true));
            }
        }
    }
}

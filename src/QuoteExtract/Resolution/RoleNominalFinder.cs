namespace QuoteExtract.Resolution;

/// <summary>
/// Adds definite role nominals outside the speaker spans (<c>the prime minister</c>, <c>the Russian leader</c>)
/// as mentions of the person whose introduced roles fit them. Only a fitting person gets the mention; nothing
/// new is created here, so a role nobody holds stays out of the entities.
/// </summary>
internal static class RoleNominalFinder
{
    private const int MaxPhrase = 6;

    /// <param name="doc">The document.</param>
    /// <param name="clusters">The entities so far.</param>
    /// <param name="speakerTokens">Per token: inside a speaker span.</param>
    /// <param name="ct">Cancellation.</param>
    public static void AddMentions(DocumentView doc, List<EntityCluster> clusters, bool[] speakerTokens, CancellationToken ct)
    {
        WorkMeter.Add(clusters.Count + doc.Count);
        if (!clusters.Exists(c => c.Kind == EntityKind.Person && c.Roles.Length > 0))
        {
            return;
        }

        var sentences = doc.Tagged.Analysis.Sentences;
        for (int i = 0; i < doc.Count; i++)
        {
            if (doc.Key(i) is not "the" || speakerTokens[i])
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            int sentenceEnd = sentences.Length == 0 ? doc.Count : sentences[doc.SentenceOf(i)].EndToken;
            var phrase = NominalPhrase.Parse(doc, i, Math.Min(sentenceEnd, i + MaxPhrase));
            int head = phrase.HeadToken;
            if (head < 0 || phrase.IsPlural || !Lexicon.Roles.Contains(phrase.Head) || speakerTokens[head]
                || (head + 1 < doc.Count && doc.IsWord(head + 1) && doc.IsCapitalized(head + 1)))
            {
                // "the President Obama" is a title before a name, handled with the name.
                continue;
            }

            var (cluster, _, _) = NominalResolver.BestRoleMatch(doc, clusters, phrase, i, default);
            if (cluster is not null)
            {
                bool subject = sentences.Length == 0 || sentences[doc.SentenceOf(i)].FirstToken == i;
                cluster.Add(new ClusterMention(i, head + 1, doc.Start(i), doc.End(head), MentionForm.Nominal, subject));
            }

            i = head;
        }
    }
}

using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// Finds descriptions of unnamed sources anywhere in the text (<c>some analysts</c>, <c>a source</c>,
/// <c>U.S. officials</c>) so that a later <c>they</c> can refer to them. Descriptions with the same head join
/// one group when the later one is definite or a bare plural (<c>some analysts</c> … <c>the analysts</c>).
/// </summary>
internal static class UnnamedSourceFinder
{
    public static void AddClusters(DocumentView doc, List<EntityCluster> clusters, CancellationToken ct)
    {
        for (int i = 0; i < doc.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var key = doc.Key(i);
            if ((doc.ClassesOf(i) & KeyClasses.UnnamedHead) == 0 || doc.IsCapitalized(i) && i > 0 && doc.SentenceOf(i - 1) == doc.SentenceOf(i))
            {
                continue;
            }

            // "analyst John Smith" is a title; "source code" a compound; "officials’ view" a possessor.
            int next = i + 1;
            if (next < doc.Count && doc.IsWord(next) && (doc.IsCapitalized(next) || doc.Pos(next) is PosTag.NN or PosTag.NNS))
            {
                continue;
            }

            if (doc.IsPossessive(i))
            {
                continue;
            }

            int left = i;
            while (left > 0 && IsModifier(doc, left - 1))
            {
                left--;
            }

            var phrase = NominalPhrase.Parse(doc, left, i + 1);
            bool plural = Lexicon.IsPlural(key);
            if (!phrase.IsIndefinite && !(plural && !phrase.IsDefinite))
            {
                // Definite and bare singular descriptions point back; the speaker resolver handles those.
                continue;
            }

            Attach(clusters, doc.Text.AsSpan()[doc.Start(left)..doc.End(i)], phrase, left, i + 1, doc.Start(left), doc.End(i));
        }
    }

    /// <summary>Joins the description to an unnamed group with the same head (when it points back) or starts a new one.</summary>
    public static EntityCluster Attach(List<EntityCluster> clusters, ReadOnlySpan<char> description, NominalPhrase phrase, int first, int end, int start, int endOffset)
    {
        var head = Lexicon.Singular(phrase.Head);
        EntityCluster? cluster = null;
        if (!phrase.IsIndefinite || phrase.Determiner is "some" or "many" or "several")
        {
            WorkMeter.Add(clusters.Count);
            for (int c = clusters.Count - 1; c >= 0; c--)
            {
                if (clusters[c].Kind == EntityKind.Unnamed && head.SequenceEqual(clusters[c].Head) && clusters[c].Plural == phrase.IsPlural
                    && (!phrase.IsIndefinite || description.Equals(clusters[c].Name, StringComparison.OrdinalIgnoreCase)))
                {
                    cluster = clusters[c];
                    break;
                }
            }
        }

        if (cluster is null)
        {
            // Strings only for a new entity: the head usually is one of the lexicon's own.
            cluster = new EntityCluster(EntityKind.Unnamed, description.ToString(), []) { Head = Lexicon.Known(head) ?? head.ToString(), Plural = phrase.IsPlural };
            clusters.Add(cluster);
        }

        cluster.Add(new ClusterMention(first, end, start, endOffset, MentionForm.Description, Subject: false));
        return cluster;
    }

    private static bool IsModifier(DocumentView doc, int j)
    {
        if (doc.IsAttachedPeriod(j))
        {
            return true;
        }

        if (!doc.IsWord(j))
        {
            return false;
        }

        var key = doc.Key(j);
        if (Lexicon.Indefinites.Contains(key) || Lexicon.Definites.Contains(key))
        {
            return true;
        }

        if (Lexicon.PhraseBreakers.Contains(key) || Lexicon.Stopwords.Contains(key) || Lexicon.Pronouns.ContainsKey(key))
        {
            return false;
        }

        var pos = doc.Pos(j);
        return pos is PosTag.JJ or PosTag.JJR or PosTag.JJS or PosTag.CD or PosTag.VBN
            || (doc.IsCapitalized(j) && doc.EntityTypeAt(j) is EntityType.Misc or EntityType.Location or EntityType.Organization)
            || (pos == PosTag.None && !doc.IsCapitalized(j) && key is "senior" or "western" or "independent" or "anonymous" or "unnamed" or "top" or "former" or "local");
    }
}

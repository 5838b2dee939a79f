namespace QuoteExtract.Resolution;

/// <summary>
/// Resolves a nominal speaker. Role nominals (<c>the Russian leader</c>, <c>the spokesman</c>) go to the entity
/// whose introduced roles fit; organisation nominals (<c>the company</c>) to a recent organisation; unnamed
/// sources (<c>a source</c>, <c>some observers</c>) and anything unmatched to an unnamed entity named by the
/// description, never to a guessed person.
/// </summary>
internal static class NominalResolver
{
    public static (EntityCluster Cluster, double Confidence) Resolve(
        DocumentView doc, List<EntityCluster> clusters, SpeakerMention speaker, PreviousSpeaker previous)
    {
        var phrase = NominalPhrase.Parse(doc, speaker.FirstToken, speaker.EndToken);
        var description = Description(doc, speaker);
        if (phrase.HeadToken < 0)
        {
            return (UnnamedSourceFinder.Attach(clusters, description, phrase, speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End), 0.3);
        }

        if (doc.IsCapitalized(phrase.HeadToken) && Lexicon.GroupNames.Contains(phrase.Head))
        {
            return (Group(clusters, doc, phrase, speaker), 0.8);
        }

        bool unnamedHead = Lexicon.UnnamedHeads.Contains(phrase.Head);
        if (phrase.IsIndefinite || (unnamedHead && phrase.IsPlural && !phrase.IsDefinite))
        {
            // A description that introduces someone: reuse a group found in the text at this very place.
            foreach (var cluster in clusters)
            {
                WorkMeter.Add(cluster.Mentions.Length + 1);
                if (cluster.Kind == EntityKind.Unnamed && cluster.HasMentionWithin(speaker.FirstToken, speaker.EndToken))
                {
                    return (cluster, 0.85);
                }
            }

            return (UnnamedSourceFinder.Attach(clusters, description, phrase, speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End), 0.8);
        }

        var (role, roleScore, roleSecond) = Lexicon.OrganizationHeads.Contains(phrase.Head)
            ? (null, 0, 0)
            : BestRoleMatch(doc, clusters, phrase, speaker.FirstToken, previous);
        if (role is not null)
        {
            return (role, Salience.Confidence(roleScore, roleSecond, 0.85));
        }

        // "the fund" after "the International Monetary Fund": an organisation or place whose name holds the head.
        WorkMeter.Add(clusters.Count);
        if (Lexicon.OrganizationHeads.Contains(phrase.Head) || AnyNameHolds(clusters, phrase.Head))
        {
            var (org, score, second) = BestOrganization(doc, clusters, phrase, speaker.FirstToken, previous);
            if (org is not null)
            {
                return (org, Salience.Confidence(score, second, 0.75));
            }
        }

        return (UnnamedSourceFinder.Attach(clusters, description, phrase, speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End), unnamedHead ? 0.7 : 0.4);
    }

    internal static (EntityCluster? Cluster, double Score, double Second) BestRoleMatch(
        DocumentView doc, List<EntityCluster> clusters, NominalPhrase phrase, int at, PreviousSpeaker previous)
    {
        var head = Lexicon.CanonicalRole(Lexicon.Singular(phrase.Head));
        var top = new BestCandidate<EntityCluster>();
        WorkMeter.Add(clusters.Count);
        foreach (var cluster in clusters)
        {
            if (cluster.Kind != EntityKind.Person || cluster.Roles.Length == 0)
            {
                continue;
            }

            bool fits = HasRole(cluster, head) || (head is "leader" && HasLeaderTitle(cluster));
            if (!fits)
            {
                continue;
            }

            double score = 1;
            for (int t = phrase.ModifierStart; t < phrase.ModifierEnd; t++)
            {
                if (phrase.IsModifier(t))
                {
                    var modifier = doc.Key(t);
                    score += HasRole(cluster, Lexicon.CanonicalRole(modifier)) ? 0.5 : phrase.IsCapitalizedModifier(modifier) ? -0.6 : 0;
                }
            }

            // Salience over the whole text so far: a role introduced paragraphs ago still counts.
            double salience = Salience.Score(doc, cluster, at, int.MaxValue / 2, previous);
            if (salience <= 0)
            {
                continue;
            }

            score = Math.Max(0.05, score) * (0.5 + salience);
            top.Offer(cluster, score);
        }

        return (top.Best, top.BestScore, top.Second);
    }

    private static (EntityCluster? Cluster, double Score, double Second) BestOrganization(
        DocumentView doc, List<EntityCluster> clusters, NominalPhrase phrase, int at, PreviousSpeaker previous)
    {
        bool polity = Lexicon.OrganizationHeads.Contains(phrase.Head) && phrase.Head is "government" or "administration" or "country" or "nation" or "state" or "regime" or "kremlin";
        var top = new BestCandidate<EntityCluster>();
        WorkMeter.Add(clusters.Count);
        foreach (var cluster in clusters)
        {
            double weight = cluster.Kind switch
            {
                EntityKind.Organization => 1,
                EntityKind.Location when polity || NameHolds(cluster, phrase.Head) => 0.9,
                _ => 0,
            };
            if (weight == 0)
            {
                continue;
            }

            // "the party" is the Democratic Party before it is any organisation.
            if (NameHolds(cluster, phrase.Head))
            {
                weight *= 3;
            }
            else if (!Lexicon.OrganizationHeads.Contains(phrase.Head))
            {
                continue;
            }

            double score = weight * Salience.Score(doc, cluster, at, int.MaxValue / 2, previous);
            top.Offer(cluster, score);
        }

        return (top.Best, top.BestScore, top.Second);
    }

    /// <summary>Whether one of the cluster's roles, in canonical spelling, is <paramref name="canonical"/> (the roles are few).</summary>
    private static bool HasRole(EntityCluster cluster, ReadOnlySpan<char> canonical)
    {
        foreach (var role in cluster.Roles)
        {
            if (Lexicon.CanonicalRole(role).SequenceEqual(canonical))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLeaderTitle(EntityCluster cluster)
    {
        foreach (var role in cluster.Roles)
        {
            if (Lexicon.LeaderTitles.Contains(Lexicon.CanonicalRole(role)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NameHolds(EntityCluster cluster, ReadOnlySpan<char> head) =>
        KeyArrays.Contains(cluster.NameKeys, head) || KeyArrays.Contains(cluster.NameKeys, Lexicon.Singular(head));

    private static bool AnyNameHolds(List<EntityCluster> clusters, ReadOnlySpan<char> head)
    {
        foreach (var c in clusters)
        {
            if (c.Kind is EntityKind.Organization or EntityKind.Location && NameHolds(c, head))
            {
                return true;
            }
        }

        return false;
    }

    private static EntityCluster Group(List<EntityCluster> clusters, DocumentView doc, NominalPhrase phrase, SpeakerMention speaker)
    {
        WorkMeter.Add(clusters.Count);
        EntityCluster? cluster = null;
        foreach (var c in clusters)
        {
            if (c.Kind == EntityKind.Group && c.NameKeys.Length == 1 && phrase.Head.SequenceEqual(c.NameKeys[0]))
            {
                cluster = c;
                break;
            }
        }

        if (cluster is null)
        {
            var word = doc.Word(phrase.HeadToken);
            cluster = new EntityCluster(EntityKind.Group, phrase.Determiner is "the" ? string.Concat("the ", word) : word.ToString(), [doc.KeyString(phrase.HeadToken)])
            {
                Plural = true,
            };
            clusters.Add(cluster);
        }

        cluster.Add(new ClusterMention(speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End, MentionForm.Name, Subject: true));
        return cluster;
    }

    /// <summary>The speaker span's text without surrounding punctuation.</summary>
    private static ReadOnlySpan<char> Description(DocumentView doc, SpeakerMention speaker)
    {
        int first = speaker.FirstToken, last = speaker.EndToken - 1;
        while (first < last && !doc.IsWord(first))
        {
            first++;
        }

        while (last > first && !doc.IsWord(last) && !doc.IsAttachedPeriod(last))
        {
            last--;
        }

        return first <= last && last < doc.Count ? doc.Text.AsSpan()[doc.Start(first)..doc.End(last)] : doc.Text.AsSpan()[speaker.Start..speaker.End];
    }
}

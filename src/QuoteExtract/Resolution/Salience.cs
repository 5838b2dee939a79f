namespace QuoteExtract.Resolution;

/// <summary>
/// Salience of an entity at a point of the text: how recently it was mentioned, whether as a subject or a
/// speaker, how often, and whether it spoke in the attribution just before (in a run of attributions the
/// previous speaker is the most likely referent).
/// </summary>
internal static class Salience
{
    /// <summary>Sentences looked back for an antecedent.</summary>
    public const int Window = 6;

    /// <summary>Bonus of the previous speaker, while the run of attributions is not broken by a new subject.</summary>
    public const double PreviousSpeakerBonus = 0.35;

    /// <summary>
    /// Whether another entity became the subject after the previous speaker spoke: then the run of
    /// attributions is broken and the previous speaker loses its bonus. Only the clusters for which
    /// <paramref name="candidate"/> holds count.
    /// </summary>
    public static PreviousSpeaker Interrupted<TState>(List<EntityCluster> clusters, Func<EntityCluster, TState, bool> candidate, TState state, PreviousSpeaker previous, int at)
    {
        if (previous.Cluster is null)
        {
            return previous;
        }

        foreach (var cluster in clusters)
        {
            if (!candidate(cluster, state))
            {
                continue;
            }

            WorkMeter.Add(cluster.Mentions.Length);
            if (ReferenceEquals(cluster, previous.Cluster))
            {
                continue;
            }

            foreach (var m in cluster.Mentions)
            {
                if (m.Subject && m.FirstToken > previous.Token && m.EndToken <= at)
                {
                    return default;
                }
            }
        }

        return previous;
    }

    /// <summary>
    /// Score of <paramref name="cluster"/> for a reference at token <paramref name="at"/>, or 0 when it has no
    /// mention in the window before it.
    /// </summary>
    public static double Score(DocumentView doc, EntityCluster cluster, int at, int window, PreviousSpeaker previous)
    {
        int sentence = doc.SentenceOf(at);
        int bestDistance = int.MaxValue;
        bool subject = false;
        int count = 0;
        bool quotedReference = doc.IsQuoted(at);
        WorkMeter.Add(cluster.Mentions.Length);
        foreach (var m in cluster.Mentions)
        {
            // Names inside a quotation are what is said, not who says it (unless the reference is quoted too).
            if (m.EndToken > at || m.FirstToken >= at || (!quotedReference && doc.IsQuoted(m.FirstToken)))
            {
                continue;
            }

            count++;
            int distance = sentence - doc.SentenceOf(m.FirstToken);
            if (distance <= window && (distance < bestDistance || (distance == bestDistance && m.Subject)))
            {
                subject = distance < bestDistance ? m.Subject : subject || m.Subject;
                bestDistance = distance;
            }
        }

        if (bestDistance == int.MaxValue)
        {
            return 0;
        }

        double score = Math.Exp(-0.6 * bestDistance);
        if (subject)
        {
            score += 0.2;
        }

        score += 0.05 * Math.Log(1 + count);
        if (ReferenceEquals(previous.Cluster, cluster) && sentence - previous.Sentence <= 2)
        {
            score += PreviousSpeakerBonus;
        }

        return score;
    }

    /// <summary>Confidence from the winner's margin over the runner-up, capped by <paramref name="ceiling"/>.</summary>
    public static double Confidence(double best, double second, double ceiling) =>
        best <= 0 ? 0 : Math.Clamp(ceiling * best / (best + second + 0.15), 0, 1);
}

/// <summary>The entity that spoke in the previous attribution, and where.</summary>
/// <param name="Cluster">The entity, or null.</param>
/// <param name="Sentence">Sentence index of that speaker mention.</param>
/// <param name="Token">First token of that speaker mention.</param>
internal readonly record struct PreviousSpeaker(EntityCluster? Cluster, int Sentence, int Token = -1);

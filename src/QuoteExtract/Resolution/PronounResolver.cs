namespace QuoteExtract.Resolution;

/// <summary>
/// Resolves a pronoun to the most salient preceding entity that agrees with it: he/she with a person of that
/// (or unknown) gender, it with an organisation or place, they with a group or unnamed sources, I/we with the
/// previous speaker.
/// </summary>
internal static class PronounResolver
{
    public static (EntityCluster? Cluster, double Confidence) Resolve(
        DocumentView doc, List<EntityCluster> clusters, int token, PronounKind kind, PreviousSpeaker previous)
    {
        var top = new BestCandidate<EntityCluster>();
        WorkMeter.Add(clusters.Count);
        previous = Salience.Interrupted(clusters, static (c, k) => Agreement(c, k) > 0, kind, previous, token);
        foreach (var cluster in clusters)
        {
            double agreement = Agreement(cluster, kind);
            if (agreement <= 0)
            {
                continue;
            }

            double score = agreement * Salience.Score(doc, cluster, token, Salience.Window, previous);
            top.Offer(cluster, score);
        }

        return (top.Best, Salience.Confidence(top.BestScore, top.Second, kind is PronounKind.First or PronounKind.FirstPlural ? 0.7 : 0.9));
    }

    /// <summary>1 for full agreement, less for a possible one (an organisation as they), 0 for none.</summary>
    public static double Agreement(EntityCluster cluster, PronounKind kind) => kind switch
    {
        PronounKind.Male => cluster.Kind == EntityKind.Person ? Gendered(cluster, Gender.Male)
            : cluster.Kind == EntityKind.Unnamed && !cluster.Plural ? 0.4 : 0,
        PronounKind.Female => cluster.Kind == EntityKind.Person ? Gendered(cluster, Gender.Female)
            : cluster.Kind == EntityKind.Unnamed && !cluster.Plural ? 0.4 : 0,
        PronounKind.Neuter => cluster.Kind switch
        {
            EntityKind.Organization => 1,
            EntityKind.Location => 0.8,
            EntityKind.Group when !cluster.Plural => 0.6,
            _ => 0,
        },
        PronounKind.Plural => cluster.Kind switch
        {
            EntityKind.Unnamed or EntityKind.Group when cluster.Plural => 1,
            EntityKind.Organization => 0.5,
            EntityKind.Location => 0.3,
            _ => 0,
        },
        PronounKind.FirstPlural => cluster.Kind switch
        {
            EntityKind.Person => 0.6,
            EntityKind.Unnamed or EntityKind.Group when cluster.Plural => 1,
            _ => 0.8,
        },
        _ => cluster.Kind is EntityKind.Person ? 1 : cluster.Kind == EntityKind.Unnamed && !cluster.Plural ? 0.6 : 0,
    };

    // A gender that agrees is a strong cue when the text states it (a title, an honorific), a weaker one when only
    // pronouns voted for it (earlier resolutions can be wrong and a frequently named person collects most votes,
    // so a newly introduced person of unknown gender must not lose to them on votes alone); an unknown one is
    // possible; a contradicting one rules the person out only when it is stated or clearly voted.
    private static double Gendered(EntityCluster cluster, Gender wanted) =>
        cluster.Gender == wanted ? (cluster.StatedGender == wanted ? 1.2 : 1.1)
        : cluster.Gender == Gender.Unknown ? 1.0
        : cluster.GenderIsClear ? 0
        : 0.5;
}

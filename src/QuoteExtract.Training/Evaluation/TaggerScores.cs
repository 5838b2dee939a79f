namespace QuoteExtract.Training.Evaluation;

/// <summary>How well the taggers reproduce the silver part-of-speech and entity layers.</summary>
/// <param name="PosAccuracy">Share of silver tokens given the silver tag (a token we do not reproduce counts as wrong).</param>
/// <param name="NerF1">Entity-level F1, exact character span and type, over PERSON, ORGANIZATION, LOCATION, MISC.</param>
/// <param name="PersonF1">The same for PERSON only.</param>
/// <param name="OrganizationF1">The same for ORGANIZATION only.</param>
/// <param name="LocationF1">The same for LOCATION only.</param>
internal sealed record TaggerScores(double PosAccuracy, double NerF1, double PersonF1, double OrganizationF1, double LocationF1)
{
    /// <summary>Entity-level F1 for MISC only.</summary>
    public double MiscF1 { get; init; }

    /// <summary>Entity-level precision over all four types.</summary>
    public double NerPrecision { get; init; }

    /// <summary>Entity-level recall over all four types.</summary>
    public double NerRecall { get; init; }

    /// <summary>Mean <c>EntityMention.Score</c> of predicted entities that match the silver layer.</summary>
    public double MeanScoreRight { get; init; }

    /// <summary>Mean <c>EntityMention.Score</c> of predicted entities that do not.</summary>
    public double MeanScoreWrong { get; init; }
}

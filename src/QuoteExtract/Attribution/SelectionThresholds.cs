namespace QuoteExtract.Attribution;

/// <summary>
/// The lowest score at which a candidate of each kind may be kept. Kinds rank differently (a quotation with its own
/// cue is rarely wrong; a mixed quote's marks are evidence an indirect content lacks), so each has its own threshold,
/// chosen in training to maximise end-to-end F1 over cross-fitted scores.
/// </summary>
internal readonly record struct SelectionThresholds(double Indirect, double Direct, double Mixed)
{
    /// <summary>One threshold for every kind.</summary>
    public static SelectionThresholds All(double threshold) => new(threshold, threshold, threshold);

    /// <summary>The threshold for a candidate of <paramref name="kind"/>.</summary>
    public double For(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => Direct,
        QuoteKind.Mixed => Mixed,
        _ => Indirect,
    };

    /// <summary>The lowest of the three: no candidate scoring below it is kept.</summary>
    public double Lowest => Math.Min(Indirect, Math.Min(Direct, Mixed));
}

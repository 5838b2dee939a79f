using QuoteExtract.Tagging;

namespace QuoteExtract.Attribution;

/// <summary>
/// The second scoring stage's features: what the first stage's probabilities (<see cref="Candidate.Score"/> before
/// rescoring) say about a candidate's neighbours. Greedy selection sees one candidate at a time; these let the model
/// learn that a long content is wrong when a likely attribution starts inside it (<c>She says …, but insists …</c>),
/// or that a variant far below its family's best is rarely the one, which the first stage cannot know.
/// </summary>
internal static class NeighbourFeatures
{
    /// <summary>How many features <see cref="Collect"/> writes.</summary>
    public const int Count = 9;

    private static readonly ulong[] Ranks = [FeatureHash.Raw("0"), FeatureHash.Raw("1"), FeatureHash.Raw("2")];

    // The probability bins' hashes, "none" first (see Bin).
    private static readonly ulong[] Bins = [.. new[] { "none", "0", "1", "2", "3", "4", "5", "6" }.Select(b => FeatureHash.Raw(b))];

    private static readonly ulong[] Gaps = [.. new[] { "alone", "best", "near", "close", "far", "farther" }.Select(g => FeatureHash.Raw(g))];

    /// <summary>
    /// Writes the features of <paramref name="c"/> given <paramref name="near"/>, a superset of the candidates whose
    /// extent touches its own (itself possibly included), all carrying first-stage probabilities in their scores.
    /// </summary>
    public static void Collect(Candidate c, ReadOnlySpan<Candidate> near, Span<ulong> features)
    {
        double own = c.Score, familyBest = -1, inside = -1, competing = -1, containing = -1;
        int rank = 0;
        var family = c.Family;
        foreach (var d in near)
        {
            if (ReferenceEquals(d, c))
            {
                continue;
            }

            if (d.Family == family)
            {
                familyBest = Math.Max(familyBest, d.Score);
                rank += d.Score > own ? 1 : 0;
                continue;
            }

            // A cue of another attribution inside the content; a content that overlaps; a content that holds the cue.
            if (!d.Cue.IsNone && d.Cue.Start > c.Content.Start && d.Cue.Start < c.Content.End && d.Cue.Start != c.Cue.Start)
            {
                inside = Math.Max(inside, d.Score);
            }

            if (d.Cue.Start != c.Cue.Start && d.ContentOverlaps(c))
            {
                competing = Math.Max(competing, d.Score);
            }

            if (!c.Cue.IsNone && d.ContentContains(c.Cue.Start))
            {
                containing = Math.Max(containing, d.Score);
            }
        }

        double gap = familyBest - own;
        ulong gapHash = Gaps[familyBest < 0 ? 0 : gap < 0 ? 1 : gap < 0.05 ? 2 : gap < 0.15 ? 3 : gap < 0.3 ? 4 : 5];
        ulong cut = FeatureHash.Raw(c.CutKind ?? "full"), kind = FeatureHash.Raw(EnumNames<QuoteKind>.Of(c.Kind));
        ulong ownBin = Bins[Bin(own)], insideBin = Bins[Bin(inside)], competingBin = Bins[Bin(competing)];
        features[0] = FeatureHash.Feature(90, ownBin);
        features[1] = FeatureHash.Feature(91, ownBin, cut);
        features[2] = FeatureHash.Feature(92, Ranks[Math.Min(rank, 2)], gapHash);
        features[3] = FeatureHash.Feature(93, gapHash, cut);
        features[4] = FeatureHash.Feature(94, insideBin, cut);
        features[5] = FeatureHash.Feature(95, insideBin, kind);
        features[6] = FeatureHash.Feature(96, competingBin, cut);
        features[7] = FeatureHash.Feature(97, competingBin, ownBin);
        features[8] = FeatureHash.Feature(98, Bins[Bin(containing)], kind);
    }

    /// <summary>A probability's bin among seven, after 0 for a neighbour that does not exist (−1).</summary>
    private static int Bin(double p) => p < 0 ? 0 : p < 0.1 ? 1 : p < 0.2 ? 2 : p < 0.35 ? 3 : p < 0.5 ? 4 : p < 0.65 ? 5 : p < 0.8 ? 6 : 7;
}

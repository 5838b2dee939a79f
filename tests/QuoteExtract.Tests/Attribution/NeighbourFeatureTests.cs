using QuoteExtract.Attribution;
using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// The second scoring stage's inputs: the neighbour index finds every candidate near a range, and the neighbour
/// features read the first-stage probabilities of the candidates they describe, and only theirs.
/// </summary>
public sealed class NeighbourFeatureTests
{
    private static Candidate Make(string rule, int speaker, int cue, int contentStart, int contentEnd, double score, string? cut = null) => new()
    {
        Rule = rule,
        Speaker = new TokenRange(speaker, speaker + 1),
        Cue = new TokenRange(cue, cue + 1),
        Content = new TokenRange(contentStart, contentEnd),
        Score = score,
        CutKind = cut,
    };

    private static ulong[] Features(Candidate c, params Candidate[] all)
    {
        var index = new NeighbourIndex();
        index.Build([c, .. all]);
        var (start, end) = AttributionExtractor.Extent(c);
        var features = new ulong[NeighbourFeatures.Count];
        NeighbourFeatures.Collect(c, index.Near(start, end), features);
        return features;
    }

    [Fact]
    public void A_likely_attribution_inside_the_content_changes_only_the_inside_features()
    {
        // "The mayor says the budget was balanced, but insists the critics are wrong": "says" runs over "insists".
        var says = Make("speaker_cue_content", 1, 2, 3, 14, 0.6);
        var likely = Make("speaker_and_cue", 1, 9, 10, 14, 0.85);
        var unlikely = Make("speaker_and_cue", 1, 9, 10, 14, 0.05);

        var withLikely = Features(says, likely);
        var withUnlikely = Features(says, unlikely);

        var differing = Enumerable.Range(0, NeighbourFeatures.Count).Where(i => withLikely[i] != withUnlikely[i]).ToList();
        differing.Should().NotBeEmpty().And.OnlyContain(i => i == 4 || i == 5 || i == 6 || i == 7);
    }

    [Fact]
    public void A_variant_far_below_its_familys_best_is_told_from_the_best()
    {
        var best = Make("speaker_cue_content", 1, 2, 3, 14, 0.8);
        var weak = Make("speaker_cue_content", 1, 2, 3, 9, 0.2, cut: "coordination");
        var close = Make("speaker_cue_content", 1, 2, 3, 9, 0.78, cut: "coordination");

        // The family rank and gap (features 2 and 3) differ; so does the own-probability bin.
        Features(weak, best)[2].Should().NotBe(Features(close, best)[2]);
        Features(weak, best)[3].Should().NotBe(Features(close, best)[3]);
    }

    [Fact]
    public void A_candidate_without_neighbours_reads_the_same_whatever_lies_far_away()
    {
        var c = Make("speaker_cue_content", 1, 2, 3, 10, 0.5);
        var far = Make("speaker_cue_content", 500, 501, 502, 520, 0.9);
        Features(c).Should().Equal(Features(c, far));
    }

    [Fact]
    public void The_index_finds_every_candidate_whose_extent_touches_a_range()
    {
        var random = new Random(7);
        var candidates = Enumerable.Range(0, 200).Select(_ =>
        {
            int start = random.Next(0, 1000), length = random.Next(1, 60), cue = random.Next(0, 1000);
            return Make("r", cue, cue, start, start + length, random.NextDouble());
        }).ToList();
        var index = new NeighbourIndex();
        index.Build(candidates);

        for (int trial = 0; trial < 200; trial++)
        {
            int start = random.Next(0, 1000), end = start + random.Next(0, 80);
            var near = index.Near(start, end).ToArray();
            var touching = candidates.Where(c => AttributionExtractor.Extent(c) is var (s, e) && s <= end && e >= start);
            near.Should().Contain(touching);
        }
    }

    [Fact]
    public void The_index_leaves_out_short_candidates_that_end_before_a_range_however_long_another_extent_is()
    {
        // A long extent far after the range once widened the window for every lookup; the short one before the range
        // ends before it and is not a neighbour, the adjacent one is.
        var before = Make("r", 10, 10, 11, 12, 0.5);
        var adjacent = Make("r", 95, 95, 96, 100, 0.5);
        var inside = Make("r", 104, 104, 105, 108, 0.5);
        var longOne = Make("r", 500, 500, 501, 700, 0.5);
        var index = new NeighbourIndex();
        index.Build([longOne, inside, adjacent, before]);

        index.Near(100, 110).ToArray().Should().BeEquivalentTo([adjacent, inside], o => o.WithStrictOrdering());
    }
}

using QuoteExtract.Attribution;
using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// <c>“A,” she said, adding, “B.”</c>: a two-fragment candidate that lost only its second fragment to another
/// attribution keeps its first fragment with its own speaker and cue.
/// </summary>
public sealed class FirstFragmentTests
{
    private static readonly SelectionThresholds Thresholds = SelectionThresholds.All(0.3);

    private static Candidate Make(TokenRange content, TokenRange content2, TokenRange cue, TokenRange speaker, double score, QuoteKind kind) => new()
    {
        Rule = "r",
        Content = content,
        Content2 = content2,
        Cue = cue,
        Speaker = speaker,
        Score = score,
        Kind = kind,
    };

    [Fact]
    public void The_first_fragment_survives_when_only_the_second_conflicts()
    {
        var split = Make(new(0, 5), new(10, 15), new(6, 7), new(7, 8), 0.8, QuoteKind.Direct);
        var adding = Make(new(10, 20), TokenRange.None, new(8, 9), TokenRange.None, 0.9, QuoteKind.Mixed);
        List<Candidate> candidates = [split, adding];
        var chosen = AttributionExtractor.Select(candidates, Thresholds);
        chosen.Should().ContainSingle().Which.Should().BeSameAs(adding);

        AttributionExtractor.KeepFirstFragments(candidates, chosen, Thresholds);

        chosen.Should().HaveCount(2);
        var first = chosen[1];
        (first.Content, first.Content2, first.Cue, first.Speaker, first.Score).Should().Be((new TokenRange(0, 5), TokenRange.None, new TokenRange(6, 7), new TokenRange(7, 8), 0.8));
    }

    [Fact]
    public void Nothing_is_added_when_the_first_fragment_conflicts_too()
    {
        var split = Make(new(0, 5), new(10, 15), new(6, 7), new(7, 8), 0.8, QuoteKind.Direct);
        var adding = Make(new(10, 20), TokenRange.None, new(8, 9), TokenRange.None, 0.9, QuoteKind.Mixed);
        var before = Make(new(0, 4), TokenRange.None, new(30, 31), TokenRange.None, 0.95, QuoteKind.Direct);
        List<Candidate> candidates = [split, adding, before];
        var chosen = AttributionExtractor.Select(candidates, Thresholds);

        AttributionExtractor.KeepFirstFragments(candidates, chosen, Thresholds);

        chosen.Should().HaveCount(2).And.NotContain(c => c.Rule == "r" && c.Content == new TokenRange(0, 5));
    }

    [Fact]
    public void A_candidate_below_its_threshold_gives_nothing()
    {
        var split = Make(new(0, 5), new(10, 15), new(6, 7), new(7, 8), 0.2, QuoteKind.Direct);
        var adding = Make(new(10, 20), TokenRange.None, new(8, 9), TokenRange.None, 0.9, QuoteKind.Mixed);
        List<Candidate> candidates = [split, adding];
        var chosen = AttributionExtractor.Select(candidates, Thresholds);

        AttributionExtractor.KeepFirstFragments(candidates, chosen, Thresholds);

        chosen.Should().ContainSingle();
    }
}

using QuoteExtract.Attribution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// The scorer hashes and looks up the features a family of candidates shares once per family: the split must give
/// exactly the features <see cref="AttributionFeatures.Collect"/> gives (the models were trained on those), and the
/// same scores as scoring each candidate alone.
/// </summary>
public sealed class SharedFeatureTests
{
    private const string Text =
        "Senator Alan Reyes criticized the new pipeline plan in February during a hearing, and said the state would sue. " +
        "“We are not done,” Maria Costa said with a smile. “The second phase starts in June and it will be bigger.” " +
        "The mayor says the budget was balanced, but insists the critics are wrong, according to a statement. " +
        "On Wednesday, however, the director, James Comey, said the agency had found nothing that would change its view.";

    private static (TaggedText Text, List<Candidate> Candidates) Candidates()
    {
        var tagged = Tagger.Default.Tag(TextAnalyzer.Analyze(Text, SentenceBreaks.Paragraph));
        var extractor = new AttributionExtractor(AttributionGrammar.Create(new QuoteExtractorOptions()), AttributionScorer.Default);
        return (tagged, extractor.Candidates(tagged, CancellationToken.None));
    }

    [Fact]
    public void Shared_and_own_features_together_are_the_collected_features()
    {
        var (text, candidates) = Candidates();
        candidates.GroupBy(c => SharedFeatures.KeyOf(c)).Should().Contain(g => g.Count() > 1, "the text must have variants sharing their features");
        var all = new ulong[AttributionFeatures.MaxFeatures];
        var own = new ulong[AttributionFeatures.MaxFeatures];
        foreach (var c in candidates)
        {
            int n = AttributionFeatures.Collect(text, c, all);
            var shared = default(SharedFeatures);
            AttributionFeatures.Share(text, c, ref shared);
            int m = AttributionFeatures.CollectOwn(text, c, in shared, own);

            ulong[] split = [.. shared.Values[..shared.Count], .. own.AsSpan(0, m)];
            split.Should().BeEquivalentTo(all[..n]);
            own[..m].Should().Equal(all[..n].Except(shared.Values[..shared.Count].ToArray()), "the own features keep Collect's order");
        }
    }

    [Fact]
    public void Scoring_a_document_at_once_gives_each_candidate_its_own_score()
    {
        var (text, candidates) = Candidates();
        var scorer = AttributionScorer.Default;
        var alone = candidates.Select(c =>
        {
            scorer.Score(text, c);
            return (c.Confidence, c.OwnStageTwoMargin);
        }).ToList();
        foreach (var c in candidates)
        {
            c.Confidence = c.OwnStageTwoMargin = double.NaN;
        }

        scorer.Score(text, candidates, new SharedFeatureCache());

        candidates.Select(c => (c.Confidence, c.OwnStageTwoMargin)).Should().Equal(alone);
    }
}

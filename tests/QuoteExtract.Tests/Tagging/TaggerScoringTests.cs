using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Tagging;

/// <summary>
/// The tagger adds the weights of a token's word-only features once per distinct word (<see cref="WordScoreCache"/>),
/// and its neighbour features before the left-to-right pass; tags must be exactly those of adding every feature of
/// <see cref="FeatureTemplates.Pos"/> one by one.
/// </summary>
public class TaggerScoringTests
{
    private const string Sentence = "Mr. Harold Ebbington told reporters in Berlin that he would not resign , and Ebbington SAID the U.S. deal was 99% done .";

    [Fact]
    public void Tags_equal_a_reference_that_adds_every_feature()
    {
        // Repeated sentences warm the cache, so that most tokens take the cached path.
        var analysis = TaggingTestText.Analyze(Enumerable.Repeat(Sentence, 3).Prepend("Told Berlin reporters SAID said , said .").ToArray());
        var tags = Tagger.Default.TagPartsOfSpeech(analysis);
        var model = Tagger.Default.PosModel;
        var info = Infos(analysis);
        var expected = new List<PosTag>();
        Span<ulong> features = stackalloc ulong[FeatureTemplates.MaxFeatures];
        Span<int> scores = stackalloc int[PosTags.Count];
        foreach (var sentence in analysis.Sentences)
        {
            var s = info.AsSpan(sentence.FirstToken, sentence.TokenCount);
            int previous1 = 0, previous2 = 0;
            for (int i = 0; i < s.Length; i++)
            {
                scores.Clear();
                model.Score(features[..FeatureTemplates.Pos(s, i, previous1, previous2, features)], scores);
                int best = 0;
                for (int c = 1; c < scores.Length; c++)
                {
                    best = scores[c] > scores[best] ? c : best;
                }

                expected.Add(PosTags.FromClass(best));
                (previous2, previous1) = (previous1, best + 1);
            }
        }

        tags.Should().Equal(expected);
    }

    private static TokenInfo[] Infos(AnalyzedText analysis)
    {
        var info = new TokenInfo[analysis.Tokens.Length];
        foreach (var sentence in analysis.Sentences)
        {
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                var token = analysis.Tokens[t];
                TokenInfo.Compute(analysis.Text, token.Start, token.End, t == sentence.FirstToken, out info[t]);
            }
        }

        return info;
    }
}

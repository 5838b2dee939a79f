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
    public void Word_and_context_features_are_exactly_the_full_templates()
    {
        var analysis = TaggingTestText.Analyze(Sentence);
        var info = Infos(analysis);
        var pos = Tagger.Default.TagPartsOfSpeech(analysis);
        Span<ulong> full = stackalloc ulong[FeatureTemplates.MaxFeatures];
        Span<ulong> parts = stackalloc ulong[FeatureTemplates.MaxFeatures];
        for (int i = 0; i < info.Length; i++)
        {
            int n = FeatureTemplates.Pos(info, i, 3, 7, full);
            int w = FeatureTemplates.PosWord(info[i], parts);
            w += FeatureTemplates.PosNeighbours(info, i, parts[w..]);
            w += FeatureTemplates.PosHistory(info, i, 3, 7, parts[w..]);
            Sorted(parts[..w]).Should().Equal(Sorted(full[..n]), $"POS features of token {i}");

            n = FeatureTemplates.Ner(info, pos, i, 2, 5, full);
            w = FeatureTemplates.NerWord(info[i], pos[i], parts);
            w += FeatureTemplates.NerNeighbours(info, pos, i, parts[w..]);
            w += FeatureTemplates.NerHistory(info, pos, i, 2, 5, parts[w..]);
            Sorted(parts[..w]).Should().Equal(Sorted(full[..n]), $"entity features of token {i}");
        }
    }

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

    private static ulong[] Sorted(ReadOnlySpan<ulong> features)
    {
        var array = features.ToArray();
        Array.Sort(array);
        return array;
    }
}

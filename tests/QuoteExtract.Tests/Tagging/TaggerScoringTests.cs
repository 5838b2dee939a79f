using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Tagging;

/// <summary>
/// The tagger adds feature groups from word memos (<see cref="WordScoreCache"/>), per-model tables (<see cref="GroupTables"/>)
/// and batched lookups, some issued ahead for a guessed history; tags, mentions and their scores must be exactly those
/// of adding every feature of <see cref="FeatureTemplates.Pos"/> and <see cref="FeatureTemplates.Ner"/> one by one.
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

    [Fact]
    public void Entities_equal_a_reference_that_adds_every_feature()
    {
        // A sentence longer than a lookup batch, and repeats that warm the memos.
        string longSentence = string.Join(" , ", Enumerable.Repeat("Senator Maria Delgado of New Mexico met officials of the World Health Organization", 3)) + " .";
        var analysis = TaggingTestText.Analyze(
            [.. Enumerable.Repeat(Sentence, 2).Prepend("Berlin").Append(longSentence).Append("Told Berlin reporters SAID said , said .").Append(longSentence)]);
        var tagged = Tagger.Default.Tag(analysis);
        var model = Tagger.Default.NerModel;
        var info = Infos(analysis);
        var classes = new int[info.Length];
        var confidence = new float[info.Length];
        Span<ulong> features = stackalloc ulong[FeatureTemplates.MaxFeatures];
        Span<int> scores = stackalloc int[Bilou.ClassCount];
        foreach (var sentence in analysis.Sentences)
        {
            var s = info.AsSpan(sentence.FirstToken, sentence.TokenCount);
            var pos = tagged.Pos.AsSpan(sentence.FirstToken, sentence.TokenCount);
            int previous1 = 0, previous2 = 0, last = 0;
            for (int i = 0; i < s.Length; i++)
            {
                scores.Clear();
                model.Score(features[..FeatureTemplates.Ner(s, pos, i, previous1, previous2, features)], scores);
                bool final = i == s.Length - 1;
                int best = Tagger.BestAllowed(scores, last, final);
                classes[sentence.FirstToken + i] = best;
                confidence[sentence.FirstToken + i] = best == 0 ? 0f : model.Confidence(Tagger.Margin(scores, best, last, final) * model.Scale);
                (last, previous2, previous1) = (best, previous1, best + 1);
            }
        }

        var spans = new (int First, int Count, EntityType Type)[info.Length];
        int count = Bilou.Spans(classes.Select(Bilou.FromClass).ToArray(), spans);
        var expected = spans[..count].Select(span =>
        {
            float score = 0;
            for (int t = span.First; t < span.First + span.Count; t++)
            {
                score += confidence[t];
            }

            return (span.First, span.Count, span.Type, Math.Clamp(score / span.Count, 0f, 1f));
        });

        expected.Should().NotBeEmpty();
        tagged.Entities.Select(e => (e.FirstToken, e.TokenCount, e.Type, e.Score)).Should().Equal(expected);
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

using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Tagging;

/// <summary>
/// The tagger adds feature groups from word memos (<see cref="WordScoreCache"/>), per-model tables (<see cref="GroupTables"/>)
/// and batched lookups, some issued ahead for a guessed history; tags, mentions and their scores must be exactly those
/// of adding every feature of <see cref="FeatureTemplates.Pos"/> and <see cref="FeatureTemplates.Ner"/> one by one
/// (for the tagger, at the words that are not fixed, <see cref="FixedClasses"/>; for the recognizer, at the tokens
/// <see cref="EntityGate"/> lets it score; the others are outside).
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
                // A fixed word gets its class unscored.
                int best = model.Fixed.Of(s[i].Raw);
                if (best < 0)
                {
                    scores.Clear();
                    model.Score(features[..FeatureTemplates.Pos(s, i, previous1, previous2, features)], scores);
                    best = 0;
                    for (int c = 1; c < scores.Length; c++)
                    {
                        best = scores[c] > scores[best] ? c : best;
                    }
                }

                expected.Add(PosTags.FromClass(best));
                (previous2, previous1) = (previous1, best + 1);
            }
        }

        tags.Should().Equal(expected);
        info.Should().Contain(t => model.Fixed.Of(t.Raw) >= 0).And.Contain(t => model.Fixed.Of(t.Raw) < 0, "both paths are exercised");
    }

    [Fact]
    public void Entities_equal_a_reference_that_adds_every_feature()
    {
        // A sentence longer than a lookup batch, and repeats that warm the memos.
        string longSentence = string.Join(" , ", Enumerable.Repeat("Senator Maria Delgado of New Mexico met officials of the World Health Organization", 3)) + " .";
        // Lower-case tokens inside entities ("of") take the recognizer's one-by-one path (see EntityGate).
        const string Inner = "Officials of the Bank of America , the University of Texas and the Department of State said so .";
        var analysis = TaggingTestText.Analyze(
            [.. Enumerable.Repeat(Sentence, 2).Prepend("Berlin").Append(longSentence).Append(Inner).Append("Told Berlin reporters SAID said , said .").Append(longSentence)]);
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
                bool final = i == s.Length - 1;
                int best = 0;
                if (EntityGate.Scores(s[i], last))
                {
                    scores.Clear();
                    model.Score(features[..FeatureTemplates.Ner(s, pos, i, previous1, previous2, features)], scores);
                    best = Tagger.BestAllowed(scores, last, final);
                }

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
        Enumerable.Range(0, info.Length).Should().Contain(
            t => classes[t] != 0 && !EntityGate.MayStart(info[t]), "a lower-case token inside an entity is scored one feature at a time");
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

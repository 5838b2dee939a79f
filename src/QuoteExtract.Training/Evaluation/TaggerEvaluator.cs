using QuoteExtract.Tagging;
using QuoteExtract.Text;
using QuoteExtract.Training.Silver;
using QuoteExtract.Training.Training;

namespace QuoteExtract.Training.Evaluation;

/// <summary>Scores the part-of-speech tagger and entity recognizer against the silver layer.</summary>
internal static class TaggerEvaluator
{
    /// <summary>Tags the text as tokenized by <see cref="TextAnalyzer"/> (tokenization errors count against the tagger).</summary>
    public static TaggerScores Evaluate(IReadOnlyList<SilverDocument> documents, string textDirectory) =>
        Evaluate(documents, textDirectory, silverTokens: false);

    /// <summary>
    /// Scores the tagger. With <paramref name="silverTokens"/> the silver tokens and sentences are tagged
    /// directly, which measures the tagger alone; otherwise our own text layer runs first.
    /// </summary>
    public static TaggerScores Evaluate(IReadOnlyList<SilverDocument> documents, string textDirectory, bool silverTokens, Tagger? tagger = null)
    {
        tagger ??= Tagger.Default;
        long posCorrect = 0, posTotal = 0;
        var counts = new (long Tp, long Predicted, long Gold)[5];
        double scoreRight = 0, scoreWrong = 0;
        foreach (var document in documents)
        {
            var text = SilverCorpus.ReadText(textDirectory, document.Name);
            var analysis = silverTokens ? SilverCorpus.Analysis(document, text) : TextAnalyzer.Analyze(text);
            var tagged = tagger.Tag(analysis);

            var predictedPos = new Dictionary<(int, int), PosTag>();
            var tokens = analysis.Tokens;
            for (int i = 0; i < tokens.Length; i++)
            {
                predictedPos[(tokens[i].Start, tokens[i].End)] = tagged.Pos[i];
            }

            var gold = new HashSet<(int, int, EntityType)>();
            foreach (var sentence in document.Sentences)
            {
                foreach (var token in sentence)
                {
                    posTotal++;
                    if (predictedPos.TryGetValue((token.Start, token.End), out var tag) && tag == PosTags.Parse(token.Pos))
                    {
                        posCorrect++;
                    }
                }

                foreach (var entity in SilverCorpus.Entities(sentence))
                {
                    gold.Add(entity);
                }
            }

            var predicted = tagged.Entities.Select(e => (e.Start, e.End, e.Type)).ToHashSet();
            foreach (var mention in tagged.Entities)
            {
                if (gold.Contains((mention.Start, mention.End, mention.Type)))
                {
                    scoreRight += mention.Score;
                }
                else
                {
                    scoreWrong += mention.Score;
                }
            }

            foreach (var (_, _, type) in gold)
            {
                counts[0].Gold++;
                counts[(int)type].Gold++;
            }

            foreach (var entity in predicted)
            {
                counts[0].Predicted++;
                counts[(int)entity.Type].Predicted++;
                if (gold.Contains(entity))
                {
                    counts[0].Tp++;
                    counts[(int)entity.Type].Tp++;
                }
            }
        }

        return new TaggerScores(
            posTotal == 0 ? 0 : (double)posCorrect / posTotal,
            F1(counts[0]),
            F1(counts[(int)EntityType.Person]),
            F1(counts[(int)EntityType.Organization]),
            F1(counts[(int)EntityType.Location]))
        {
            MiscF1 = F1(counts[(int)EntityType.Misc]),
            NerPrecision = counts[0].Predicted == 0 ? 0 : (double)counts[0].Tp / counts[0].Predicted,
            NerRecall = counts[0].Gold == 0 ? 0 : (double)counts[0].Tp / counts[0].Gold,
            MeanScoreRight = counts[0].Tp == 0 ? 0 : scoreRight / counts[0].Tp,
            MeanScoreWrong = counts[0].Predicted == counts[0].Tp ? 0 : scoreWrong / (counts[0].Predicted - counts[0].Tp),
        };
    }

    private static double F1((long Tp, long Predicted, long Gold) c) =>
        c.Predicted + c.Gold == 0 ? 0 : 2.0 * c.Tp / (c.Predicted + c.Gold);
}

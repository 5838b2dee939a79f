using QuoteExtract.Training.Silver;

namespace QuoteExtract.Training.Evaluation;

/// <summary>Scores the part-of-speech tagger and entity recognizer against the silver layer.</summary>
internal static class TaggerEvaluator
{
    public static TaggerScores Evaluate(IReadOnlyList<SilverDocument> documents, string textDirectory) =>
        throw new NotImplementedException("Tagger evaluation is not written yet.");
}

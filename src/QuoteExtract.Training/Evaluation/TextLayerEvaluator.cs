using QuoteExtract.Training.Silver;

namespace QuoteExtract.Training.Evaluation;

/// <summary>Scores tokenization and sentence splitting against the silver layer.</summary>
internal static class TextLayerEvaluator
{
    public static TextLayerScores Evaluate(IReadOnlyList<SilverDocument> documents, string textDirectory) =>
        throw new NotImplementedException("Text layer evaluation is not written yet.");
}

namespace QuoteExtract.Training.Evaluation;

/// <summary>How well the text layer reproduces the silver tokens and sentences.</summary>
/// <param name="TokenBoundaryRecall">Share of silver tokens whose exact character range our tokenizer produces.</param>
/// <param name="SentenceF1">F1 of sentence character ranges (first token start to last token end) against silver.</param>
internal sealed record TextLayerScores(double TokenBoundaryRecall, double SentenceF1);

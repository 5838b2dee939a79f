using QuoteExtract.Text;
using QuoteExtract.Training.Silver;

namespace QuoteExtract.Training.Evaluation;

/// <summary>Scores tokenization and sentence splitting against the silver layer.</summary>
internal static class TextLayerEvaluator
{
    /// <summary>
    /// Token-boundary recall: share of silver tokens whose exact [start, end) our tokenizer produces.
    /// Sentence F1: exact match of sentence ranges (first token start to last token end).
    /// </summary>
    public static TextLayerScores Evaluate(IReadOnlyList<SilverDocument> documents, string textDirectory)
    {
        long silverTokens = 0, matchedTokens = 0;
        long silverSentences = 0, ourSentences = 0, matchedSentences = 0;
        var tokenRanges = new HashSet<(int, int)>();
        var sentenceRanges = new HashSet<(int, int)>();
        foreach (var document in documents)
        {
            var path = Path.Combine(textDirectory, document.Name + ".txt");
            if (!File.Exists(path))
            {
                continue;
            }

            var analyzed = TextAnalyzer.Analyze(File.ReadAllText(path));
            tokenRanges.Clear();
            foreach (var token in analyzed.Tokens)
            {
                tokenRanges.Add((token.Start, token.End));
            }

            sentenceRanges.Clear();
            foreach (var sentence in analyzed.Sentences)
            {
                sentenceRanges.Add((sentence.Start, sentence.End));
            }

            ourSentences += analyzed.Sentences.Length;
            foreach (var sentence in document.Sentences)
            {
                if (sentence.Count == 0)
                {
                    continue;
                }

                silverSentences++;
                if (sentenceRanges.Contains((sentence[0].Start, sentence[^1].End)))
                {
                    matchedSentences++;
                }

                foreach (var token in sentence)
                {
                    silverTokens++;
                    if (tokenRanges.Contains((token.Start, token.End)))
                    {
                        matchedTokens++;
                    }
                }
            }
        }

        double recall = silverTokens == 0 ? 0 : (double)matchedTokens / silverTokens;
        double precision = ourSentences == 0 ? 0 : (double)matchedSentences / ourSentences;
        double sentenceRecall = silverSentences == 0 ? 0 : (double)matchedSentences / silverSentences;
        double f1 = precision + sentenceRecall == 0 ? 0 : 2 * precision * sentenceRecall / (precision + sentenceRecall);
        return new TextLayerScores(recall, f1);
    }
}

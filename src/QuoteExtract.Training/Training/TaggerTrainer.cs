using System.Diagnostics;
using System.Globalization;
using QuoteExtract.Tagging;
using QuoteExtract.Training.Silver;

namespace QuoteExtract.Training.Training;

/// <summary>Trains the part-of-speech and entity perceptrons on the silver tokenization of a split.</summary>
internal static class TaggerTrainer
{
    /// <summary>One silver sentence with its features' inputs and gold classes.</summary>
    private sealed record Example(TokenInfo[] Info, PosTag[] Pos, int[] PosGold, int[] NerGold);

    public static void Train(ModelKind kind, IReadOnlyList<SilverDocument> documents, string textDirectory, string output, int epochs, int seed, float minimumWeight, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var examples = Prepare(documents, textDirectory);
        log.WriteLine($"{examples.Count} sentences, {examples.Sum(e => e.Info.Length)} tokens read in {clock.Elapsed.TotalSeconds:0.0} s");

        var model = new AveragedPerceptron(kind == ModelKind.PartOfSpeech ? PosTags.Count : Bilou.ClassCount);
        var random = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        Span<ulong> features = stackalloc ulong[FeatureTemplates.MaxFeatures];
        Span<float> scores = stackalloc float[model.ClassCount];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var index in order)
            {
                var example = examples[index];
                int previous1 = 0, previous2 = 0, last = 0;
                int n = example.Info.Length;
                for (int i = 0; i < n; i++)
                {
                    int gold, guess, k;
                    if (kind == ModelKind.PartOfSpeech)
                    {
                        k = FeatureTemplates.Pos(example.Info, i, previous1, previous2, features);
                        model.Score(features[..k], scores);
                        guess = ArgMax(scores, -1, false);
                        gold = example.PosGold[i];
                    }
                    else
                    {
                        k = FeatureTemplates.Ner(example.Info, example.Pos, i, previous1, previous2, features);
                        model.Score(features[..k], scores);
                        guess = ArgMax(scores, last, i == n - 1);
                        gold = example.NerGold[i];
                    }

                    model.Update(features[..k], gold, guess);
                    model.Tick();
                    correct += gold == guess ? 1 : 0;
                    total++;

                    // Greedy history from our own guesses, as at tagging time.
                    last = guess;
                    previous2 = previous1;
                    previous1 = guess + 1;
                }
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}/{epochs}: train accuracy {(double)correct / total:0.0000}, {model.RowCount} features, {clock.Elapsed.TotalSeconds:0} s"));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using var file = File.Create(output);
        var (kept, entries, scale) = model.Save(file, kind, minimumWeight);
        file.Flush();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {kept} features, {entries} weights, scale {scale:G4}, {file.Length / 1024.0 / 1024.0:0.00} MB, {clock.Elapsed.TotalSeconds:0} s total"));
    }

    /// <summary>Best class; for the recognizer (<paramref name="previous"/> ≥ 0) only BILOU-valid ones.</summary>
    private static int ArgMax(ReadOnlySpan<float> scores, int previous, bool final)
    {
        int best = -1;
        for (int c = 0; c < scores.Length; c++)
        {
            if (previous >= 0 && (!Bilou.IsAllowed(previous, c) || (final && !Bilou.CanEnd(c))))
            {
                continue;
            }

            if (best < 0 || scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    private static List<Example> Prepare(IReadOnlyList<SilverDocument> documents, string textDirectory)
    {
        var examples = new List<Example>();
        foreach (var document in documents)
        {
            var text = SilverCorpus.ReadText(textDirectory, document.Name);
            foreach (var sentence in document.Sentences)
            {
                int n = sentence.Count;
                var info = new TokenInfo[n];
                var pos = new PosTag[n];
                var posGold = new int[n];
                var labels = new EntityType[n];
                for (int i = 0; i < n; i++)
                {
                    var t = sentence[i];
                    TokenInfo.Compute(text, t.Start, t.End, i == 0, out info[i]);
                    pos[i] = PosTags.Parse(t.Pos);
                    posGold[i] = PosTags.ToClass(pos[i]);
                    labels[i] = SilverCorpus.EntityTypeOf(t.Ner);
                }

                var tags = new EntityTag[n];
                Bilou.FromRuns(labels, tags);
                examples.Add(new Example(info, pos, posGold, tags.Select(Bilou.ToClass).ToArray()));
            }
        }

        return examples;
    }
}

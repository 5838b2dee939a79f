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

    public static void Train(
        ModelKind kind, IReadOnlyList<SilverDocument> documents, string textDirectory, string output, int epochs, int seed, float minimumWeight,
        FixedWordRule fixedWords, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var examples = Prepare(documents, textDirectory);
        log.WriteLine($"{examples.Count} sentences, {examples.Sum(e => e.Info.Length)} tokens read in {clock.Elapsed.TotalSeconds:0.0} s");

        (float Slope, float Intercept) confidence = (1f, 0f);
        if (kind == ModelKind.Entities)
        {
            // Entity confidences map the score margin through a logistic curve fitted on every tenth training
            // sentence, scored by a model trained on the other nine (training data would be overconfident).
            log.WriteLine("calibration model (9/10 of the sentences):");
            var calibration = Fit(kind, examples.Where((_, i) => i % 10 != 0).ToList(), epochs, seed, log, clock);
            using var buffer = new MemoryStream();
            calibration.Save(buffer, kind, minimumWeight);
            var held = PerceptronModel.Read(buffer.ToArray(), kind);
            confidence = FitConfidence(held, examples.Where((_, i) => i % 10 == 0).ToList(), log);
            log.WriteLine("final model (all sentences):");
        }

        var model = Fit(kind, examples, epochs, seed, log, clock);
        var (words, wordClasses) = kind == ModelKind.PartOfSpeech
            ? fixedWords.Select(examples.Select(e => (e.Info, e.PosGold)), PosTags.Count, log)
            : ([], []);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using var file = File.Create(output);
        var (kept, entries, scale) = model.Save(file, kind, minimumWeight, confidence.Slope, confidence.Intercept, words, wordClasses);
        file.Flush();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {kept} features, {entries} weights, scale {scale:G4}, {file.Length / 1024.0 / 1024.0:0.00} MB, {clock.Elapsed.TotalSeconds:0} s total"));
    }

    private static AveragedPerceptron Fit(ModelKind kind, List<Example> examples, int epochs, int seed, TextWriter log, Stopwatch clock)
    {
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
                        // Every token, also those the tagger leaves outside without scoring (EntityGate): they teach what
                        // "outside" looks like (training only on the tokens the gate lets through gave 0.004 less entity F1 on dev).
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

        return model;
    }

    /// <summary>
    /// Platt scaling: the logistic curve over the log of the float score margin that best predicts, on held-out
    /// sentences, whether an entity token's predicted class is right (Newton's method on the log loss).
    /// </summary>
    private static (float Slope, float Intercept) FitConfidence(PerceptronModel model, List<Example> held, TextWriter log)
    {
        var samples = new List<(double Margin, bool Correct)>();
        Span<ulong> features = stackalloc ulong[FeatureTemplates.MaxFeatures];
        Span<int> scores = stackalloc int[model.ClassCount];
        foreach (var example in held)
        {
            int previous1 = 0, previous2 = 0, last = 0, n = example.Info.Length;
            for (int i = 0; i < n; i++)
            {
                bool final = i == n - 1;
                int best = 0;
                if (EntityGate.Scores(example.Info[i], last))
                {
                    scores.Clear();
                    model.Score(features[..FeatureTemplates.Ner(example.Info, example.Pos, i, previous1, previous2, features)], scores);
                    best = Tagger.BestAllowed(scores, last, final);
                }

                if (best != 0)
                {
                    // The log of the margin: raw margins are heavy-tailed (some confident errors are huge).
                    samples.Add((Math.Log(1 + (Tagger.Margin(scores, best, last, final) * (double)model.Scale)), best == example.NerGold[i]));
                }

                last = best;
                previous2 = previous1;
                previous1 = best + 1;
            }
        }

        double rate = Math.Clamp(samples.Count(s => s.Correct) / (double)Math.Max(1, samples.Count), 0.01, 0.99);
        double a = 0, b = Math.Log(rate / (1 - rate));
        for (int iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
            foreach (var (m, correct) in samples)
            {
                double p = 1 / (1 + Math.Exp(-((a * m) + b)));
                double r = p - (correct ? 1 : 0), w = p * (1 - p);
                ga += r * m;
                gb += r;
                haa += w * m * m;
                hab += w * m;
                hbb += w;
            }

            double det = (haa * hbb) - (hab * hab);
            double da = ((hbb * ga) - (hab * gb)) / det, db = ((haa * gb) - (hab * ga)) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) < 1e-9 && Math.Abs(db) < 1e-7)
            {
                break;
            }
        }

        double loss = samples.Sum(s =>
        {
            double p = Math.Clamp(1 / (1 + Math.Exp(-((a * s.Margin) + b))), 1e-9, 1 - 1e-9);
            return s.Correct ? -Math.Log(p) : -Math.Log(1 - p);
        }) / Math.Max(1, samples.Count);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"confidence = sigmoid({a:G4} * ln(1 + margin) + {b:G4}) (held-out entity tokens: {samples.Count}, {rate:0.000} right, log loss {loss:0.000})"));
        return ((float)a, (float)b);
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

using System.Globalization;
using QuoteExtract.Attribution;
using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;
using QuoteExtract.Training.Gold;
using QuoteExtract.Training.Training;

namespace QuoteExtract.Training.Attribution;

/// <summary>
/// Trains the attribution scorer's two stages. Every grammar candidate of a training document is labelled correct when
/// the evaluation would count it correct end to end (content Jaccard ≥ 0.5 with a gold content, and its speaker
/// overlaps the gold source or the gold has none). Stage one scores candidates alone; stage two adds
/// <see cref="NeighbourFeatures"/> read from stage one's cross-fitted probabilities. Each stage's logistic calibration,
/// and the selection thresholds, come from cross-fitted margins (five folds). Deterministic for a seed.
/// </summary>
internal static class AttributionTrainer
{
    private sealed record Example(ulong[] Features, bool Positive, bool ContentCorrect, int Document, Candidate Candidate);

    public static int Run(string splitDirectory, string modelPath, string calibrationPath, int epochs, int seed, int members, string? crossFittedPath, string? crossFittedCandidatesPath, TextWriter output)
    {
        var grammar = AttributionGrammar.Create(new QuoteExtractorOptions());
        var extractor = new AttributionExtractor(grammar, AttributionScorer.Prior);
        var documents = BratReader.ReadSplit(splitDirectory).ToList();
        var examples = new List<Example>();
        var goldCounts = new int[documents.Count];
        var golds = new List<List<(HashSet<int> Content, HashSet<int> Source)>>();
        var texts = new List<TaggedText>();
        int covered = 0;
        var buffer = new ulong[AttributionFeatures.MaxFeatures];
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            var tagged = Tagger.Default.Tag(TextAnalyzer.Analyze(doc.Text, SentenceBreaks.Paragraph));
            texts.Add(tagged);
            var toUtf16 = CodePointMap(doc.Text, Path.Combine(splitDirectory, "text", doc.Name + ".txt"));
            var gold = doc.Attributions.Select(a => (Chars(doc.Text, a.Content, toUtf16), Chars(doc.Text, a.Source, toUtf16))).ToList();
            golds.Add(gold);
            goldCounts[d] = gold.Count;
            // A candidate is correct when it matches a gold attribution end to end and no variant of it (same rule,
            // cue and speaker, another content end) matches better: the scorer learns where contents end.
            var candidates = extractor.Candidates(tagged, CancellationToken.None);
            var jaccards = candidates.Select(c => Jaccard(tagged, c, gold)).ToList();
            covered += gold.Count(g => candidates.Any(c => Jaccard(tagged, c, [g]).EndToEnd >= 0.5));
            var best = new Dictionary<(string, int, int), double>();
            for (int i = 0; i < candidates.Count; i++)
            {
                var key = candidates[i].Family;
                best[key] = Math.Max(best.GetValueOrDefault(key), jaccards[i].EndToEnd);
            }

            for (int i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                int n = AttributionFeatures.Collect(tagged, c, buffer);
                var (endToEnd, content) = jaccards[i];
                bool positive = endToEnd >= 0.5 && endToEnd >= best[c.Family] - 0.02;
                examples.Add(new Example(buffer[..n].ToArray(), positive, content >= 0.5, d, c));
            }
        }

        output.WriteLine($"documents {documents.Count}, candidates {examples.Count} ({examples.Count(e => e.Positive)} correct)");
        output.WriteLine($"gold attributions with a correct candidate (recall ceiling of selection): {covered} / {goldCounts.Sum()}");

        // The shipped model learns from every document. Calibration and the selection threshold need scores on
        // documents a model has not seen: each fold's documents are scored by a model trained on the other folds
        // (cross-fitting), so all documents, not a tenth, decide the threshold.
        var scores = new float[2];
        var final = Train(examples, epochs, seed, members, scores, output);
        using (var file = File.Create(modelPath))
        {
            final.Save(file, ModelKind.Attributions, 0f);
        }

        var margins = new double[examples.Count];
        for (int fold = 0; fold < Folds; fold++)
        {
            var inFold = examples.Select((e, i) => (e, i)).Where(x => x.e.Document % Folds == fold).ToList();
            var foldModel = ToModel(Train(examples.Where(e => e.Document % Folds != fold).ToList(), epochs, seed, members, scores, output));
            foreach (var (e, i) in inFold)
            {
                margins[i] = AttributionScorer.Margin(foldModel, texts[e.Document], e.Candidate);
            }
        }

        var (slope, intercept) = FitLogistic(margins, examples.Select(e => e.Positive).ToArray());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibration: p = 1 / (1 + exp(-({slope:0.0000} * margin + {intercept:0.0000})))"));
        for (int i = 0; i < examples.Count; i++)
        {
            var c = examples[i].Candidate;
            c.Score = c.Confidence = AttributionScorer.Logistic(slope, intercept, margins[i]);
        }

        // Stage two: the same features plus what stage one's cross-fitted probabilities say about each candidate's
        // neighbours (NeighbourFeatures), trained like stage one, shipped next to it and calibrated on its own
        // cross-fitted margins; the thresholds below apply to its probabilities.
        var stacked = WithNeighbourFeatures(examples);
        var stageTwo = Train(stacked, epochs, seed, members, scores, output);
        using (var file = File.Create(StageTwoPath(modelPath)))
        {
            stageTwo.Save(file, ModelKind.Attributions, 0f);
        }

        var margins2 = new double[examples.Count];
        for (int fold = 0; fold < Folds; fold++)
        {
            var foldModel = ToModel(Train(stacked.Where(e => e.Document % Folds != fold).ToList(), epochs, seed, members, scores, output));
            for (int i = 0; i < stacked.Count; i++)
            {
                if (stacked[i].Document % Folds == fold)
                {
                    margins2[i] = AttributionScorer.Margin(foldModel, stacked[i].Features);
                }
            }
        }

        var (slope2, intercept2) = FitLogistic(margins2, examples.Select(e => e.Positive).ToArray());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage two calibration: p = 1 / (1 + exp(-({slope2:0.0000} * margin + {intercept2:0.0000})))"));
        for (int i = 0; i < examples.Count; i++)
        {
            examples[i].Candidate.Score = examples[i].Candidate.Confidence = AttributionScorer.Logistic(slope2, intercept2, margins2[i]);
        }

        // The selection thresholds (indirect, direct, mixed) that maximise end-to-end F1 over the cross-fitted scores,
        // by coordinate ascent from one shared threshold.
        // The grid starts at 0.1: below it a kept candidate is one the model itself gives nine chances in ten of being
        // wrong, which the corpus's many cued direct quotes can still pay for but a user reading the output does not.
        var grid = Enumerable.Range(0, 25).Select(i => 0.1 + (GridStep * i)).ToArray();
        int goldTotal = goldCounts.Sum();
        double F1(SelectionThresholds t) => Evaluate(examples, t, goldTotal).Objective;

        // F1 is flat near its top, so a raw argmax flips between neighbouring thresholds with each retraining; the
        // search maximises F1 averaged with its neighbours' (weights 1-2-1), which picks the middle of the plateau.
        double Smoothed(Func<double, SelectionThresholds> at, double t) =>
            (F1(at(t - GridStep)) + (2 * F1(at(t))) + F1(at(t + GridStep))) / 4;
        var chosen = SelectionThresholds.All(grid.MaxBy(t => Smoothed(SelectionThresholds.All, t)));
        for (int round = 0; round < 2; round++)
        {
            chosen = chosen with { Direct = grid.MaxBy(t => Smoothed(x => chosen with { Direct = x }, t)) };
            chosen = chosen with { Mixed = grid.MaxBy(t => Smoothed(x => chosen with { Mixed = x }, t)) };
            chosen = chosen with { Indirect = grid.MaxBy(t => Smoothed(x => chosen with { Indirect = x }, t)) };
        }

        var (bp, br, bestF1, objective) = Evaluate(examples, chosen, goldTotal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cross-fitted selected P {bp:0.000} R {br:0.000} F1 {bestF1:0.000}, content F1 {(2 * objective) - bestF1:0.000}"));

        File.WriteAllText(calibrationPath, string.Create(CultureInfo.InvariantCulture,
            $"# slope intercept indirect-threshold direct-threshold mixed-threshold (written by: train attribution)\n{slope:0.000000} {intercept:0.000000} {chosen.Indirect:0.000} {chosen.Direct:0.000} {chosen.Mixed:0.000}\n# stage two: slope intercept\n{slope2:0.000000} {intercept2:0.000000}\n"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {chosen.Indirect:0.000} direct {chosen.Direct:0.000} mixed {chosen.Mixed:0.000} (cross-fitted F1 {bestF1:0.000})"));
        if (crossFittedCandidatesPath is not null)
        {
            WriteCrossFittedCandidates(crossFittedCandidatesPath, documents, texts, examples);
            output.WriteLine($"cross-fitted candidates (before selection): {crossFittedCandidatesPath}");
        }

        if (crossFittedPath is not null)
        {
            WriteCrossFitted(crossFittedPath, documents, texts, examples, chosen);
            output.WriteLine($"cross-fitted predictions (every document scored by a model that did not see it): {crossFittedPath}");
        }

        return 0;
    }

    /// <summary>
    /// Every document's attributions as the extractor would keep them from its cross-fitted scores, in score.py's
    /// prediction format: the split's own figures (per kind, per cue) from models that did not see each document.
    /// Runs after the thresholds are chosen, because keeping quotations without a cue extends kept candidates.
    /// </summary>
    private static void WriteCrossFitted(string path, List<GoldDocument> documents, List<TaggedText> texts, List<Example> examples, SelectionThresholds thresholds)
    {
        var byDocument = examples.GroupBy(e => e.Document).ToDictionary(g => g.Key, g => g.Select(e => e.Candidate).ToList());
        using var writer = new StreamWriter(path);
        for (int d = 0; d < documents.Count; d++)
        {
            // Rules are written with "+context" where a quotation without a cue of its own extended the kept content.
            var candidates = byDocument.GetValueOrDefault(d) ?? [];
            var scored = new Dictionary<Candidate, (TokenRange, TokenRange)>(ReferenceEqualityComparer.Instance);
            foreach (var c in candidates)
            {
                scored[c] = (c.Content, c.Content2);
            }

            var kept = AttributionExtractor.Choose(texts[d], candidates, thresholds);
            CandidateDump.WriteLine(writer, documents[d].Name + ".txt", texts[d], kept,
                c => scored.TryGetValue(c, out var ranges) && ranges != (c.Content, c.Content2) ? c.Rule + "+context" : c.Rule);
        }
    }

    /// <summary>
    /// Every candidate of every document with its cross-fitted probability, before selection, in the format of the
    /// candidates command: selection rules can be tried on scores no model saw in training, without retraining.
    /// Runs before <see cref="WriteCrossFitted"/>, whose selection trims kept candidates.
    /// </summary>
    private static void WriteCrossFittedCandidates(string path, List<GoldDocument> documents, List<TaggedText> texts, List<Example> examples)
    {
        var byDocument = examples.GroupBy(e => e.Document).ToDictionary(g => g.Key, g => g.Select(e => e.Candidate).ToList());
        using var writer = new StreamWriter(path);
        for (int d = 0; d < documents.Count; d++)
        {
            CandidateDump.WriteLine(writer, documents[d].Name + ".txt", texts[d], byDocument.GetValueOrDefault(d) ?? []);
        }
    }

    private const int Folds = 5;

    /// <summary>The stage-two model's file: <c>attribution.bin</c> → <c>attribution-stage2.bin</c>, in the same directory.</summary>
    public static string StageTwoPath(string modelPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, Path.GetFileNameWithoutExtension(modelPath) + "-stage2" + Path.GetExtension(modelPath));

    /// <summary>Every example with its neighbour features appended, read from the candidates' current (stage-one, cross-fitted) scores.</summary>
    private static List<Example> WithNeighbourFeatures(List<Example> examples)
    {
        var stacked = new Example[examples.Count];
        var neighbour = new ulong[NeighbourFeatures.Count];
        foreach (var document in examples.Select((e, i) => (e, i)).GroupBy(x => x.e.Document))
        {
            var near = new NeighbourIndex();
            near.Build(document.Select(x => x.e.Candidate).ToList());
            foreach (var (e, i) in document)
            {
                var (start, end) = AttributionExtractor.Extent(e.Candidate);
                NeighbourFeatures.Collect(e.Candidate, near.Near(start, end), neighbour);
                stacked[i] = e with { Features = [.. e.Features, .. neighbour] };
            }
        }

        return [.. stacked];
    }

    private const double GridStep = 0.025;

    /// <summary>The mean of <paramref name="members"/> perceptrons, each trained on its own shuffle of the data.</summary>
    private static AveragedPerceptron Train(List<Example> train, int epochs, int seed, int members, float[] scores, TextWriter output)
    {
        var trained = new List<AveragedPerceptron>();
        for (int member = 0; member < members; member++)
        {
            trained.Add(TrainMember(train, epochs, seed + member, scores, output));
        }

        return AveragedPerceptron.Mean(trained);
    }

    /// <summary>The perceptron as the runtime reads it (quantised weights), so margins match what users get.</summary>
    private static PerceptronModel ToModel(AveragedPerceptron perceptron)
    {
        using var stream = new MemoryStream();
        perceptron.Save(stream, ModelKind.Attributions, 0f);
        stream.Position = 0;
        return PerceptronModel.Read(stream, ModelKind.Attributions);
    }

    /// <summary>One perceptron over the training families in the order a seed shuffles them.</summary>
    private static AveragedPerceptron TrainMember(List<Example> train, int epochs, int seed, float[] scores, TextWriter output)
    {
        var perceptron = new AveragedPerceptron(2);
        var random = new Random(seed);
        // Variants of one attribution (same document, rule, cue, speaker; other content ends) form a family. Besides
        // the yes/no update per candidate, the family's best-scored variant must be its correct one (ranking update),
        // because only one variant per cue survives selection.
        var families = train.GroupBy(e => (e.Document, e.Candidate.Family)).Select(g => g.ToList()).ToList();
        double Margin(Example e)
        {
            perceptron.Score(e.Features, scores);
            return scores[1] - scores[0];
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var order = families.OrderBy(_ => random.Next()).ToList();
            int errors = 0, rankErrors = 0;
            foreach (var family in order)
            {
                foreach (var e in family)
                {
                    perceptron.Score(e.Features, scores);
                    int guess = scores[1] > scores[0] ? 1 : 0;
                    int truth = e.Positive ? 1 : 0;
                    errors += guess != truth ? 1 : 0;
                    perceptron.Update(e.Features, truth, guess);
                    perceptron.Tick();
                }

                if (family.Count > 1 && family.Any(e => e.Positive))
                {
                    var top = family.MaxBy(Margin)!;
                    if (!top.Positive)
                    {
                        var best = family.Where(e => e.Positive).MaxBy(Margin)!;
                        perceptron.Update(best.Features, 1, 0);
                        perceptron.Update(top.Features, 0, 1);
                        perceptron.Tick();
                        rankErrors++;
                    }
                }
            }

            if (epoch == epochs - 1)
            {
                output.WriteLine($"member {seed}, last epoch: training errors {errors} / {train.Count}, ranking errors {rankErrors} / {families.Count}");
            }
        }

        return perceptron;
    }

    /// <summary>
    /// Greedy selection per document as the extractor does it; a kept candidate labelled correct is a hit. The
    /// thresholds are chosen for the mean of end-to-end F1 (content and speaker) and content F1 (content alone), the
    /// two figures a user of the records reads: one asks who said it, the other what was said.
    /// </summary>
    private static (double P, double R, double F, double Objective) Evaluate(List<Example> held, SelectionThresholds thresholds, int gold)
    {
        int selected = 0, correct = 0, contentCorrect = 0;
        foreach (var group in held.GroupBy(e => e.Document))
        {
            var byCandidate = group.ToDictionary(e => e.Candidate);
            var kept = AttributionExtractor.Select(group.Select(e => e.Candidate).ToList(), thresholds);
            selected += kept.Count;
            correct += kept.Count(c => byCandidate[c].Positive);
            contentCorrect += kept.Count(c => byCandidate[c].ContentCorrect);
        }

        double F(int hits) => selected + gold == 0 ? 0 : 2.0 * hits / (selected + gold);
        double p = selected == 0 ? 0 : (double)correct / selected, r = gold == 0 ? 0 : (double)correct / gold;
        return (p, r, F(correct), (F(correct) + F(contentCorrect)) / 2);
    }

    /// <summary>
    /// The best content Jaccard with a gold attribution whose source the speaker overlaps or that has none (end to
    /// end), and with any gold attribution (content alone).
    /// </summary>
    private static (double EndToEnd, double Content) Jaccard(TaggedText text, Candidate c, List<(HashSet<int> Content, HashSet<int> Source)> gold)
    {
        var tokens = text.Analysis.Tokens;
        // Fragment by fragment, as the evaluation reads them: the cue between “A,” and “B.” is not content.
        var content = NonSpace(text.Analysis.Text, tokens[c.Content.Start].Start, tokens[c.Content.End - 1].End);
        if (!c.Content2.IsNone)
        {
            content.UnionWith(NonSpace(text.Analysis.Text, tokens[c.Content2.Start].Start, tokens[c.Content2.End - 1].End));
        }

        var speaker = c.Speaker.IsNone ? [] : NonSpace(text.Analysis.Text, tokens[c.Speaker.Start].Start, tokens[c.Speaker.End - 1].End);
        double endToEnd = 0, contentOnly = 0;
        foreach (var (g, source) in gold)
        {
            int inter = content.Count(g.Contains);
            int union = content.Count + g.Count - inter;
            if (union == 0)
            {
                continue;
            }

            double jaccard = (double)inter / union;
            contentOnly = Math.Max(contentOnly, jaccard);
            if (source.Count == 0 || speaker.Overlaps(source))
            {
                endToEnd = Math.Max(endToEnd, jaccard);
            }
        }

        return (endToEnd, contentOnly);
    }

    private static HashSet<int> NonSpace(string text, int start, int end)
    {
        var set = new HashSet<int>();
        for (int i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                set.Add(i);
            }
        }

        return set;
    }

    private static HashSet<int> Chars(string text, IReadOnlyList<GoldSpan> spans, int[] toUtf16)
    {
        var set = new HashSet<int>();
        foreach (var s in spans)
        {
            int start = toUtf16[Math.Clamp(s.Start, 0, toUtf16.Length - 1)], end = toUtf16[Math.Clamp(s.End, 0, toUtf16.Length - 1)];
            set.UnionWith(NonSpace(text, Math.Max(0, start), Math.Min(text.Length, end)));
        }

        return set;
    }

    /// <summary>Gold offsets count code points and a byte-order mark; ours are UTF-16 units after the mark.</summary>
    private static int[] CodePointMap(string text, string path)
    {
        var bytes = File.ReadAllBytes(path);
        int shift = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 1 : 0;
        var map = new List<int>(text.Length + 2);
        for (int i = 0; i < shift; i++)
        {
            map.Add(0);
        }

        for (int i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                i++;
            }
        }

        map.Add(text.Length);
        return map.ToArray();
    }

    /// <summary>
    /// Logistic regression of the label on the margin: Newton's method on the standardised margin with a small ridge
    /// and step limit, so that nearly separable data cannot make it diverge.
    /// </summary>
    private static (double Slope, double Intercept) FitLogistic(double[] raw, bool[] y)
    {
        double mean = raw.Average(), sd = Math.Sqrt(raw.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, raw.Length - 1));
        sd = sd > 0 ? sd : 1;
        var x = raw.Select(v => (v - mean) / sd).ToArray();
        double a = 1, b = 0;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double ga = 1e-3 * a, gb = 0, haa = 1e-3, hab = 0, hbb = 1e-6;
            for (int i = 0; i < x.Length; i++)
            {
                double p = AttributionScorer.Logistic(a, b, x[i]);
                double err = p - (y[i] ? 1 : 0), w = p * (1 - p);
                ga += err * x[i];
                gb += err;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }

            double det = (haa * hbb) - (hab * hab);
            if (Math.Abs(det) < 1e-12)
            {
                break;
            }

            double da = Math.Clamp(((hbb * ga) - (hab * gb)) / det, -1, 1), db = Math.Clamp(((haa * gb) - (hab * ga)) / det, -1, 1);
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return (a / sd, b - (a * mean / sd));
    }
}

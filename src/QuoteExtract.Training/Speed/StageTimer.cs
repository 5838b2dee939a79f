using System.Diagnostics;
using System.Globalization;
using QuoteExtract.Attribution;
using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Training.Speed;

/// <summary>
/// A Stopwatch profile of the pipeline, stage by stage, on one thread: where end-to-end time goes. Each stage
/// runs over the whole corpus with the previous stages' results computed beforehand, so a stage's time is its own;
/// the stages do what <see cref="QuoteExtractor.Extract(string, CancellationToken)"/> does (the same sentence breaks,
/// mentions, records and pooled text buffers), so they add up to it but for the cost of running them in turn per
/// document (the "stages in turn" line, split by stage below the table: each stage finds less of its tables in the
/// caches). The batched line runs each stage over a few documents before the next stage: what stage-major order
/// would give back.
/// BenchmarkDotNet (benchmarks/QuoteExtract.Benchmarks) has the real benchmarks; this is the quick look.
/// </summary>
internal static class StageTimer
{
    /// <summary>Documents per batch of the batched line.</summary>
    private const int Batch = 32;

    /// <summary>Times each stage whose name contains <paramref name="only"/> (every stage when it is null).</summary>
    public static int Run(string directory, int rounds, string? only, TextWriter output)
    {
        var texts = Directory.GetFiles(directory, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var extractor = QuoteExtractor.CreateDefault();
        var grammar = AttributionGrammar.Create(new QuoteExtractorOptions());
        var attribution = new AttributionExtractor(grammar, AttributionScorer.Default);
        var pipeline = new ExtractionPipeline(new QuoteExtractorOptions());
        var vm = grammar.Patterns.CreateVm();
        var pikeVm = new PikeVm(grammar.Patterns) { UseBacktracking = false };
        var matches = new MatchSet();
        var buffers = new TextBuffers();

        // Inputs of each stage, computed once (and the warm-up of every stage).
        var analyses = texts.Select(t => TextAnalyzer.Analyze(t, SentenceBreaks.Paragraph)).ToArray();
        var tagged = analyses.Select(a => Tagger.Default.Tag(a)).ToArray();
        var states = tagged.Select(t => new CandidateReader(grammar, t).QuoteStates()).ToArray();
        var found = tagged.Select(t => attribution.Extract(t, default)).ToArray();
        var resolutions = found.Select((f, d) => pipeline.Resolve(tagged[d], f, default)).ToArray();
        long tokens = analyses.Sum(a => (long)a.Tokens.Length);
        long words = texts.Sum(CountWords);
        output.WriteLine($"{texts.Length} documents, {tokens} tokens, {words} words, {texts.Sum(t => (long)t.Length)} characters; {rounds} rounds, median shown");

        var split = new double[5];
        var stages = new (string Name, Action Body)[]
        {
            ("text analysis", () =>
            {
                foreach (var t in texts)
                {
                    TextAnalyzer.Analyze(t, SentenceBreaks.Paragraph, buffers, default);
                }
            }),
            ("tagging (POS + NER)", () =>
            {
                foreach (var a in analyses)
                {
                    Tagger.Default.Tag(a);
                }
            }),
            ("pattern engine, both passes", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    int n = tagged[d].Analysis.Tokens.Length;
                    matches.Clear();
                    grammar.Patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Sentence, vm);
                    matches.Clear();
                    grammar.Patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Range, vm, grammar.WholeTextRules);
                }
            }),
            ("pattern engine, both, Pike VM captures", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    int n = tagged[d].Analysis.Tokens.Length;
                    matches.Clear();
                    grammar.Patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Sentence, pikeVm);
                    matches.Clear();
                    grammar.Patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Range, pikeVm, grammar.WholeTextRules);
                }
            }),
            ("pattern engine, sentence pass only", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    matches.Clear();
                    grammar.Patterns.Match(tagged[d], states[d], 0, tagged[d].Analysis.Tokens.Length, matches, MatchScope.Sentence, vm);
                }
            }),
            ("attribution (incl. pattern engine)", () =>
            {
                foreach (var t in tagged)
                {
                    attribution.Extract(t, default);
                }
            }),
            ("speaker resolution", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    pipeline.Resolve(tagged[d], found[d], default);
                }
            }),
            ("records (quotes, spans, entities)", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    pipeline.Records(analyses[d], found[d], resolutions[d]);
                }
            }),
            ("stages in turn, per document", () =>
            {
                Array.Clear(split);
                foreach (var t in texts)
                {
                    var clock = new SplitClock(split);
                    var a = TextAnalyzer.Analyze(t, SentenceBreaks.Paragraph, buffers, default);
                    clock.Lap(0);
                    var g = Tagger.Default.Tag(a);
                    clock.Lap(1);
                    var f = attribution.Extract(g, default);
                    clock.Lap(2);
                    var resolution = pipeline.Resolve(g, f, default);
                    clock.Lap(3);
                    pipeline.Records(a, f, resolution);
                    clock.Lap(4);
                }
            }),
            ($"stages in turn, {Batch} documents at a time", () =>
            {
                for (int first = 0; first < texts.Length; first += Batch)
                {
                    var batch = texts.AsSpan(first, Math.Min(Batch, texts.Length - first));
                    var a = new AnalyzedText[batch.Length];
                    var g = new TaggedText[batch.Length];
                    var f = new List<Candidate>[batch.Length];
                    for (int d = 0; d < batch.Length; d++)
                    {
                        a[d] = TextAnalyzer.Analyze(batch[d], SentenceBreaks.Paragraph);
                    }

                    for (int d = 0; d < batch.Length; d++)
                    {
                        g[d] = Tagger.Default.Tag(a[d]);
                    }

                    for (int d = 0; d < batch.Length; d++)
                    {
                        f[d] = attribution.Extract(g[d], default);
                    }

                    for (int d = 0; d < batch.Length; d++)
                    {
                        pipeline.Records(a[d], f[d], pipeline.Resolve(g[d], f[d], default));
                    }
                }
            }),
            ("end to end (Extract)", () =>
            {
                foreach (var t in texts)
                {
                    extractor.Extract(t);
                }
            }),
        };

        output.WriteLine("Rates are per thread CPU time where the OS gives it (Linux), so that a busy machine skews them less; wall is elapsed time.");
        output.WriteLine($"{"stage",-36} {"wall ms",9} {"CPU ms",9} {"tokens/s",10} {"words/s",10} {"alloc/pass",12}");
        foreach (var (name, body) in stages)
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Warm up long enough for tiered compilation to reach optimized code (a few passes are not).
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 3 || warm.Elapsed.TotalSeconds < 1.5; i++)
            {
                body();
            }

            var wall = new double[rounds];
            var cpu = new double[rounds];
            long allocated = 0;
            for (int r = 0; r < rounds; r++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                double? cpuBefore = ThreadClock.Milliseconds();
                var clock = Stopwatch.StartNew();
                body();
                wall[r] = clock.Elapsed.TotalMilliseconds;
                cpu[r] = ThreadClock.Milliseconds() - cpuBefore ?? wall[r];
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Array.Sort(wall);
            Array.Sort(cpu);
            double ms = cpu[rounds / 2];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-36} {wall[rounds / 2],9:0.0} {ms,9:0.0} {Rate(tokens, ms),10} {Rate(words, ms),10} {Bytes(allocated),12}"));
        }

        if (split.Sum() == 0)
        {
            return 0; // the "stages in turn" line was not run
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stages in turn, CPU ms of the last pass: text analysis {split[0]:0.0}, tagging {split[1]:0.0}, attribution {split[2]:0.0}, speaker resolution {split[3]:0.0}, records {split[4]:0.0}"));

        return 0;
    }

    private static string Rate(long count, double ms) => string.Create(CultureInfo.InvariantCulture, $"{count / ms / 1000:0.00}M");

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 10):0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    /// <summary>Adds the thread CPU time since the previous lap to a stage's total (wall time where there is no thread clock).</summary>
    private struct SplitClock(double[] totals)
    {
        private double _last = Now();

        public void Lap(int stage)
        {
            double now = Now();
            totals[stage] += now - _last;
            _last = now;
        }

        private static double Now() => ThreadClock.Milliseconds() ?? Stopwatch.GetElapsedTime(0).TotalMilliseconds;
    }

    /// <summary>Whitespace-separated words, as the benchmarks count them.</summary>
    internal static long CountWords(string text)
    {
        long count = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool wordChar = !char.IsWhiteSpace(c);
            count += wordChar && !inWord ? 1 : 0;
            inWord = wordChar;
        }

        return count;
    }
}

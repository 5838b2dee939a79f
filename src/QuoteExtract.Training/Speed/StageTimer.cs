using System.Diagnostics;
using System.Globalization;
using QuoteExtract.Attribution;
using QuoteExtract.Matching;
using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Training.Speed;

/// <summary>
/// A Stopwatch profile of the pipeline, stage by stage, on one thread: where end-to-end time goes. Each stage
/// runs over the whole corpus with the previous stages' results computed beforehand, so a stage's time is its own.
/// BenchmarkDotNet (benchmarks/QuoteExtract.Benchmarks) has the real benchmarks; this is the quick look.
/// </summary>
internal static class StageTimer
{
    public static int Run(string directory, int rounds, TextWriter output)
    {
        var texts = Directory.GetFiles(directory, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var extractor = QuoteExtractor.CreateDefault();
        var grammar = AttributionGrammar.Create(new QuoteExtractorOptions());
        var attribution = new AttributionExtractor(grammar, AttributionScorer.Default);
        var resolver = new SpeakerResolver();
        var vm = grammar.Patterns.CreateVm();
        var pikeVm = new PikeVm(grammar.Patterns) { UseBacktracking = false };
        var matches = new MatchSet();

        // Inputs of each stage, computed once (and the warm-up of every stage).
        var analyses = texts.Select(t => TextAnalyzer.Analyze(t)).ToArray();
        var tagged = analyses.Select(a => Tagger.Default.Tag(a)).ToArray();
        var states = tagged.Select(t => new CandidateReader(grammar, t).QuoteStates()).ToArray();
        var found = tagged.Select(t => attribution.Extract(t, default)).ToArray();
        var mentions = found.Select((f, d) => f.Select(c => Mention(analyses[d], c.Speaker)).ToList()).ToArray();
        long tokens = analyses.Sum(a => (long)a.Tokens.Length);
        long words = texts.Sum(CountWords);
        output.WriteLine($"{texts.Length} documents, {tokens} tokens, {words} words, {texts.Sum(t => (long)t.Length)} characters; {rounds} rounds, median shown");

        var stages = new (string Name, Action Body)[]
        {
            ("text analysis", () =>
            {
                foreach (var t in texts)
                {
                    TextAnalyzer.Analyze(t);
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
                    if (mentions[d].Count > 0)
                    {
                        resolver.Resolve(tagged[d], mentions[d], default);
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

        return 0;
    }

    private static string Rate(long count, double ms) => string.Create(CultureInfo.InvariantCulture, $"{count / ms / 1000:0.00}M");

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 10):0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    private static SpeakerMention Mention(AnalyzedText analysis, TokenRange speaker)
    {
        if (speaker.IsNone)
        {
            return SpeakerMention.None;
        }

        var tokens = analysis.Tokens;
        return new SpeakerMention(speaker.Start, speaker.Length, tokens[speaker.Start].Start, tokens[speaker.End - 1].End);
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

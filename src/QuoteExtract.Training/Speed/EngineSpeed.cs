using System.Diagnostics;
using System.Globalization;
using QuoteExtract.Attribution;
using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Training.Speed;

/// <summary>
/// The pattern engine alone on the shipped grammar, as <c>DefaultGrammarBenchmarks</c> runs it (both passes the attribution
/// layer makes, one VM), timed in the thread's CPU time so that a busy machine skews it less, with its parts: the token
/// features and classes alone, and each pass run twice (the second run of a pass reuses the features, so the difference
/// from the first row is that pass alone, with its caches warm). For iterating on the engine; BenchmarkDotNet has the
/// figures that count.
/// </summary>
internal static class EngineSpeed
{
    /// <summary>Times each part (only the first, both passes, with <paramref name="benchmarkOnly"/>) and prints the figures.</summary>
    public static int Run(string directory, int rounds, bool benchmarkOnly, TextWriter output)
    {
        var texts = Directory.GetFiles(directory, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var grammar = AttributionGrammar.Create(new QuoteExtractorOptions());
        var patterns = grammar.Patterns;
        var tagged = texts.Select(t => Tagger.Default.Tag(TextAnalyzer.Analyze(t))).ToArray();
        var states = tagged.Select(t => new CandidateReader(grammar, t).QuoteStates()).ToArray();
        long tokens = tagged.Sum(t => (long)t.Analysis.Tokens.Length);
        var vm = patterns.CreateVm();
        var matches = new MatchSet();
        int longest = tagged.Max(t => t.Analysis.Tokens.Length);
        var bits = new ulong[longest * patterns.RowWords];
        var flags = new byte[longest];
        var classes = new int[longest];
        var alphabet = new TokenAlphabet(patterns.TestedBits);
        var memo = new WordMemo();

        long found = 0, steps = 0;
        void BothPasses()
        {
            found = 0;
            steps = 0;
            for (int d = 0; d < tagged.Length; d++)
            {
                int n = tagged[d].Analysis.Tokens.Length;
                matches.Clear();
                patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Sentence, vm);
                found += matches.Count;
                steps += matches.Steps;
                matches.Clear();
                patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Range, vm, grammar.WholeTextRules);
                found += matches.Count;
                steps += matches.Steps;
            }
        }

        var parts = new (string Name, Action Body)[]
        {
            ("both passes (the benchmark)", BothPasses),
            ("token features and classes only", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    patterns.Features.Compute(tagged[d], states[d], 0, tagged[d].Analysis.Tokens.Length, bits, flags, classes, alphabet, memo);
                }
            }),
            ("both passes, sentence pass twice", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    int n = tagged[d].Analysis.Tokens.Length;
                    matches.Clear();
                    patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Sentence, vm);
                    matches.Clear();
                    patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Sentence, vm);
                    matches.Clear();
                    patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Range, vm, grammar.WholeTextRules);
                }
            }),
            ("both passes, whole-text pass twice", () =>
            {
                for (int d = 0; d < tagged.Length; d++)
                {
                    int n = tagged[d].Analysis.Tokens.Length;
                    matches.Clear();
                    patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Sentence, vm);
                    for (int again = 0; again < 2; again++)
                    {
                        matches.Clear();
                        patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Range, vm, grammar.WholeTextRules);
                    }
                }
            }),
        };

        output.WriteLine($"{tagged.Length} documents, {tokens} tokens; {found} matches and {steps} steps per pass; {rounds} rounds");
        foreach (var (name, body) in benchmarkOnly ? parts[..1] : parts)
        {
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 5 || warm.Elapsed.TotalSeconds < 2; i++)
            {
                body();
            }

            var cpu = new double[rounds];
            long allocated = 0;
            for (int r = 0; r < rounds; r++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var wall = Stopwatch.StartNew();
                double? start = ThreadClock.Milliseconds();
                body();
                cpu[r] = ThreadClock.Milliseconds() - start ?? wall.Elapsed.TotalMilliseconds;
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Array.Sort(cpu);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-36} CPU ms: min {cpu[0],6:0.00}  median {cpu[rounds / 2],6:0.00}  ({tokens / cpu[rounds / 2] / 1000:0.00}M tokens/s)  {allocated / rounds} B/pass"));
        }

        output.WriteLine($"DFA: {vm.Dfa.StateCount} states, {vm.Dfa.Misses} transitions built, {vm.Dfa.Resets} resets; {vm.Alphabet.Count} token classes; VM tokens {vm.VmTokens}");
        return 0;
    }
}

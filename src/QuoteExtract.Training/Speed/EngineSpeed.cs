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
    /// <summary>
    /// Times each part (only the first, both passes, with <paramref name="benchmarkOnly"/>; only those whose name contains
    /// <paramref name="only"/> when given) and prints the figures, with the DFA transitions each part still builds.
    /// </summary>
    public static int Run(string directory, int rounds, bool benchmarkOnly, string? only, TextWriter output)
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
        PikeVm? cold = null; // the cold part's last VM
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
            ("both passes, new VM (cold DFA)", () =>
            {
                cold = patterns.CreateVm();
                for (int d = 0; d < tagged.Length; d++)
                {
                    int n = tagged[d].Analysis.Tokens.Length;
                    matches.Clear();
                    patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Sentence, cold);
                    matches.Clear();
                    patterns.Match(tagged[d], states[d], 0, n, matches, MatchScope.Range, cold, grammar.WholeTextRules);
                }
            }),
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
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

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

            // The DFA work a pass still does (none once the caches are warm, unless they are dropped): one more pass, counted.
            var dfaBefore = Totals(vm);
            body();
            var dfaAfter = ReferenceEquals(cold, null) || !name.Contains("cold", StringComparison.Ordinal) ? Totals(vm) : Totals(cold);
            if (!ReferenceEquals(dfaAfter.Vm, dfaBefore.Vm))
            {
                dfaBefore = default; // a new VM: all it built, it built in this pass
            }

            output.WriteLine($"{"",-36} DFA per pass: {dfaAfter.Misses - dfaBefore.Misses} transitions built, {dfaAfter.Resets - dfaBefore.Resets} cache resets, {dfaAfter.Clears - dfaBefore.Clears} alphabet clears");
        }

        foreach (var group in vm.Dfas.GroupBy(d => d.Name))
        {
            output.WriteLine($"DFA {group.Key}: {group.Count()} DFAs, {group.Sum(d => d.Dfa.StateCount)} states, {group.Sum(d => d.Dfa.Misses)} transitions built, {group.Sum(d => d.Dfa.Resets)} resets");
        }

        output.WriteLine($"DFA: {vm.Dfa.StateCount} states, {vm.Dfa.Misses} transitions built, {vm.Dfa.Resets} resets; {vm.Alphabet.Count} token classes; VM tokens {vm.VmTokens}");
        return 0;
    }

    /// <summary>The transitions built and cache resets of all of <paramref name="vm"/>'s DFAs so far, and its alphabet's clears.</summary>
    private static (PikeVm? Vm, long Misses, long Resets, int Clears) Totals(PikeVm vm) =>
        (vm, vm.Dfas.Sum(d => d.Dfa.Misses), vm.Dfas.Sum(d => (long)d.Dfa.Resets), vm.Alphabet.Clears);
}

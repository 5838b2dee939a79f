using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Fuzz;

/// <summary>
/// A long CsCheck run over <see cref="FuzzText.Document"/>: every input goes through <see cref="FuzzTarget"/>; an
/// exception, a broken invariant, an input slower than the watchdog allows, or work out of proportion to the input
/// is a finding. Findings are shrunk (chunks removed while the same failure remains), written to the findings folder
/// as C# string literals, and the run goes on; a summary closes it.
/// </summary>
internal static class FuzzCommand
{
    public static int Run(string[] args)
    {
        double minutes = Options.Double(args, "--minutes", 5);
        var seed = Options.String(args, "--seed", null);
        int threads = (int)Options.Double(args, "--threads", 1);
        var folder = Options.String(args, "--findings", "fuzz-findings")!;
        double watchdog = Options.Double(args, "--watchdog", 20);
        Directory.CreateDirectory(folder);

        var target = new FuzzTarget();
        var findings = new ConcurrentDictionary<string, string>();
        var running = new ConcurrentDictionary<int, (string Text, long Started)>();
        long iterations = 0, characters = 0, units = 0;
        double worstRatio = 0;
        string worstInput = "";
        var clock = Stopwatch.StartNew();
        using var monitor = new Timer(_ =>
        {
            foreach (var (thread, (text, started)) in running)
            {
                if (Stopwatch.GetElapsedTime(started).TotalSeconds > watchdog)
                {
                    Record(findings, folder, "slow", $"still running after {watchdog} s", text, shrink: false, target);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clock.Elapsed:hh\\:mm\\:ss} {Interlocked.Read(ref iterations):N0} inputs, {Interlocked.Read(ref characters) / 1e6:F1}M characters, {findings.Count} finding(s)"));
        }, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        Console.WriteLine($"fuzzing for {minutes} min on {threads} thread(s); findings in {Path.GetFullPath(folder)}");
        Check.Sample(
            FuzzText.Document,
            text =>
            {
                running[Environment.CurrentManagedThreadId] = (text, Stopwatch.GetTimestamp());
                try
                {
                    long work = target.Run(text);
                    double ratio = work / (double)(text.Length + 64);
                    if (ratio > MaxRatio(ref worstRatio, ratio))
                    {
                        worstInput = text;
                    }

                    if (ratio > FuzzTarget.MaxUnitsPerCharacter)
                    {
                        Record(findings, folder, "superlinear", $"{work} work units for {text.Length} characters", text, shrink: false, target);
                    }

                    Interlocked.Add(ref units, work);
                }
                catch (Exception e)
                {
                    Record(findings, folder, "failure", Signature(e), text, shrink: true, target);
                }
                finally
                {
                    running.TryRemove(Environment.CurrentManagedThreadId, out _);
                    Interlocked.Increment(ref iterations);
                    Interlocked.Add(ref characters, text.Length);
                }
            },
            seed: seed,
            time: (int)(minutes * 60),
            threads: threads,
            writeLine: Console.WriteLine,
            print: text => $"\"{Escaping.Escape(text.Length > 300 ? text[..300] : text)}\"");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: {clock.Elapsed.TotalMinutes:F1} min, {iterations:N0} inputs, {characters / 1e6:F1}M characters, "
            + $"{units / (double)Math.Max(1, characters):F0} work units per character on average, worst {worstRatio:F0}; {findings.Count} distinct finding(s)"));
        Console.WriteLine($"  most work per character: \"{Escaping.Escape(worstInput.Length > 400 ? worstInput[..400] + "…" : worstInput)}\" ({worstInput.Length} characters)");
        foreach (var (signature, file) in findings)
        {
            Console.WriteLine($"  {file}: {signature}");
        }

        return findings.IsEmpty ? 0 : 1;
    }

    /// <summary>Replays every finding in a folder through the checks: 0 when all now pass.</summary>
    public static int Replay(string[] args)
    {
        var folder = Options.String(args, "--findings", "fuzz-findings")!;
        var target = new FuzzTarget();
        int failing = 0;
        foreach (var file in Directory.GetFiles(folder, "*.input.txt").Order(StringComparer.Ordinal))
        {
            var text = Escaping.Unescape(File.ReadAllText(file));
            try
            {
                target.Run(text);
                Console.WriteLine($"pass  {Path.GetFileName(file)}");
            }
            catch (Exception e)
            {
                failing++;
                Console.WriteLine($"FAIL  {Path.GetFileName(file)}: {Signature(e)}");
            }
        }

        return failing == 0 ? 0 : 1;
    }

    private static double MaxRatio(ref double worst, double ratio)
    {
        double before;
        do
        {
            before = Volatile.Read(ref worst);
        }
        while (ratio > before && Interlocked.CompareExchange(ref worst, ratio, before) != before);

        return before;
    }

    /// <summary>The exception type and the first frame in the library: one signature per distinct bug.</summary>
    private static string Signature(Exception e)
    {
        if (e is InvariantViolationException)
        {
            return "invariant: " + new string(e.Message.TakeWhile(c => !char.IsDigit(c) && c != '\n').ToArray()).Trim();
        }

        var frame = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at QuoteExtract.", StringComparison.Ordinal)) ?? "";
        int paren = frame.IndexOf('(', StringComparison.Ordinal);
        return $"{e.GetType().Name} {(paren > 0 ? frame[..paren] : frame)}";
    }

    private static void Record(ConcurrentDictionary<string, string> findings, string folder, string kind, string signature, string text, bool shrink, FuzzTarget target)
    {
        var key = kind + ": " + signature;
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12].ToLowerInvariant();
        var file = $"{kind}-{id}";
        if (!findings.TryAdd(key, file))
        {
            return;
        }

        var input = shrink ? Shrink(text, signature, target) : text;
        File.WriteAllText(Path.Combine(folder, file + ".input.txt"), Escaping.Escape(input));
        File.WriteAllText(Path.Combine(folder, file + ".about.txt"), $"{key}\noriginal length {text.Length}, shrunk {input.Length}\n");
        Console.WriteLine($"FINDING {file}: {key} ({input.Length} characters)");
    }

    /// <summary>Removes ever smaller chunks while the same failure remains (at most a few thousand tries).</summary>
    private static string Shrink(string text, string signature, FuzzTarget target)
    {
        bool Fails(string candidate)
        {
            try
            {
                target.Run(candidate);
                return false;
            }
            catch (Exception e)
            {
                return Signature(e) == signature;
            }
        }

        int tries = 0;
        for (int chunk = Math.Max(1, text.Length / 2); chunk >= 1 && tries < 3000; chunk /= 2)
        {
            for (int at = 0; at < text.Length && tries < 3000;)
            {
                var candidate = text.Remove(at, Math.Min(chunk, text.Length - at));
                tries++;
                if (Fails(candidate))
                {
                    text = candidate;
                }
                else
                {
                    at += chunk;
                }
            }
        }

        return text;
    }
}

using System.Diagnostics;
using System.Globalization;
using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Fuzz;

/// <summary>
/// Runs each full-size hostile input in a fresh child process (so that each peak working set is its own) and prints
/// the time, the peak working set during extraction, the work units per input character and what came out. The
/// input is built before the clock starts.
/// </summary>
internal static class StressCommand
{
    public static int Run(string[] args)
    {
        double scale = Options.Double(args, "--scale", 1.0);
        var only = Options.String(args, "--case", null);
        int timeout = (int)Options.Double(args, "--timeout", 600);
        Console.WriteLine($"{"case",-28} {"input",12} {"seconds",8} {"peak MB",8} {"work/ch",7} {"quotes",7}  diagnostics");
        int failures = 0;
        foreach (var c in StressCase.All.Where(c => only is null || c.Name == only))
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in new[] { "stress-one", c.Name, scale.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(a);
            }

            // The entry assembly is a dll when started through `dotnet run` on some hosts.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Insert(0, typeof(StressCommand).Assembly.Location);
            }

            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEndAsync();
            var error = child.StandardError.ReadToEndAsync();
            if (!child.WaitForExit(timeout * 1000))
            {
                child.Kill(entireProcessTree: true);
                Console.WriteLine($"{c.Name,-28} TIMEOUT after {timeout} s");
                failures++;
                continue;
            }

            Console.Write(output.Result);
            if (child.ExitCode != 0)
            {
                Console.WriteLine($"{c.Name,-28} FAILED (exit {child.ExitCode}): {error.Result.Split('\n')[0]}");
                failures++;
            }
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// On Linux, restarts the peak working set (VmHWM) from the current one, so that the figure covers the extraction
    /// (with its input held in memory) and not the building of the input.
    /// </summary>
    private static void ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Elsewhere the peak includes building the input.
        }
    }

    /// <summary>The child: one case, one line; then the result is checked against the invariants.</summary>
    public static int RunOne(string name, double scale)
    {
        var c = StressCase.All.Single(c => c.Name == name);
        var input = c.Run(scale);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        ResetPeakWorkingSet();
        var meter = new WorkMeter();
        var clock = Stopwatch.StartNew();
        QuoteExtractionResult result;
        using (meter.Attach())
        {
            result = input.Extract();
        }

        clock.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var diagnostics = string.Join(", ", result.Diagnostics.Select(d => d.Code));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Name,-28} {input.Size,12:N0} {clock.Elapsed.TotalSeconds,8:F2} {self.PeakWorkingSet64 / (1024.0 * 1024.0),8:F0} {meter.Units / (double)Math.Max(1, input.Size),7:F0} {result.Quotes.Count,7}  {diagnostics}"));
        ResultInvariants.Check(input.Text(), result);
        return 0;
    }
}

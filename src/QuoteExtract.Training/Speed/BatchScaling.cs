using System.Diagnostics;
using System.Globalization;

namespace QuoteExtract.Training.Speed;

/// <summary>
/// The batch API's scaling, wall clock: <see cref="QuoteExtractor.ExtractMany"/> over a folder of texts with one and
/// with two (or more) worker threads, passes alternating so that both see the same machine, median of each.
/// </summary>
internal static class BatchScaling
{
    public static int Run(string textDirectory, int rounds, int threads, TextWriter output)
    {
        var documents = Directory.EnumerateFiles(textDirectory, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToList();
        long words = documents.Sum(d => (long)d.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var extractor = QuoteExtractor.CreateDefault();
        Pass(extractor, documents, 1);
        Pass(extractor, documents, threads);
        var one = new List<double>();
        var many = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            one.Add(Pass(extractor, documents, 1));
            many.Add(Pass(extractor, documents, threads));
        }

        double m1 = Median(one), mN = Median(many);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents {documents.Count}, words {words:N0}, processors {Environment.ProcessorCount}, rounds {rounds}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1 thread: median {m1:F1} ms, {words / (m1 / 1000):N0} words/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{threads} threads: median {mN:F1} ms, {words / (mN / 1000):N0} words/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed-up: {m1 / mN:F2}"));
        return 0;
    }

    private static double Pass(QuoteExtractor extractor, List<string> documents, int threads)
    {
        var clock = Stopwatch.StartNew();
        int quotes = 0;
        foreach (var result in extractor.ExtractMany(documents, new BatchOptions { MaxDegreeOfParallelism = threads }))
        {
            quotes += result.Quotes.Count;
        }

        GC.KeepAlive(quotes);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

using BenchmarkDotNet.Attributes;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// <see cref="QuoteExtractor.ExtractMany"/> over the benchmark corpus with one and with two worker threads: the
/// ratio of the two medians is the batch API's scaling (issue #7 asks at least 1.7 on two cores). The machine's
/// other work competes for the second core, so compare the two rows of one run, not rows across runs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(TokensPerSecondConfig))]
public class BatchBenchmarks
{
    private readonly QuoteExtractor _extractor = QuoteExtractor.CreateDefault();

    /// <summary>Documents extracted at the same time.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => Console.WriteLine($"// Batch corpus: {BenchmarkCorpus.Documents.Count} documents, {BenchmarkCorpus.WordCount} words; processors {Environment.ProcessorCount}, server GC {System.Runtime.GCSettings.IsServerGC}");

    [Benchmark(Description = "ExtractMany (corpus)")]
    public int ExtractMany()
    {
        int quotes = 0;
        foreach (var result in _extractor.ExtractMany(BenchmarkCorpus.Documents, new BatchOptions { MaxDegreeOfParallelism = Threads }))
        {
            quotes += result.Quotes.Count;
        }

        return quotes;
    }
}

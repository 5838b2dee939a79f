using BenchmarkDotNet.Attributes;

namespace QuoteExtract.Benchmarks;

/// <summary>The whole pipeline, end to end, over the benchmark corpus.</summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(TokensPerSecondConfig))]
public class PipelineBenchmarks
{
    private readonly QuoteExtractor _extractor = QuoteExtractor.CreateDefault();

    /// <summary>Words in the corpus, to turn the median into words per second.</summary>
    public static long Words => BenchmarkCorpus.WordCount;

    [Benchmark(Description = "End to end (corpus)")]
    public int EndToEnd()
    {
        int quotes = 0;
        foreach (var text in BenchmarkCorpus.Documents)
        {
            quotes += _extractor.Extract(text).Quotes.Count;
        }

        return quotes;
    }
}

using BenchmarkDotNet.Attributes;
using QuoteExtract.Text;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The text layer over the benchmark corpus. Tokens per second = <see cref="Tokens"/> / median;
/// the tokenizer and splitter reuse their buffers, so they should report no allocation at all.
/// </summary>
[MemoryDiagnoser]
public class TextLayerBenchmarks
{
    private Token[] _tokens = new Token[1024];
    private Sentence[] _sentences = new Sentence[64];

    /// <summary>Tokens in the corpus, to turn a median into tokens per second.</summary>
    public static long Tokens { get; } = BenchmarkCorpus.Documents.Sum(text => (long)TextAnalyzer.Analyze(text).Tokens.Length);

    [GlobalSetup]
    public void Setup()
    {
        Console.WriteLine($"// Text layer corpus: {BenchmarkCorpus.Documents.Count} documents, {Tokens} tokens.");

        // Warm the buffers to their final size so that the measured runs do not grow them.
        Tokenize();
        TokenizeAndSplit();
    }

    [Benchmark(Description = "Tokenizer (corpus)")]
    public int Tokenize()
    {
        int total = 0;
        foreach (var text in BenchmarkCorpus.Documents)
        {
            total += Tokenizer.Tokenize(text, ref _tokens);
        }

        return total;
    }

    [Benchmark(Description = "Tokenizer + sentences (corpus)")]
    public int TokenizeAndSplit()
    {
        int total = 0;
        foreach (var text in BenchmarkCorpus.Documents)
        {
            int count = Tokenizer.Tokenize(text, ref _tokens);
            total += SentenceSplitter.Split(text, _tokens.AsSpan(0, count), SentenceBreaks.CoreNlp, ref _sentences);
        }

        return total;
    }

    [Benchmark(Description = "TextAnalyzer.Analyze: tokens + sentences + paragraphs + quotes (corpus)")]
    public int Analyze()
    {
        int total = 0;
        foreach (var text in BenchmarkCorpus.Documents)
        {
            total += TextAnalyzer.Analyze(text).Quotations.Length;
        }

        return total;
    }
}

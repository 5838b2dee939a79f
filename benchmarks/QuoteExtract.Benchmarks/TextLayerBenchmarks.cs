using BenchmarkDotNet.Attributes;
using QuoteExtract.Text;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The text layer over the benchmark corpus. Tokens per second = <see cref="Tokens"/> / median;
/// the tokenizer and splitter reuse their buffers, so they should report no allocation at all.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(TokensPerSecondConfig))]
public class TextLayerBenchmarks
{
    private readonly IReadOnlyList<string> _documents = BenchmarkCorpus.Documents;
    private Token[] _tokens = new Token[1024];
    private Sentence[] _sentences = new Sentence[64];

    /// <summary>Tokens in the corpus, to turn a median into tokens per second (printed by the setup).</summary>
    public static long Tokens { get; } = BenchmarkCorpus.Documents.Sum(text => (long)TextAnalyzer.Analyze(text).Tokens.Length);

    [GlobalSetup]
    public void Setup()
    {
        Console.WriteLine($"// Text layer corpus: {BenchmarkCorpus.Documents.Count} documents, {Tokens} tokens.");

        // Warm the buffers to their final size so that the measured runs do not grow them.
        // (The loops index the list: a foreach over IReadOnlyList would box its enumerator.)
        Tokenize();
        TokenizeAndSplit();
    }

    [Benchmark(Description = "Tokenizer (corpus)")]
    public int Tokenize()
    {
        int total = 0;
        for (int d = 0; d < _documents.Count; d++)
        {
            var text = _documents[d];
            total += Tokenizer.Tokenize(text, ref _tokens);
        }

        return total;
    }

    [Benchmark(Description = "Tokenizer + sentences (corpus)")]
    public int TokenizeAndSplit()
    {
        int total = 0;
        for (int d = 0; d < _documents.Count; d++)
        {
            var text = _documents[d];
            int count = Tokenizer.Tokenize(text, ref _tokens);
            total += SentenceSplitter.Split(text, _tokens.AsSpan(0, count), SentenceBreaks.CoreNlp, ref _sentences);
        }

        return total;
    }

    [Benchmark(Description = "TextAnalyzer.Analyze: tokens + sentences + paragraphs + quotes (corpus)")]
    public int Analyze()
    {
        int total = 0;
        for (int d = 0; d < _documents.Count; d++)
        {
            var text = _documents[d];
            total += TextAnalyzer.Analyze(text).Quotations.Length;
        }

        return total;
    }
}

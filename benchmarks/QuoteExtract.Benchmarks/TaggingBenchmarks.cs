using BenchmarkDotNet.Attributes;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// Part-of-speech tagging and entity recognition over the benchmark corpus (text analysis done once in
/// setup, so only the tagger is measured), and the cost of loading the embedded models.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TaggingBenchmarks
{
    private AnalyzedText[] _documents = [];
    private Tagger _tagger = null!;

    /// <summary>Tokens in the corpus, to turn the median into tokens per second.</summary>
    public static long Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _documents = BenchmarkCorpus.Documents.Select(d => TextAnalyzer.Analyze(d)).ToArray();
        Tokens = _documents.Sum(d => (long)d.Tokens.Length);
        _tagger = Tagger.Default;
        Console.WriteLine($"// tagging corpus: {_documents.Length} documents, {Tokens} tokens");
    }

    [Benchmark(Description = "POS only (corpus)")]
    public int TagPartsOfSpeech()
    {
        int tags = 0;
        foreach (var document in _documents)
        {
            tags += _tagger.TagPartsOfSpeech(document).Length;
        }

        return tags;
    }

    [Benchmark(Description = "POS + NER (corpus)")]
    public int TagCorpus()
    {
        int entities = 0;
        foreach (var document in _documents)
        {
            entities += _tagger.Tag(document).Entities.Count;
        }

        return entities;
    }

    [Benchmark(Description = "POS + NER (one document)")]
    public int TagOneDocument() => _tagger.Tag(_documents[0]).Entities.Count;

    [Benchmark(Description = "Model first load (pos.bin + ner.bin)")]
    public object LoadModels() => Tagger.LoadDefault();
}

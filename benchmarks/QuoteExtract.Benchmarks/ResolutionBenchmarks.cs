using BenchmarkDotNet.Attributes;
using QuoteExtract.Attribution;
using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// Speaker resolution alone: the corpus is analyzed, tagged and its attributions found in setup, then every
/// document's speakers are resolved (what <see cref="QuoteExtractor.Extract(string, CancellationToken)"/> does after attribution).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(TokensPerSecondConfig))]
public class ResolutionBenchmarks
{
    private readonly SpeakerResolver _resolver = new();
    private (TaggedText Text, SpeakerMention[] Speakers)[] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var attribution = new AttributionExtractor(AttributionGrammar.Create(new QuoteExtractorOptions()), AttributionScorer.Default);
        _documents = BenchmarkCorpus.Documents
            .Select(d => Tagger.Default.Tag(TextAnalyzer.Analyze(d)))
            .Select(t => (t, attribution.Extract(t, default).Select(c => Mention(t.Analysis, c.Speaker.Start, c.Speaker.End)).ToArray()))
            .Where(d => d.Item2.Length > 0)
            .ToArray();
        Console.WriteLine($"// Resolution corpus: {_documents.Length} documents with attributions, {_documents.Sum(d => d.Speakers.Length)} speakers");
    }

    [Benchmark(Description = "Speaker resolution (corpus)")]
    public int Resolve()
    {
        int entities = 0;
        foreach (var (text, speakers) in _documents)
        {
            entities += _resolver.Resolve(text, speakers, default).Entities.Count;
        }

        return entities;
    }

    private static SpeakerMention Mention(AnalyzedText analysis, int first, int end) =>
        first < 0 ? SpeakerMention.None : new SpeakerMention(first, end - first, analysis.Tokens[first].Start, analysis.Tokens[end - 1].End);
}

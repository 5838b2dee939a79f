using BenchmarkDotNet.Attributes;
using QuoteExtract.Attribution;
using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The pattern engine on the grammar the product ships (Resources/Grammar/attribution.patterns), over the
/// corpus analyzed and tagged by our own layers in setup, with the quote states the attribution layer builds.
/// Runs both passes the attribution layer makes (every rule per sentence, then its quotation-anchored rules over the
/// whole text with the same VM, which reuses the token features), reusing the VM and match set, so the allocation
/// column is per corpus pass.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(TokensPerSecondConfig))]
public class DefaultGrammarBenchmarks
{
    private CompiledPatterns _patterns = null!;
    private RuleSubset _wholeText = null!;
    private PikeVm _vm = null!;
    private (TaggedText Text, QuoteState[] Quotes)[] _documents = [];
    private readonly MatchSet _matches = new();

    [GlobalSetup]
    public void Setup()
    {
        var grammar = AttributionGrammar.Create(new QuoteExtractorOptions());
        _patterns = grammar.Patterns;
        _wholeText = grammar.WholeTextRules;
        _vm = _patterns.CreateVm();
        _documents = BenchmarkCorpus.Documents
            .Select(d => Tagger.Default.Tag(TextAnalyzer.Analyze(d)))
            .Select(t => (t, new CandidateReader(grammar, t).QuoteStates()))
            .ToArray();
        int matches = MatchBothPasses();
        Console.WriteLine($"// Default grammar: {_patterns.Rules.Count} rules, {_patterns.ProgramSize} instructions, {_patterns.PredicateBits} predicate bits, {matches} matches per pass");
    }

    [Benchmark(Description = "Default attribution grammar (sentence + whole-text passes)")]
    public int MatchBothPasses()
    {
        int count = 0;
        foreach (var (text, quotes) in _documents)
        {
            _matches.Clear();
            _patterns.Match(text, quotes, 0, text.Analysis.Tokens.Length, _matches, MatchScope.Sentence, _vm);
            count += _matches.Count;
            _matches.Clear();
            _patterns.Match(text, quotes, 0, text.Analysis.Tokens.Length, _matches, MatchScope.Range, _vm, _wholeText);
            count += _matches.Count;
        }

        return count;
    }
}

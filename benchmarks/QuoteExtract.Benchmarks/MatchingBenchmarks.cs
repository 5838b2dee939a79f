using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The pattern engine alone: a realistic attribution grammar (30 rules) over the benchmark corpus, analyzed and
/// tagged in setup (POS and entities by a trivial heuristic, since the taggers live elsewhere). The VM and the
/// match set are reused, as a pipeline would, so the allocation column shows allocation per corpus pass.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(TokensPerSecondConfig))]
public class MatchingBenchmarks
{
    internal const string Grammar = """
        # Indirect: SPEAKER CUE (that) CONTENT
        rule person_cue_that kind=indirect confidence=0.8: (?<speaker> @title? [ent=PERSON]+) (?<cue> @cue_verb) "that"? (?<content> [!punct & !sent_end] [!sent_end & !quote_mark]*) [sent_end]
        rule pronoun_cue_that kind=indirect confidence=0.7: (?<speaker> [pos=PRP & !lower="it"]) (?<cue> @cue_verb) "that" (?<content> [!sent_end]+) [sent_end]
        rule org_cue_that kind=indirect confidence=0.6: (?<speaker> [pos=DT]? [ent=ORG]+) (?<cue> @cue_verb) "that"? (?<content> [!punct & !sent_end] [!sent_end]*) [sent_end]
        rule title_noun_cue kind=indirect confidence=0.6: (?<speaker> [pos=DT] @title [pos=IN] [pos=NNP]+) (?<cue> @cue_verb) (?<content> [!sent_end]+) [sent_end]
        rule cue_noun_of kind=indirect confidence=0.5: (?<speaker> [ent=PERSON]+) [pos=VB*] "the" @cue_noun "that" (?<content> [!sent_end]+)
        rule speaker_told_audience kind=indirect confidence=0.7: (?<speaker> [ent=PERSON]+ | [pos=PRP]) (?<cue> "told") (?<audience> [pos=DT]? [pos=NN* | pos=PRP]{1,3}) "that"? (?<content> [!sent_end]+)
        rule according_to kind=indirect confidence=0.7: ^ (?<content> [!sent_end & !lower="according"]+?) ","? "according" "to" (?<speaker> @title? [ent=PERSON | ent=ORG]+)
        rule according_to_front kind=indirect confidence=0.7: ^ "according" "to" (?<speaker> @title? [pos=NNP]+) "," (?<content> [!sent_end]+)
        rule in_a_statement kind=indirect confidence=0.5: (?<speaker> [ent=PERSON]+) "said" "in" "a" @cue_noun "that"? (?<content> [!sent_end]+)
        rule speaker_believes kind=indirect category=belief confidence=0.5: (?<speaker> [ent=PERSON]+ | [pos=PRP]) (?<cue> @belief_verb) "that" (?<content> [!sent_end]+)
        rule said_speaker_inverted kind=indirect confidence=0.4: (?<content> [shape=Xxxx] [!sent_end & !quote_mark]{2,40}?) "," (?<cue> @cue_verb) (?<speaker> [ent=PERSON]+) [sent_end]
        # Direct: "CONTENT," SPEAKER CUE / CUE SPEAKER
        rule quote_person_cue kind=direct confidence=0.9: [open_quote] (?<content> [in_quote & !quote_mark]+?) [punct]? [close_quote] (?<speaker> @title? [ent=PERSON]+) (?<cue> @cue_verb)
        rule quote_pronoun_cue kind=direct confidence=0.9: [open_quote] (?<content> [in_quote & !quote_mark]+?) [punct]? [close_quote] (?<speaker> [pos=PRP]) (?<cue> @cue_verb)
        rule quote_cue_person kind=direct confidence=0.9: [open_quote] (?<content> [in_quote & !quote_mark]+?) [punct]? [close_quote] (?<cue> @cue_verb) (?<speaker> @title? [ent=PERSON]+)
        rule quote_cue_title_of kind=direct confidence=0.8: [open_quote] (?<content> [in_quote & !quote_mark]+?) [punct]? [close_quote] (?<cue> @cue_verb) (?<speaker> [pos=DT] @title [pos=IN] [pos=NNP]+)
        rule quote_org_cue kind=direct confidence=0.7: [open_quote] (?<content> [in_quote & !quote_mark]+?) [punct]? [close_quote] (?<speaker> [pos=DT]? [ent=ORG]+) (?<cue> @cue_verb)
        rule quote_speaker_comma kind=direct confidence=0.8: [open_quote] (?<content> [in_quote & !quote_mark]+?) [punct]? [close_quote] (?<speaker> [ent=PERSON]+) "," [pos=DT]? @title "," (?<cue> @cue_verb)
        rule quote_cue_speaker_who kind=direct confidence=0.8: [open_quote] (?<content> [in_quote & !quote_mark]+?) [punct]? [close_quote] (?<cue> @cue_verb) (?<speaker> [ent=PERSON]+) "," "who"
        # Direct: SPEAKER CUE: "CONTENT"
        rule person_cue_quote kind=direct confidence=0.85: (?<speaker> @title? [ent=PERSON]+) (?<cue> @cue_verb) [text=":" | text=","]? [open_quote] (?<content> [in_quote & !quote_mark]+) [close_quote]
        rule pronoun_cue_quote kind=direct confidence=0.8: (?<speaker> [pos=PRP]) (?<cue> @cue_verb) [text=":" | text=","] [open_quote] (?<content> [in_quote & !quote_mark]+) [close_quote]
        rule person_cue_audience_quote kind=direct confidence=0.8: (?<speaker> [ent=PERSON]+) (?<cue> "told") (?<audience> [pos=NN* | pos=PRP]{1,3}) [punct]? [open_quote] (?<content> [in_quote & !quote_mark]+) [close_quote]
        # Mixed: SPEAKER CUE CONTENT "QUOTE"
        rule mixed_quote kind=mixed confidence=0.6: (?<speaker> [ent=PERSON]+) (?<cue> @cue_verb) "that"? (?<content> [!sent_end & !quote_mark]+ [open_quote] [in_quote & !quote_mark]+ [close_quote] [!sent_end]*)
        # Speaker descriptions and fragments
        rule title_person kind=mention: (?<title> @title) (?<speaker> [ent=PERSON]+)
        rule person_comma_title kind=mention: (?<speaker> [ent=PERSON]+) "," (?<title> [pos=DT]? [pos=JJ]* @title) ("of" [pos=NNP]+)? ","
        rule spokesperson_for kind=mention: (?<speaker> "a" @title) ("for" | "of") (?<org> [pos=NNP]+)
        rule pronoun_cue kind=fragment confidence=0.3: (?<speaker> [pos=PRP]) (?<cue> @cue_verb) [sent_end & punct]
        rule cue_in_interview kind=fragment confidence=0.3: (?<cue> @cue_verb) "in" "an" "interview" ("with" (?<audience> [pos=NNP]+))?
        rule quote_block kind=quote: [open_quote] (?<content> [in_quote & !quote_mark]{3,}) [close_quote]
        rule sentence_with_number kind=other: ^ [shape=Xxxx] [!sent_end]*? (?<number> [kind=number]) [!sent_end]*? $
        rule allcaps_org kind=mention: (?<org> [shape=XXXX & !ent=PERSON]) ("," | "said")
        """;

    private static readonly string[] CueVerbs =
    [
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "claimed", "claims", "warned", "warns",
        "argued", "argues", "insisted", "explained", "noted", "wrote", "asked", "replied", "responded", "announced",
        "emphasized", "suggested", "declared", "acknowledged", "admitted", "confirmed", "denied", "predicted",
        "remarked", "recalled", "reported", "tweeted", "testified", "complained", "conceded", "contended", "cautioned",
    ];

    private static readonly string[] Titles =
    [
        "president", "senator", "sen", "rep", "governor", "gov", "mayor", "minister", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "chairman", "director", "chief", "official", "officials", "candidate",
        "nominee", "mr", "mrs", "ms", "dr", "professor", "analyst", "adviser", "advisor", "leader", "ceo", "judge",
    ];

    private static readonly HashSet<string> Pronouns = new(["he", "she", "they", "we", "i", "it", "you"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Determiners = new(["the", "a", "an", "this", "that", "these", "those"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Prepositions = new(["of", "in", "on", "at", "for", "with", "by", "from", "to"], StringComparer.OrdinalIgnoreCase);

    private CompiledPatterns _patterns = null!;
    private PikeVm _vm = null!;
    private (TaggedText Text, QuoteState[] Quotes)[] _documents = [];
    private readonly MatchSet _matches = new();

    /// <summary>Tokens in the corpus: divide by the median to get tokens per second.</summary>
    public static long Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var lexicons = new LexiconSet()
            .Add("cue_verb", CueVerbs)
            .Add("title", Titles)
            .Add("cue_noun", "statement", "interview", "speech", "letter", "report", "claim", "remarks")
            .Add("belief_verb", "believes", "believed", "thinks", "thought", "hopes", "hoped", "fears", "feared", "doubts");
        _patterns = PatternCompiler.Compile(Grammar, lexicons);
        _vm = _patterns.CreateVm();
        _documents = BenchmarkCorpus.Documents.Select(Tag).ToArray();
        Tokens = _documents.Sum(d => (long)d.Text.Analysis.Tokens.Length);
        int matches = Run(MatchScope.Range); // also grows the reused buffers to their final size
        Run(MatchScope.Sentence);
        if (Environment.GetEnvironmentVariable("QX_PROFILE_MATCHING") == "1")
        {
            Profile(lexicons);
        }

        Console.WriteLine($"// Matching: {_patterns.Rules.Count} rules, {_patterns.ProgramSize} instructions, {_patterns.PredicateBits} predicate bits, {_documents.Length} documents, {Tokens} tokens, {matches} matches");
    }

    /// <summary>
    /// Tuning aid (QX_PROFILE_MATCHING=1, best with DOTNET_TieredCompilation=0): process CPU time per corpus pass,
    /// split into feature evaluation and the whole match, which stays meaningful on a busy machine where wall
    /// time does not; then the automaton steps per token of each rule alone.
    /// </summary>
    private void Profile(LexiconSet lexicons)
    {
        var features = new ulong[200_000];
        var flags = new byte[200_000];
        var classes = new int[200_000];
        var alphabet = new TokenAlphabet(_patterns.TestedBits);
        for (int rep = 0; rep < 3; rep++)
        {
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var t0 = process.TotalProcessorTime;
            for (int k = 0; k < 10; k++)
            {
                foreach (var (text, quotes) in _documents)
                {
                    _patterns.Features.Compute(text, quotes, 0, text.Analysis.Tokens.Length, features, flags, classes, alphabet);
                }
            }

            process.Refresh();
            var t1 = process.TotalProcessorTime;
            for (int k = 0; k < 10; k++)
            {
                Run(MatchScope.Range);
            }

            process.Refresh();
            var t2 = process.TotalProcessorTime;
            Console.WriteLine($"// cpu per pass: features {(t1 - t0).TotalMilliseconds / 10:F1} ms, match {(t2 - t1).TotalMilliseconds / 10:F1} ms ({Tokens / ((t2 - t1).TotalSeconds / 10) / 1e6:F1}M tokens/s), dfa misses {_vm.Dfa.Misses}, states {_vm.Dfa.StateCount}, vm tokens {_vm.VmTokens}");
        }

        foreach (var line in Grammar.Split('\n').Where(l => l.TrimStart().StartsWith("rule ", StringComparison.Ordinal)))
        {
            var single = PatternCompiler.Compile(line, lexicons);
            var set = new MatchSet();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (text, quotes) in _documents)
            {
                single.Match(text, quotes, 0, text.Analysis.Tokens.Length, set);
            }

            Console.WriteLine($"// {single.Rules[0].Name,-28} steps/token {(double)set.Steps / Tokens,8:F2}  {watch.Elapsed.TotalMilliseconds,8:F1} ms");
        }
    }

    [Benchmark(Description = "Match 30 rules (document)")]
    public int MatchDocument() => Run(MatchScope.Range);

    [Benchmark(Description = "Match 30 rules (per sentence)")]
    public int MatchSentences() => Run(MatchScope.Sentence);

    private int Run(MatchScope scope)
    {
        int total = 0;
        foreach (var (text, quotes) in _documents)
        {
            _matches.Clear();
            _patterns.Match(text, quotes, 0, text.Analysis.Tokens.Length, _matches, scope, _vm);
            total += _matches.Count;
        }

        return total;
    }

    /// <summary>Trivial tagging: enough realism for the rules' first-token filters and captures to do real work.</summary>
    private static (TaggedText, QuoteState[]) Tag(string document)
    {
        var analysis = TextAnalyzer.Analyze(document);
        int n = analysis.Tokens.Length;
        var pos = new PosTag[n];
        var entities = new EntityTag[n];
        var quotes = new QuoteState[n];
        var cues = new HashSet<string>(CueVerbs, StringComparer.OrdinalIgnoreCase);
        var titles = new HashSet<string>(Titles, StringComparer.OrdinalIgnoreCase);
        bool inside = false;
        var sentenceStarts = new HashSet<int>();
        foreach (var s in analysis.Sentences)
        {
            sentenceStarts.Add(s.FirstToken);
        }

        for (int i = 0; i < n; i++)
        {
            var token = analysis.Tokens[i];
            var word = analysis.TokenText(i).ToString();
            pos[i] = token.Kind switch
            {
                TokenKind.Number => PosTag.CD,
                TokenKind.QuoteMark => inside ? PosTag.CloseQuote : PosTag.OpenQuote,
                TokenKind.Punctuation => word switch { "," => PosTag.Comma, "." or "!" or "?" => PosTag.Period, _ => PosTag.Colon },
                _ when Pronouns.Contains(word) => PosTag.PRP,
                _ when Determiners.Contains(word) => PosTag.DT,
                _ when Prepositions.Contains(word) => PosTag.IN,
                _ when cues.Contains(word) => PosTag.VBD,
                _ when titles.Contains(word) => PosTag.NN,
                _ when char.IsUpper(word[0]) && !sentenceStarts.Contains(i) => PosTag.NNP,
                _ when word.EndsWith("ed", StringComparison.Ordinal) => PosTag.VBD,
                _ when word.EndsWith("ing", StringComparison.Ordinal) => PosTag.VBG,
                _ when word.EndsWith("ly", StringComparison.Ordinal) => PosTag.RB,
                _ when word.EndsWith('s') => PosTag.NNS,
                _ => PosTag.NN,
            };

            if (token.Kind == TokenKind.QuoteMark)
            {
                quotes[i] = QuoteState.Inside | (inside ? QuoteState.Closing : QuoteState.Opening);
                inside = !inside;
            }
            else if (inside)
            {
                quotes[i] = QuoteState.Inside;
            }

            if (sentenceStarts.Contains(i + 1) && inside && token.Kind == TokenKind.Punctuation && i + 1 < n && analysis.Tokens[i + 1].Kind != TokenKind.QuoteMark)
            {
                inside = false; // a quote never left open across a paragraph-sized gap in this heuristic
            }
        }

        // Runs of proper nouns: persons when two or more, organisations when all capitals.
        for (int i = 0; i < n;)
        {
            if (pos[i] != PosTag.NNP)
            {
                i++;
                continue;
            }

            int j = i;
            while (j < n && pos[j] == PosTag.NNP)
            {
                j++;
            }

            var type = j - i >= 2 ? EntityType.Person : analysis.TokenText(i).ToString().All(char.IsUpper) ? EntityType.Organization : EntityType.Misc;
            for (int k = i; k < j; k++)
            {
                var position = j - i == 1 ? BilouPosition.Unit : k == i ? BilouPosition.Begin : k == j - 1 ? BilouPosition.Last : BilouPosition.Inside;
                entities[k] = new EntityTag(position, type);
            }

            i = j;
        }

        return (new TaggedText(analysis, pos, entities, []), quotes);
    }
}

/// <summary>Adds tokens-per-second and words-per-second columns computed from the median (one corpus pass per operation).</summary>
internal sealed class TokensPerSecondConfig : ManualConfig
{
    private static readonly Lazy<long> CorpusTokens = new(() => BenchmarkCorpus.Documents.Sum(d => (long)TextAnalyzer.Analyze(d).Tokens.Length));

    public TokensPerSecondConfig()
    {
        AddColumn(new RateColumn("Tokens/s (median)", "Corpus tokens divided by the median time of one pass", () => CorpusTokens.Value));
        AddColumn(new RateColumn("Words/s (median)", "Corpus words (whitespace-separated) divided by the median time of one pass", () => BenchmarkCorpus.WordCount));
    }

    private sealed class RateColumn(string name, string legend, Func<long> count) : IColumn
    {
        public string Id => name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var median = summary[benchmarkCase]?.ResultStatistics?.Median;
            return median is > 0 ? $"{count() / (median.Value / 1e9) / 1e6:F2}M" : "-";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

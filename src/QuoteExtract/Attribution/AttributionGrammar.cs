using System.Text;
using System.Text.RegularExpressions;
using QuoteExtract.Matching;

namespace QuoteExtract.Attribution;

/// <summary>
/// The default attribution grammar (Resources/Grammar/attribution.patterns + attribution.lexicon) compiled with the
/// user's extra cue words and patterns, plus the word facts the layer needs beyond the rules: the category of each
/// cue word and the verb + preposition pairs that form one cue. Immutable, shared by all threads.
/// </summary>
internal sealed partial class AttributionGrammar
{
    private readonly Dictionary<string, QuoteCategory> _categories;
    private readonly HashSet<string> _phrases;

    // Per rule, by its index in Patterns.Rules.
    private readonly RuleSettings[] _settings;

    private AttributionGrammar(CompiledPatterns patterns, Dictionary<string, QuoteCategory> categories, HashSet<string> phrases)
    {
        Patterns = patterns;
        _settings = [.. patterns.Rules.Select(RuleSettings.Of)];
        WholeTextRules = patterns.Subset(static r => r.Meta("role", "clause") == "after");
        _categories = categories;
        _phrases = phrases;
    }

    /// <summary>Every rule: what the layer matches sentence by sentence.</summary>
    public CompiledPatterns Patterns { get; }

    /// <summary>
    /// The rules whose role is <c>after</c> (they start at a closing quotation mark): the layer's second pass, over the
    /// whole text, keeps nothing else, and their own automaton is much smaller than the whole grammar's.
    /// </summary>
    public RuleSubset WholeTextRules { get; }

    public static AttributionGrammar Create(QuoteExtractorOptions options)
    {
        var lexicons = LexiconSet.Parse(GrammarResources.Read("attribution.lexicon"), "attribution.lexicon");
        var rules = ExpandMacros(GrammarResources.Read("attribution.patterns"));

        // The user's extra cue words join the speech class so that every verb rule sees them.
        var patterns = PatternCompiler.Compile(new PatternSource("attribution.patterns", rules), lexicons, options, "cue_speech");
        var categories = new Dictionary<string, QuoteCategory>(StringComparer.OrdinalIgnoreCase);
        foreach (var (cls, category) in new[]
                 {
                     ("cue_speech", QuoteCategory.Speech), ("cue_belief", QuoteCategory.Belief), ("cue_other", QuoteCategory.Other),
                     ("cue_noun_speech", QuoteCategory.Speech), ("cue_noun_belief", QuoteCategory.Belief), ("cue_noun_other", QuoteCategory.Other),
                     ("cue_adj_belief", QuoteCategory.Belief), ("cue_adj_other", QuoteCategory.Other),
                 })
        {
            foreach (var word in lexicons.Words(cls))
            {
                categories.TryAdd(word, category);
            }
        }

        foreach (var word in options.ExtraCueWords)
        {
            categories.TryAdd(word, QuoteCategory.Speech);
        }

        var phrases = new HashSet<string>(lexicons.Words("cue_phrase"), StringComparer.OrdinalIgnoreCase);
        return new AttributionGrammar(patterns, categories, phrases);
    }

    /// <summary>What the candidate reader needs of a rule of <see cref="Patterns"/>.</summary>
    public RuleSettings Settings(CompiledRule rule) => ReferenceEquals(Patterns.Rules[rule.Index], rule) ? _settings[rule.Index] : RuleSettings.Of(rule);

    /// <summary>The category of a cue word, or null when the word is not a cue.</summary>
    public QuoteCategory? CategoryOf(ReadOnlySpan<char> word) =>
        _categories.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var c) ? c : null;

    /// <summary>True when <paramref name="verb"/> + <paramref name="preposition"/> form one cue ("pointed out").</summary>
    public bool IsPhrase(ReadOnlySpan<char> verb, ReadOnlySpan<char> preposition)
    {
        // Joined on the stack: this runs for every content that starts right after its cue.
        int length = verb.Length + 1 + preposition.Length;
        if (length > 2 * AttributionFeatures.MaxWord)
        {
            return _phrases.Contains(string.Concat(verb, "_", preposition));
        }

        Span<char> joined = stackalloc char[2 * AttributionFeatures.MaxWord];
        verb.CopyTo(joined);
        joined[verb.Length] = '_';
        preposition.CopyTo(joined[(verb.Length + 1)..]);
        return _phrases.GetAlternateLookup<ReadOnlySpan<char>>().Contains(joined[..length]);
    }

    /// <summary>Replaces <c>$name</c> by the pattern of its <c>define $name = …</c> line (in parentheses).</summary>
    internal static string ExpandMacros(string text)
    {
        var macros = new List<(string Name, string Body)>();
        var output = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var m = DefineLine().Match(line);
            if (m.Success)
            {
                macros.Add((m.Groups[1].Value, Expand(m.Groups[2].Value.Trim(), macros)));
                output.Append('\n'); // keep line numbers for error messages
                continue;
            }

            output.Append(Expand(line, macros)).Append('\n');
        }

        return output.ToString();
    }

    private static string Expand(string line, List<(string Name, string Body)> macros)
    {
        if (!line.Contains('$', StringComparison.Ordinal) || line.TrimStart().StartsWith('#'))
        {
            return line;
        }

        return MacroReference().Replace(line, m =>
        {
            foreach (var (name, body) in macros)
            {
                if (name == m.Groups[1].Value)
                {
                    return "(" + body + ")";
                }
            }

            return m.Value; // PRP$ and other literal dollars stay
        });
    }

    [GeneratedRegex(@"^\s*define\s+\$(\w+)\s*=\s*(.*)$")]
    private static partial Regex DefineLine();

    [GeneratedRegex(@"\$([A-Za-z_]\w*)")]
    private static partial Regex MacroReference();
}

namespace QuoteExtract.Matching;

/// <summary>
/// Named word lists (lexicon classes such as <c>cue_verb</c> or <c>title</c>) that token tests refer to with
/// <c>[lex=cue_verb]</c> or <c>@cue_verb</c>. Words are single tokens compared case-insensitively, so users
/// extend the grammar by adding words, not code.
/// </summary>
internal sealed class LexiconSet
{
    private readonly Dictionary<string, HashSet<string>> _classes = new(StringComparer.Ordinal);

    public IEnumerable<string> ClassNames => _classes.Keys;

    public LexiconSet Add(string className, IEnumerable<string> words)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        if (!_classes.TryGetValue(className, out var set))
        {
            set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _classes.Add(className, set);
        }

        foreach (var word in words)
        {
            if (string.IsNullOrWhiteSpace(word) || word.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"Lexicon words must be single non-empty tokens, but class '{className}' got '{word}'.", nameof(words));
            }

            set.Add(word.ToLowerInvariant());
        }

        return this;
    }

    public LexiconSet Add(string className, params string[] words) => Add(className, (IEnumerable<string>)words);

    public bool Contains(string className) => _classes.ContainsKey(className);

    public IReadOnlyCollection<string> Words(string className) =>
        _classes.TryGetValue(className, out var set) ? set : (IReadOnlyCollection<string>)Array.Empty<string>();

    /// <summary>A copy, so that adding user words never changes a shared built-in lexicon.</summary>
    public LexiconSet Clone()
    {
        var copy = new LexiconSet();
        foreach (var (name, words) in _classes)
        {
            copy.Add(name, words);
        }

        return copy;
    }

    /// <summary>
    /// Reads lines of the form <c>class: word word word</c>; <c>#</c> starts a comment; a class may span
    /// several lines.
    /// </summary>
    public static LexiconSet Parse(string text, string source = "lexicon")
    {
        var set = new LexiconSet();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? string.Empty : line[..colon].Trim();
            if (colon < 0 || name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                throw new PatternSyntaxException(source, i + 1, 1, "Expected 'class_name: word word ...'.");
            }

            set.Add(name, line[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        return set;
    }
}

using System.Collections.Frozen;

namespace QuoteExtract.Resolution;

/// <summary>
/// A fixed set of lower-case words looked up by characters (ordinal), so that the resolver asks about a token's key
/// straight from the document's key buffer instead of building a string for every token.
/// </summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Turns most words away before the set hashes them.
    private readonly WordFilter _filter;

    public WordSet(IEnumerable<string> words)
    {
        _lookup = words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(_lookup.Set);
    }

    /// <summary>The words.</summary>
    public IReadOnlyCollection<string> Words => _lookup.Set;

    public bool Contains(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.Contains(word);

    /// <summary>The set's own string for <paramref name="word"/>, so that a caller that keeps the word allocates nothing.</summary>
    public bool TryGetWord(ReadOnlySpan<char> word, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string stored)
    {
        if (_filter.MayContain(word))
        {
            return _lookup.TryGetValue(word, out stored);
        }

        stored = null;
        return false;
    }
}

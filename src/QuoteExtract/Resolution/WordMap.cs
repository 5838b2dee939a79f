using System.Collections.Frozen;

namespace QuoteExtract.Resolution;

/// <summary>
/// A fixed map from lower-case words to values, looked up by characters (ordinal): the dictionary counterpart of
/// <see cref="WordSet"/>.
/// </summary>
/// <typeparam name="TValue">What a word maps to.</typeparam>
internal sealed class WordMap<TValue>
{
    private readonly FrozenDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Turns most words away before the dictionary hashes them.
    private readonly WordFilter _filter;

    public WordMap(IDictionary<string, TValue> entries)
    {
        _lookup = entries.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(_lookup.Dictionary.Keys);
    }

    /// <summary>The words.</summary>
    public IEnumerable<string> Words => _lookup.Dictionary.Keys;

    public TValue this[ReadOnlySpan<char> word] => _lookup[word];

    public bool ContainsKey(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.ContainsKey(word);

    public bool TryGetValue(ReadOnlySpan<char> word, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        if (_filter.MayContain(word))
        {
            return _lookup.TryGetValue(word, out value);
        }

        value = default;
        return false;
    }
}

using System.Collections.Concurrent;

namespace QuoteExtract.Resolution;

/// <summary>
/// The lookup key of a token for the resolver's word lists: lower case, typographic apostrophe made plain, a
/// possessive <c>'s</c> and a final period removed ("Obama’s" → "obama", "Sen." → "sen"). Keys are shared across
/// documents and threads, so that after warm-up a document's tokens cost no string allocation.
/// </summary>
internal static class TokenKeys
{
    /// <summary>Words longer than this (URLs, hashes) are keyed without the cache.</summary>
    private const int MaxCachedLength = 48;

    /// <summary>A bound on the cache, so that a stream of ever-new words (numbers, names) cannot grow it without end.</summary>
    private const int MaxEntries = 200_000;

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Of(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxCachedLength)
        {
            return new string(Normalize(word, new char[word.Length]));
        }

        Span<char> buffer = stackalloc char[MaxCachedLength];
        var key = Normalize(word, buffer);
        var lookup = Cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var created = new string(key);
        return Cache.Count < MaxEntries ? Cache.GetOrAdd(created, created) : created;
    }

    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = word.ToLowerInvariant(buffer);
        var key = buffer[..n];
        key.Replace('’', '\'');
        if (n > 2 && key.EndsWith("'s", StringComparison.Ordinal))
        {
            n -= 2;
        }

        if (n > 1 && key[n - 1] == '.')
        {
            n--;
        }

        return buffer[..n];
    }
}

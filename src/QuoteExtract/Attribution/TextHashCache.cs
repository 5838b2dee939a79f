using System.Runtime.CompilerServices;
using QuoteExtract.Tagging;

namespace QuoteExtract.Attribution;

/// <summary>
/// The feature hashes of texts that go on from an already hashed start with a string (<c>"rule|" + cut</c>: the
/// hash of the start continued with the string, <see cref="FeatureHash.RawContinue"/>), remembered per start and
/// string object. A candidate's features continue some forty hashes with a handful of strings from small sets (its
/// rule, cut, kind, category, speaker type, variant position), each a chain of a multiply per character, and the
/// variants of a family and the families of a rule repeat the same pairs. One per scratch, one thread at a time.
/// </summary>
/// <remarks>
/// Entries are matched by reference, not by the string's characters, so a lookup hashes nothing; holding the
/// reference keeps that string alive, so a key is never another string at a reused address. The strings are the
/// grammar's rule names and literals of the feature code, so the cache holds nothing of a document.
/// </remarks>
internal sealed class TextHashCache
{
    private const int Bits = 10;

    /// <summary><see cref="FeatureHash.Raw"/> of the empty text: every text's hash goes on from it.</summary>
    private static readonly ulong RawStart = FeatureHash.Raw([]);

    private readonly Entry[] _entries = new Entry[1 << Bits];

    /// <summary><see cref="FeatureHash.Raw"/> of <paramref name="text"/>.</summary>
    public ulong Raw(string text) => Continue(RawStart, text);

    /// <summary><see cref="FeatureHash.RawContinue"/> of <paramref name="start"/> with <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Continue(ulong start, string text)
    {
        // The slot mixes the start with the text's length and end characters: cheaper than an object hash, and
        // distinct enough for the few strings there are; the entry is then matched by reference.
        uint shape = ((uint)text.Length << 16) ^ (text.Length == 0 ? 0u : text[0] ^ ((uint)text[^1] << 8));
        ulong mixed = (start ^ shape) * 0x9E3779B97F4A7C15UL;
        ref var entry = ref _entries[(int)(mixed >> (64 - Bits))];
        return entry.Start == start && ReferenceEquals(entry.Text, text) ? entry.Hash : Add(ref entry, start, text);
    }

    private static ulong Add(ref Entry entry, ulong start, string text)
    {
        entry = new Entry(start, text, FeatureHash.RawContinue(start, text));
        return entry.Hash;
    }

    /// <summary>With a cache, <see cref="Continue(ulong, string)"/>; without, the hash computed.</summary>
    public static ulong Continue(TextHashCache? cache, ulong start, string text) =>
        cache is null ? FeatureHash.RawContinue(start, text) : cache.Continue(start, text);

    /// <summary>With a cache, <see cref="Raw(string)"/>; without, the hash computed.</summary>
    public static ulong Raw(TextHashCache? cache, string text) => cache is null ? FeatureHash.Raw(text) : cache.Raw(text);

    private readonly record struct Entry(ulong Start, string? Text, ulong Hash);
}

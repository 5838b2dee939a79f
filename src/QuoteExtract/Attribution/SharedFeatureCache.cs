namespace QuoteExtract.Attribution;

/// <summary>
/// One document's <see cref="SharedFeatures"/>, one entry per distinct <see cref="SharedFeatureKey"/>, so that the
/// variants of a family are hashed and looked up once. Kept in <see cref="AttributionScratch"/>: its storage only
/// grows, so after the largest document it allocates nothing.
/// </summary>
internal sealed class SharedFeatureCache
{
    private readonly Dictionary<SharedFeatureKey, int> _index = new(SharedFeatureKey.Comparer);
    private SharedFeatures[] _entries = new SharedFeatures[64];

    /// <summary>Hashes the features continue with strings, kept from document to document (<see cref="Clear"/> leaves them: they hold no document's text).</summary>
    public TextHashCache Hashes { get; } = new();

    /// <summary>Forgets the previous document's entries.</summary>
    public void Clear()
    {
        // The entries hold strings; clearing the used ones lets a finished document's text go.
        Array.Clear(_entries, 0, _index.Count);
        _index.Clear();
    }

    /// <summary>
    /// The entry for <paramref name="key"/>; <paramref name="added"/> is true when it is new (all zero but for its
    /// key), for the caller to fill.
    /// </summary>
    public ref SharedFeatures For(in SharedFeatureKey key, out bool added)
    {
        int count = _index.Count;
        ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_index, key, out bool exists);
        added = !exists;
        if (exists)
        {
            return ref _entries[slot];
        }

        slot = count;
        if (count == _entries.Length)
        {
            Array.Resize(ref _entries, 2 * count);
        }

        return ref _entries[count];
    }
}

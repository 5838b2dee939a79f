namespace QuoteExtract.Resolution;

/// <summary>
/// The document's name mentions with the entity each joined, filed by character offset (buckets of 256), so that the
/// names around a speaker are found without scanning every name of the document. Lookups give list indices in list
/// order, so a scan of them meets the names in the same order as a scan of the whole list would.
/// </summary>
/// <remarks>
/// The buckets are one flat array of name indices with an offset per bucket, built once for the names found up
/// front; the few names added later (<see cref="Add"/>) are checked one by one. A table of lists, one per bucket,
/// was a good part of the resolver's allocation.
/// </remarks>
internal sealed class NameIndex
{
    private const int Shift = 8;

    private readonly List<NameMention> _names;
    private readonly List<EntityCluster> _clusters;

    // Bucket b holds the indices _filed[_bucketStart[b].._bucketStart[b + 1]) (ascending); names from _indexed on are unfiled.
    private readonly int[] _bucketStart;
    private readonly int[] _filed;
    private readonly int _indexed;
    private readonly List<int> _found = [];

    /// <param name="names">The names, in the order scans should meet them.</param>
    /// <param name="clusters">The entity of each name, by the same index.</param>
    public NameIndex(List<NameMention> names, List<EntityCluster> clusters)
    {
        _names = names;
        _clusters = clusters;
        _indexed = names.Count;
        int buckets = 0;
        int entries = 0;
        foreach (var name in names)
        {
            var (first, last) = Buckets(name);
            buckets = Math.Max(buckets, last + 1);
            entries += last - first + 1;
        }

        _bucketStart = new int[buckets + 1];
        foreach (var name in names)
        {
            var (first, last) = Buckets(name);
            for (int b = first; b <= last; b++)
            {
                _bucketStart[b + 1]++;
            }
        }

        for (int b = 0; b < buckets; b++)
        {
            _bucketStart[b + 1] += _bucketStart[b];
        }

        _filed = new int[entries];
        var next = _bucketStart[..^1];
        for (int i = 0; i < names.Count; i++)
        {
            var (first, last) = Buckets(names[i]);
            for (int b = first; b <= last; b++)
            {
                _filed[next[b]++] = i;
            }
        }
    }

    /// <summary>The number of names.</summary>
    public int Count => _names.Count;

    /// <summary>Name <paramref name="index"/>.</summary>
    public NameMention this[int index] => _names[index];

    /// <summary>The entity name <paramref name="index"/> joined.</summary>
    public EntityCluster ClusterOf(int index) => _clusters[index];

    /// <summary>Appends <paramref name="name"/>, which joined <paramref name="cluster"/>, to the list.</summary>
    public void Add(NameMention name, EntityCluster cluster)
    {
        _names.Add(name);
        _clusters.Add(cluster);
    }

    /// <summary>The indices of the names whose characters meet [start, end] (ends included), in list order. The list is reused by the next call.</summary>
    public List<int> Around(int start, int end)
    {
        _found.Clear();
        int first = start >> Shift, last = Math.Max(start, end) >> Shift;
        for (int b = first; b <= last && b + 1 < _bucketStart.Length; b++)
        {
            for (int e = _bucketStart[b]; e < _bucketStart[b + 1]; e++)
            {
                _found.Add(_filed[e]);
            }
        }

        WorkMeter.Add(_found.Count + 1);
        SortedDistinct.Apply(_found);
        for (int i = _indexed; i < _names.Count; i++)
        {
            var (from, to) = Buckets(_names[i]);
            if (from <= last && to >= first)
            {
                _found.Add(i);
            }
        }

        return _found;
    }

    /// <summary>The buckets a name is filed in: from its reported start or its name, whichever is first, to its end.</summary>
    private static (int First, int Last) Buckets(NameMention name) =>
        (Math.Min(name.Start, name.SpanStart) >> Shift, Math.Max(name.Start, name.End) >> Shift);
}

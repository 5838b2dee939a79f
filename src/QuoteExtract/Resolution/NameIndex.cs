namespace QuoteExtract.Resolution;

/// <summary>
/// The document's name mentions filed by character offset (buckets of 256), so that the names around a speaker
/// are found without scanning every name of the document. Lookups give list indices in list order, so a scan of
/// them meets the names in the same order as a scan of the whole list would.
/// </summary>
internal sealed class NameIndex
{
    private const int Shift = 8;

    private readonly List<NameMention> _names;
    private readonly Dictionary<int, List<int>> _buckets = [];
    private readonly List<int> _found = [];
    private readonly List<NameMention> _around = [];

    public NameIndex(List<NameMention> names)
    {
        _names = names;
        for (int i = 0; i < names.Count; i++)
        {
            File(i);
        }
    }

    /// <summary>Appends <paramref name="name"/> to the list and files it.</summary>
    public void Add(NameMention name)
    {
        _names.Add(name);
        File(_names.Count - 1);
    }

    /// <summary>The names whose characters meet [start, end] (ends included), in list order. The list is reused by the next call.</summary>
    public List<NameMention> Around(int start, int end)
    {
        _found.Clear();
        _around.Clear();
        for (int b = start >> Shift; b <= Math.Max(start, end) >> Shift; b++)
        {
            if (_buckets.TryGetValue(b, out var bucket))
            {
                _found.AddRange(bucket);
            }
        }

        WorkMeter.Add(_found.Count + 1);
        _found.Sort();
        int previous = -1;
        foreach (int i in _found)
        {
            if (i != previous)
            {
                _around.Add(_names[i]);
            }

            previous = i;
        }

        return _around;
    }

    private void File(int index)
    {
        var name = _names[index];
        int first = Math.Min(name.Start, name.SpanStart) >> Shift;
        for (int b = first; b <= Math.Max(name.Start, name.End) >> Shift; b++)
        {
            if (!_buckets.TryGetValue(b, out var bucket))
            {
                _buckets[b] = bucket = [];
            }

            bucket.Add(index);
        }
    }
}

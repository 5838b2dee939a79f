using System.Runtime.CompilerServices;

namespace QuoteExtract;

/// <summary>
/// Cuts a batch's documents into the groups one thread extracts stage by stage (<see cref="ExtractionPipeline.RunMany"/>).
/// A group closes once it holds <see cref="MaxCharacters"/> characters or <see cref="MaxDocuments"/> documents: what a
/// group gains is each stage's tables staying in the processor's caches across the group's work, which grows with its
/// text, not with its count of documents; and what it costs (every document's intermediate results held until its
/// records are built, and surviving the collections meanwhile) grows with its text too. A count alone made groups of
/// short articles too small to gain and groups of long ones large enough to cost.
/// </summary>
internal static class DocumentGroups
{
    /// <summary>Characters after which a group closes (the document that reaches it is the group's last).</summary>
    public const int MaxCharacters = 256 * 1024;

    /// <summary>Documents after which a group closes, however short.</summary>
    public const int MaxDocuments = 64;

    /// <summary>The groups of <paramref name="texts"/>, in order, read lazily (a null text counts as empty; extraction rejects it).</summary>
    public static IEnumerable<string[]> Of(IEnumerable<string> texts) => Of(texts, static text => text?.Length ?? 0);

    /// <summary>
    /// The groups of <paramref name="items"/> whose text lengths <paramref name="length"/> tells before they are read
    /// (the command-line tool's files, by their size in bytes, about their characters for news text), read lazily.
    /// </summary>
    public static IEnumerable<T[]> Of<T>(IEnumerable<T> items, Func<T, long> length)
    {
        var group = new Group<T>();
        foreach (var item in items)
        {
            if (group.Add(item, length(item)))
            {
                yield return group.Take();
            }
        }

        if (!group.IsEmpty)
        {
            yield return group.Take();
        }
    }

    /// <summary>The groups of an asynchronous stream of texts, as <see cref="Of(IEnumerable{string})"/>.</summary>
    public static async IAsyncEnumerable<string[]> Of(IAsyncEnumerable<string> texts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var group = new Group<string>();
        await foreach (var text in texts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (group.Add(text, text?.Length ?? 0))
            {
                yield return group.Take();
            }
        }

        if (!group.IsEmpty)
        {
            yield return group.Take();
        }
    }

    /// <summary>The group being filled: its items and their characters.</summary>
    private sealed class Group<T>
    {
        private readonly List<T> _items = [];
        private long _characters;

        public bool IsEmpty => _items.Count == 0;

        /// <summary>Adds an item of <paramref name="length"/> characters; true when the group is now full.</summary>
        public bool Add(T item, long length)
        {
            _items.Add(item);
            _characters += length;
            return _characters >= MaxCharacters || _items.Count == MaxDocuments;
        }

        /// <summary>The group's items, leaving it empty.</summary>
        public T[] Take()
        {
            T[] items = [.. _items];
            _items.Clear();
            _characters = 0;
            return items;
        }
    }
}

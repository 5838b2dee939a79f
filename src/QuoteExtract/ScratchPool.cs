namespace QuoteExtract;

/// <summary>
/// A small lock-free pool of per-call working objects: a call rents one, uses it alone, and gives it back, so that
/// buffers sized to the largest document seen are reused instead of allocated per document. When every slot is
/// taken (more threads than slots) a new object is made and the surplus is dropped on return.
/// </summary>
/// <typeparam name="T">The working object.</typeparam>
internal sealed class ScratchPool<T>
    where T : class
{
    private readonly T?[] _slots;
    private readonly Func<T> _create;

    /// <summary>A pool that keeps up to <paramref name="perThread"/> objects for each concurrent caller it expects.</summary>
    /// <param name="create">Makes an object when the pool has none to lend.</param>
    /// <param name="perThread">Objects one caller holds at once (a batch holds one per document of its group).</param>
    public ScratchPool(Func<T> create, int perThread = 1)
    {
        _create = create;
        _slots = new T?[Math.Clamp(Environment.ProcessorCount, 2, 16) * perThread];
    }

    /// <summary>An object no other caller holds until it is <see cref="Return"/>ed.</summary>
    public T Rent()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } item)
            {
                return item;
            }
        }

        return _create();
    }

    /// <summary>Gives <paramref name="item"/> back; the caller must not use it any more.</summary>
    public void Return(T item)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], item, null) is null)
            {
                return;
            }
        }
    }
}

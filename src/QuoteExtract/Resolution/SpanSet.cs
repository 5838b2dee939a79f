using System.Buffers;

namespace QuoteExtract.Resolution;

/// <summary>
/// A set of character spans (start, end) for a large entity's repeated-mention check, in a table rented from the pool
/// and given back by <see cref="Release"/>: a <see cref="HashSet{T}"/> per large entity was a good part of the
/// resolver's allocation. A mutable struct, so it lives in a field and is used only through it.
/// </summary>
internal struct SpanSet
{
    // Open addressing; a slot holds the complement of the packed span (never 0, as starts and ends are not negative),
    // 0 being a free slot. At most half the slots are used.
    private long[]? _slots;
    private int _mask;
    private int _count;

    /// <summary>Whether the table exists (spans were added since the last <see cref="Release"/>).</summary>
    public readonly bool IsCreated => _slots is not null;

    /// <summary>Adds the span; false when it was there already.</summary>
    public bool Add(int start, int end)
    {
        if (_slots is null || 2 * (_count + 1) > _mask + 1)
        {
            Grow();
        }

        long packed = ~(((long)start << 32) | (uint)end);
        int slot = Slot(packed, _mask);
        while (_slots![slot] != 0)
        {
            if (_slots[slot] == packed)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }

        _slots[slot] = packed;
        _count++;
        return true;
    }

    /// <summary>Gives the table back to the pool and empties the set.</summary>
    public void Release()
    {
        if (_slots is not null)
        {
            ArrayPool<long>.Shared.Return(_slots);
        }

        _slots = null;
        _mask = 0;
        _count = 0;
    }

    private static int Slot(long packed, int mask) => (int)((ulong)packed * 0x9E3779B97F4A7C15 >> 40) & mask;

    private void Grow()
    {
        var old = _slots;
        int oldSize = old is null ? 0 : _mask + 1;
        int size = Math.Max(32, 2 * oldSize);
        var slots = ArrayPool<long>.Shared.Rent(size);
        Array.Clear(slots, 0, size);
        int mask = size - 1;
        for (int i = 0; i < oldSize; i++)
        {
            long packed = old![i];
            if (packed != 0)
            {
                int slot = Slot(packed, mask);
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = packed;
            }
        }

        if (old is not null)
        {
            ArrayPool<long>.Shared.Return(old);
        }

        _slots = slots;
        _mask = mask;
    }
}

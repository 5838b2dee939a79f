using System.Runtime.InteropServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// Arrays whose useful part starts on a 64-byte cache-line boundary, so that a 64-byte block of a lookup table is one
/// cache line, not two. The caller indexes the array from the returned offset. Alignment only matters for speed:
/// large arrays live on the large object heap, which the garbage collector does not move unless an application asks
/// for its compaction, and a moved array is still read correctly, only with more cache misses.
/// </summary>
internal static class AlignedArray
{
    private const int LineBytes = 64;

    /// <summary>A zeroed array with at least <paramref name="length"/> elements from <paramref name="offset"/> on, element <paramref name="offset"/> on a line boundary.</summary>
    public static T[] Allocate<T>(int length, out int offset)
        where T : unmanaged
    {
        int size = Marshal.SizeOf<T>();
        var array = new T[length + (LineBytes / size)];
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            long address = handle.AddrOfPinnedObject();
            offset = (int)((LineBytes - (address % LineBytes)) % LineBytes) / size;
        }
        finally
        {
            handle.Free();
        }

        return array;
    }
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// The margin table of a two-class model (the attribution scorer's): its only question is "class 1 minus class 0", so
/// each feature's two weights are kept as their difference, in a copy of the lookup table whose slot holds that
/// difference instead of where the weights are. One cache line per feature instead of two (bucket, then a 64-byte
/// dense row of which four bytes are used), and a table a fifth of the size, which stays in the caches between
/// candidates. The copy is filled in the same order with the same keys as the lookup table, so a key finds exactly
/// the slot it finds there (fingerprint collisions included), and the integer sum is the same as scoring both classes
/// and subtracting.
/// </summary>
internal sealed partial class PerceptronModel
{
    /// <summary>Models of this many classes get the margin table (and no dense rows: nothing reads them per token).</summary>
    private const int MarginClasses = 2;

    private readonly uint[]? _margins;
    private readonly int _marginBase;

    /// <summary>True for a two-class model, which <see cref="Margin"/> answers from its margin table.</summary>
    public bool HasMargins => _margins is not null;

    /// <summary>The margin table's buckets (0 without one): a power of two, the low key bits (after the lowest) giving a key's home.</summary>
    internal int MarginBucketCount => _margins is null ? 0 : _bucketMask + 1;

    /// <summary>
    /// The margin table itself, <see cref="MarginBucketCount"/> buckets of <see cref="MarginBucketSize"/> numbers: eight
    /// fingerprints (0 = free), then the eight slots' margins. Empty without one.
    /// </summary>
    internal ReadOnlySpan<uint> MarginBuckets => _margins is null ? default : _margins.AsSpan(_marginBase, MarginBucketCount * BucketSize);

    /// <summary>Numbers per bucket of <see cref="MarginBuckets"/>.</summary>
    internal const int MarginBucketSize = BucketSize;

    /// <summary>
    /// The feature keys of a model file, ascending, which the model itself does not keep (its table holds their
    /// fingerprints only). For data that <see cref="Read(ReadOnlySpan{byte}, ModelKind)"/> accepted.
    /// </summary>
    internal static ulong[] ReadKeys(ReadOnlySpan<byte> data)
    {
        var keys = new ulong[BinaryPrimitives.ReadInt32LittleEndian(data[16..])];
        for (int f = 0; f < keys.Length; f++)
        {
            keys[f] = BinaryPrimitives.ReadUInt64LittleEndian(data[(HeaderSize + (8 * f))..]);
        }

        return keys;
    }

    /// <summary>
    /// The integer score of class 1 minus that of class 0 over <paramref name="features"/>: what <see cref="Score"/>
    /// gives as <c>scores[1] - scores[0]</c>, for a two-class model only.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model does not have two classes.</exception>
    public int Margin(ReadOnlySpan<ulong> features)
    {
        if (_margins is null)
        {
            throw new InvalidOperationException($"Margins are kept for two-class models only; this one has {ClassCount} classes.");
        }

        // Every lookup is independent of the others; touching every feature's bucket first, in a loop of a few
        // instructions per feature, puts the reads of all features in flight together (see Touch).
        var buckets = _margins.AsSpan(_marginBase);
        int margin = (int)(Touch(buckets, features) & 0);
        foreach (var feature in features)
        {
            margin += (int)Find(buckets, feature);
        }

        return margin;
    }

    /// <summary>
    /// <see cref="Margin"/> of this model and of <paramref name="other"/> over the same features in one loop, so that
    /// both tables' reads for a feature are in flight together (the attribution scorer's two stages share features).
    /// </summary>
    /// <exception cref="InvalidOperationException">Either model does not have two classes.</exception>
    public (int Own, int Other) MarginPair(PerceptronModel other, ReadOnlySpan<ulong> features)
    {
        if (_margins is null || other._margins is null)
        {
            throw new InvalidOperationException("Margins are kept for two-class models only.");
        }

        var own = _margins.AsSpan(_marginBase);
        var theirs = other._margins.AsSpan(other._marginBase);
        int a = (int)((Touch(own, features) ^ other.Touch(theirs, features)) & 0), b = 0;
        foreach (var feature in features)
        {
            a += (int)Find(own, feature);
            b += (int)other.Find(theirs, feature);
        }

        return (a, b);
    }

    /// <summary>
    /// Reads the first slot of each feature's home bucket and returns them mixed (callers keep the loads with
    /// <c>&amp; 0</c>). A lookup (<see cref="Find(Span{uint}, int, ulong)"/>) is some thirty instructions, so only a few fit in the processor's
    /// window while the oldest waits for memory; this loop is a handful per feature, so the cache misses of a whole
    /// candidate overlap, and the lookups after it find their buckets in cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Touch(ReadOnlySpan<uint> buckets, ReadOnlySpan<ulong> features)
    {
        uint touched = 0;
        foreach (var feature in features)
        {
            touched ^= buckets[((int)(feature >> 1) & _bucketMask) * BucketSize];
        }

        return touched;
    }

    /// <summary>One feature's class-1 weight minus its class-0 weight, from its packed (class, weight) entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MarginOf(ReadOnlySpan<uint> entries)
    {
        int margin = 0;
        foreach (var entry in entries)
        {
            margin += (entry >> 16) == 1 ? (short)entry : -(short)entry;
        }

        return margin;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using QuoteExtract.Tagging;

namespace QuoteExtract.Attribution;

/// <summary>
/// The margin tables of the scorer's two stages (<see cref="PerceptronModel.Margin"/>) merged into one, so that a
/// feature's two margins are one lookup in one cache line instead of one in each of two 1 MB tables. The scorer reads
/// both stages' margins for every feature of every candidate, and that reading was mostly waiting for memory.
/// </summary>
/// <remarks>
/// The layout is the models' (64-byte buckets of eight fingerprints, then eight values), each value holding both
/// margins as 16-bit halves; a value that does not fit is marked <see cref="Escape"/> and read from the models.
/// <para>
/// The answers are exactly the models' for every key, not only for the keys the models hold. A model's lookup depends
/// only on the key's fingerprint (high 32 bits) and home bucket, and it can be non-zero only for the (fingerprint, home)
/// pairs whose probe sequence meets a stored slot of that fingerprint. This table holds the union of both models' keys,
/// of the same bucket count, inserted as the models insert theirs (in ascending order), so its probe sequences are the
/// models' but for the few keys only one model has. It is then checked on every pair any of the three tables can
/// answer for: a slot that answers some pair otherwise than the models becomes an <see cref="Escape"/>, and should a
/// pair find no slot where a model finds one, <see cref="TryBuild"/> gives null and the scorer keeps reading the two
/// models.
/// </para>
/// Immutable and thread-safe.
/// </remarks>
internal sealed class MarginPairTable
{
    private const int BucketSize = PerceptronModel.MarginBucketSize;

    // The models' layout (fingerprints, then values), so that PerceptronModel.Insert fills this table too.
    private const int Slots = BucketSize / 2;

    /// <summary>A value whose margins do not both fit in 16 bits, or that some key would misread: the models are asked instead.</summary>
    internal const uint Escape = 0x8000_8000;

    private readonly PerceptronModel _first;
    private readonly PerceptronModel _second;
    private readonly uint[] _buckets;
    private readonly int _base;
    private readonly int _mask;

    private MarginPairTable(PerceptronModel first, PerceptronModel second, uint[] buckets, int bucketBase, int bucketCount)
    {
        _first = first;
        _second = second;
        _buckets = buckets;
        _base = bucketBase;
        _mask = bucketCount - 1;
    }

    /// <summary>How many slots answer through the models (<see cref="Escape"/>).</summary>
    public int Escapes { get; private set; }

    /// <summary>
    /// The merged table of two two-class models, given the keys each was written with (ascending, see
    /// <see cref="PerceptronModel.ReadKeys"/>); null when they have no margin tables, tables of different sizes, too
    /// many keys together, or a pair that one merged table cannot answer.
    /// </summary>
    public static MarginPairTable? TryBuild(PerceptronModel first, ReadOnlySpan<ulong> firstKeys, PerceptronModel second, ReadOnlySpan<ulong> secondKeys)
    {
        int count = first.MarginBucketCount;
        if (count == 0 || count != second.MarginBucketCount)
        {
            return null;
        }

        var array = AlignedArray.Allocate<uint>(count * BucketSize, out int bucketBase);
        var table = new MarginPairTable(first, second, array, bucketBase, count);
        var buckets = array.AsSpan(bucketBase, count * BucketSize);

        // The union in ascending order, inserted as PerceptronModel.Read inserts a model's keys. A quarter of the
        // slots stays free, so that every probe sequence ends (and most end in their home bucket).
        int entries = 0;
        for (int i = 0, j = 0; i < firstKeys.Length || j < secondKeys.Length;)
        {
            ulong key = j == secondKeys.Length || (i < firstKeys.Length && firstKeys[i] <= secondKeys[j]) ? firstKeys[i] : secondKeys[j];
            i += i < firstKeys.Length && firstKeys[i] == key ? 1 : 0;
            j += j < secondKeys.Length && secondKeys[j] == key ? 1 : 0;
            if (++entries > count * Slots * 3 / 4)
            {
                return null;
            }

            PerceptronModel.Insert(buckets, table._mask, key, Pack(first.Margin(new ReadOnlySpan<ulong>(in key)), second.Margin(new ReadOnlySpan<ulong>(in key))));
        }

        // Every pair any of the three tables can answer non-zero for: outside them all three answer 0.
        var pairs = new List<ulong>(3 * entries);
        AddReachable(first.MarginBuckets, pairs);
        AddReachable(second.MarginBuckets, pairs);
        AddReachable(buckets, pairs);
        SortedDistinct.Apply(pairs);
        foreach (ulong pair in pairs)
        {
            ulong key = KeyOf(pair);
            int a = first.Margin(new ReadOnlySpan<ulong>(in key)), b = second.Margin(new ReadOnlySpan<ulong>(in key));
            int slot = table.SlotOf(buckets, key);
            uint value = slot < 0 ? 0 : buckets[slot];
            if (value == Escape || value == Pack(a, b) || (a == 0 && b == 0 && value == 0))
            {
                continue;
            }

            if (slot < 0)
            {
                return null;
            }

            buckets[slot] = Escape;
            table.Escapes++;
        }

        return table;
    }

    /// <summary>
    /// The integer margins of both models over <paramref name="features"/>: what <see cref="PerceptronModel.Margin"/> of
    /// the first and of the second model give.
    /// </summary>
    public (int First, int Second) Margins(ReadOnlySpan<ulong> features)
    {
        var buckets = _buckets.AsSpan(_base);

        // Touching every home bucket first puts all the features' cache misses in flight together (as the models do).
        uint touched = 0;
        foreach (var feature in features)
        {
            touched ^= buckets[((int)(feature >> 1) & _mask) * BucketSize];
        }

        int a = (int)(touched & 0), b = 0;
        foreach (ref readonly var feature in features)
        {
            uint value = Find(buckets, feature);
            if (value == Escape)
            {
                a += _first.Margin(new ReadOnlySpan<ulong>(in feature));
                b += _second.Margin(new ReadOnlySpan<ulong>(in feature));
                continue;
            }

            a += (short)value;
            b += (short)(value >> 16);
        }

        return (a, b);
    }

    /// <summary>The value of the first slot of the key's fingerprint on its probe sequence, 0 when a bucket with a free slot comes first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Find(Span<uint> buckets, ulong key) => PerceptronModel.Find(buckets, _mask, key);

    /// <summary>Where <see cref="Find"/> reads the key's value (its index in <paramref name="buckets"/>), or −1 when it finds a free slot first.</summary>
    private int SlotOf(Span<uint> buckets, ulong key)
    {
        uint fingerprint = (uint)(key >> 32);
        int bucket = (int)(key >> 1) & _mask;
        while (true)
        {
            int start = bucket * BucketSize;
            for (int slot = 0; slot < Slots; slot++)
            {
                if (buckets[start + slot] == fingerprint)
                {
                    return fingerprint == 0 ? -1 : start + Slots + slot;
                }
            }

            if (buckets.Slice(start, Slots).IndexOf(0u) >= 0)
            {
                return -1;
            }

            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>Both margins in one value, or <see cref="Escape"/> when either is outside ±32767.</summary>
    internal static uint Pack(int first, int second) =>
        first is >= -short.MaxValue and <= short.MaxValue && second is >= -short.MaxValue and <= short.MaxValue
            ? (ushort)(short)first | ((uint)(ushort)(short)second << 16)
            : Escape;

    /// <summary>
    /// Adds, as fingerprint &lt;&lt; 32 | home, every pair whose lookup meets a stored slot: a slot's own bucket and each
    /// bucket before it from which the probe sequence runs through full buckets to it.
    /// </summary>
    private static void AddReachable(ReadOnlySpan<uint> buckets, List<ulong> pairs)
    {
        int count = buckets.Length / BucketSize, mask = count - 1;
        for (int bucket = 0; bucket < count; bucket++)
        {
            for (int slot = 0; slot < Slots; slot++)
            {
                uint fingerprint = buckets[(bucket * BucketSize) + slot];
                if (fingerprint == 0)
                {
                    continue;
                }

                int home = bucket;
                for (int steps = 0; steps < count; steps++)
                {
                    pairs.Add(((ulong)fingerprint << 32) | (uint)home);
                    int before = (home - 1) & mask;
                    if (buckets.Slice(before * BucketSize, Slots).IndexOf(0u) >= 0)
                    {
                        break;
                    }

                    home = before;
                }
            }
        }
    }

    /// <summary>A key with the pair's fingerprint and home bucket.</summary>
    private static ulong KeyOf(ulong pair) => (pair & 0xFFFF_FFFF_0000_0000UL) | ((pair & 0xFFFF_FFFFUL) << 1);
}

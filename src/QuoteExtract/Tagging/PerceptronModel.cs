using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuoteExtract.Tagging;

/// <summary>What a model file predicts.</summary>
internal enum ModelKind : byte
{
    PartOfSpeech = 1,
    Entities = 2,
    Attributions = 3,
}

/// <summary>
/// A trained averaged perceptron, immutable and safe to share between threads. Each hashed feature is found through
/// an open-addressing table of cache-line buckets; a feature with one weight keeps it in its bucket slot, others point
/// to a short list of (class, int16 weight) entries, or, for models of three to 32 classes, to a dense 64-byte row
/// (two-class models add a margin table, see <see cref="Margin"/>).
/// <see cref="Score"/> adds a feature list at once; <see cref="Locate"/> and <see cref="Add"/> let a caller batch the
/// lookups of many tokens and send each feature's weights to its own row.
/// </summary>
/// <remarks>
/// File layout (all little-endian): magic "QXTM", format version u16, feature version u16, kind u8,
/// class count u8, reserved u16, weight scale f32, feature count i32, entry count i32, confidence slope f32,
/// confidence intercept f32, feature keys u64[F]
/// (ascending), entries per feature u8[F], entry classes u8[E], entry weights i16[E]; in format 3 only, the fixed
/// words (<see cref="FixedClasses"/>): count i32, spelling hashes u64[W], classes u8[W]; then an FNV-1a 32 checksum
/// of everything before it. A model without fixed words is written in format 2, which is also read.
/// </remarks>
internal sealed partial class PerceptronModel
{
    public const uint Magic = 0x4D545851; // "QXTM" read as little-endian bytes
    public const ushort FormatVersion = 3;

    /// <summary>The format without fixed words, still written when a model has none (and read).</summary>
    public const ushort FormatVersionWithoutFixedWords = 2;

    /// <summary>Version of <see cref="FeatureHash"/> and <see cref="FeatureTemplates"/>; bump on any change to them.</summary>
    public const ushort FeatureVersion = 1;

    private const int HeaderSize = 32;

    // Tagging time is almost all feature lookups, i.e. cache misses, so the lookup structures are built for
    // few, independent memory reads. The table is an array of 64-byte buckets, each 8 fingerprints (the key's
    // high 32 bits, 0 = empty) then 8 packed values; a key lives in its home bucket (low key bits) or, if that
    // bucket was full, a following one. A value is the feature's only weight, inline (Inline | class << 16 |
    // (ushort)weight: no second cache line to read), or else where its weights are: offset << 8 | count in the
    // entries, each (class << 16 | (ushort)weight), or the dense row index. 0 means "no weights".
    private const int BucketSlots = 8;
    private const int BucketSize = 2 * BucketSlots;
    private const uint Inline = 1u << 31;

    // Models with more than two and at most DenseWidth classes (the recognizer) keep each feature's weights as one dense,
    // cache-line-sized row instead: adding a row is four vector adds and no scattered read-modify-writes.
    // Row 0 is all zeros and stands for unknown features, so the adding loop has no branch.
    private const int DenseWidth = 32;

    // Both tables start on a cache line (see AlignedArray), so that a bucket or a dense row is one line.
    private readonly uint[] _buckets;
    private readonly int _bucketBase;
    private readonly int _bucketMask;
    private readonly uint[] _entries;
    private readonly short[]? _rows;
    private readonly int _rowBase;

    private PerceptronModel(ModelKind kind, int classCount, float scale, Table table, uint[] entries, int featureCount, FixedClasses fixedClasses)
    {
        Fixed = fixedClasses;
        _rows = table.Rows;
        _rowBase = table.RowBase;
        EntryCount = entries.Length;
        Kind = kind;
        ClassCount = classCount;
        Scale = scale;
        _buckets = table.Buckets;
        _bucketBase = table.BucketBase;
        _bucketMask = table.BucketCount - 1;
        _entries = table.Rows is null ? entries : [];
        _margins = table.Margins;
        _marginBase = table.MarginBase;
        FeatureCount = featureCount;
    }

    public ModelKind Kind { get; }

    public int ClassCount { get; }

    /// <summary>Multiply an integer score by this to get the perceptron's float score.</summary>
    public float Scale { get; }

    public int FeatureCount { get; }

    /// <summary>Words whose class this model gives without scoring them (none for most models).</summary>
    public FixedClasses Fixed { get; }

    /// <summary>
    /// Confidence of a decision is sigmoid(<see cref="ConfidenceSlope"/> × ln(1 + margin) + <see cref="ConfidenceIntercept"/>),
    /// the margin being the float score gap to the runner-up; fitted by the trainer on held-out training sentences.
    /// </summary>
    public float ConfidenceSlope { get; private init; } = 1;

    /// <inheritdoc cref="ConfidenceSlope"/>
    public float ConfidenceIntercept { get; private init; }

    /// <summary>Calibrated probability that a decision with this float-score margin is right.</summary>
    public float Confidence(float margin) =>
        (float)(1 / (1 + Math.Exp(-((ConfidenceSlope * Math.Log(1 + Math.Max(0, (double)margin))) + ConfidenceIntercept))));

    public int EntryCount { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one per class, zeroed by the caller).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        if (features.Length > FeatureTemplates.MaxFeatures)
        {
            Score(features[FeatureTemplates.MaxFeatures..], scores);
            features = features[..FeatureTemplates.MaxFeatures];
        }

        // Pass 1 finds every feature's entry range without data-dependent branches (a bucket compare is one
        // vector instruction), so the bucket reads of all features are in flight together.
        Span<uint> ranges = stackalloc uint[FeatureTemplates.MaxFeatures];
        var buckets = _buckets.AsSpan(_bucketBase);
        for (int f = 0; f < features.Length; f++)
        {
            ranges[f] = Find(buckets, features[f]);
        }

        if (_rows is not null)
        {
            AddRows(ranges[..features.Length], scores);
            return;
        }

        // Pass 2 touches each range's first entry, again independently, so pass 3 finds them in cache.
        var entries = _entries;
        uint touched = 0;
        for (int f = 0; f < features.Length; f++)
        {
            touched ^= entries[EntryIndex(ranges[f])];
        }

        scores[0] += (int)(touched & 0); // keeps the touching loads without changing the scores
        for (int f = 0; f < features.Length; f++)
        {
            AddSparse(ranges[f], scores);
        }
    }

    /// <summary>
    /// Finds every key of <paramref name="keys"/> (what <see cref="Add"/> takes, 0 when the model does not have it), then
    /// touches each one's weights, so that adding them after finds them in cache. All reads are independent: a batch
    /// of keys from many tokens costs about one memory latency, not one per key.
    /// </summary>
    public void Locate(ReadOnlySpan<ulong> keys, Span<uint> found)
    {
        if (keys.IsEmpty)
        {
            return;
        }

        var buckets = _buckets.AsSpan(_bucketBase);
        for (int k = 0; k < keys.Length; k++)
        {
            found[k] = Find(buckets, keys[k]);
        }

        uint touched = 0;
        if (_rows is not null)
        {
            var rows = _rows.AsSpan(_rowBase);
            for (int k = 0; k < keys.Length; k++)
            {
                touched ^= (ushort)rows[RowIndex(found[k]) * DenseWidth];
            }
        }
        else
        {
            var entries = _entries;
            for (int k = 0; k < keys.Length; k++)
            {
                touched ^= entries[EntryIndex(found[k])];
            }
        }

        found[0] |= touched & 0; // keeps the touching loads without changing the result
    }

    /// <summary>
    /// Adds the weights of one feature found by <see cref="Locate"/> to <paramref name="scores"/>, a row at least
    /// <see cref="ScoreRows.Width"/>(<see cref="ClassCount"/>) wide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(uint found, Span<int> scores)
    {
        if (_rows is not null && (found & Inline) == 0)
        {
            int width = ScoreRows.Width(ClassCount);
            var row = _rows.AsSpan(_rowBase + ((int)found * DenseWidth), width);
            if (scores.Length < width)
            {
                throw new ArgumentException("The score row is narrower than the model's padded width.", nameof(scores));
            }

            ref int target = ref MemoryMarshal.GetReference(scores);
            ref short weights = ref MemoryMarshal.GetReference(row);
            for (nuint c = 0; c < (nuint)width; c += 8)
            {
                var widened = Vector256.WidenLower(Vector128.LoadUnsafe(ref weights, c).ToVector256Unsafe());
                (Vector256.LoadUnsafe(ref target, c) + widened).StoreUnsafe(ref target, c);
            }

            return;
        }

        AddSparse(found, scores);
    }

    /// <summary>Adds an inline weight or an entry range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddSparse(uint found, Span<int> scores)
    {
        if ((found & Inline) != 0)
        {
            scores[(int)((found >> 16) & 0xFF)] += (short)found;
            return;
        }

        var entries = _entries;
        int start = (int)(found >> 8);
        int end = start + (int)(found & 0xFF);
        for (int e = start; e < end; e++)
        {
            uint entry = entries[e];
            scores[(int)(entry >> 16)] += (short)entry;
        }
    }

    /// <summary>The entry offset of a packed range; 0 for an inline weight (the touching loops read something harmless).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EntryIndex(uint found) => (int)(found >> 8) & ~((int)found >> 31);

    /// <summary>The dense row of a value; row 0 (zeros) for an inline weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RowIndex(uint found) => (int)found & ~((int)found >> 31);

    private void AddRows(ReadOnlySpan<uint> rowIndexes, Span<int> scores)
    {
        var rows = _rows.AsSpan(_rowBase);
        Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
        foreach (var found in rowIndexes)
        {
            if ((found & Inline) != 0)
            {
                scores[(int)((found >> 16) & 0xFF)] += (short)found;
                continue;
            }

            var row = rows.Slice((int)found * DenseWidth, DenseWidth);
            var (w0, w1) = Vector256.Widen(Vector256.Create<short>(row[..16]));
            var (w2, w3) = Vector256.Widen(Vector256.Create<short>(row[16..]));
            a0 += w0;
            a1 += w1;
            a2 += w2;
            a3 += w3;
        }

        Span<int> sums = stackalloc int[DenseWidth];
        a0.CopyTo(sums);
        a1.CopyTo(sums[8..]);
        a2.CopyTo(sums[16..]);
        a3.CopyTo(sums[24..]);
        for (int c = 0; c < ClassCount; c++)
        {
            scores[c] += sums[c];
        }
    }

    /// <summary>The packed (offset, count) of a key (the row index for dense models), or 0 when the model does not have it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Find(Span<uint> buckets, ulong key) => Find(buckets, _bucketMask, key);

    /// <summary>
    /// The value stored for a key in a fingerprint table laid out as the models' (see <see cref="Insert"/>), or 0 when a
    /// bucket with a free slot comes first on its probe sequence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Find(Span<uint> buckets, int bucketMask, ulong key)
    {
        uint fingerprint = (uint)(key >> 32);
        var wanted = Vector256.Create(fingerprint);
        int bucket = (int)(key >> 1) & bucketMask;
        while (true)
        {
            var slots = buckets.Slice(bucket * BucketSize, BucketSize);
            var keys = Vector256.Create<uint>(slots[..BucketSlots]);
            uint hit = Vector256.Equals(keys, wanted).ExtractMostSignificantBits();
            uint free = Vector256.Equals(keys, Vector256<uint>.Zero).ExtractMostSignificantBits();
            if ((hit | free) != 0)
            {
                // Branch-free select: the slot's value on a hit, 0 (an empty range) on a miss.
                uint value = slots[BucketSlots + (BitOperations.TrailingZeroCount(hit | 0x80u) & 7)];
                return hit != 0 ? value : 0;
            }

            bucket = (bucket + 1) & bucketMask; // full bucket: the key may have overflowed to the next one
        }
    }

    /// <summary>Reads a model, checking magic, versions, kind, sizes and checksum.</summary>
    /// <exception cref="InvalidDataException">The stream is not a valid model of <paramref name="expectedKind"/>.</exception>
    public static PerceptronModel Read(Stream stream, ModelKind expectedKind)
    {
        byte[] data;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            data = buffer.ToArray();
        }

        return Read(data, expectedKind);
    }

    public static PerceptronModel Read(ReadOnlySpan<byte> data, ModelKind expectedKind)
    {
        if (data.Length < HeaderSize + 4)
        {
            throw new InvalidDataException($"Tagger model is truncated: {data.Length} bytes.");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(data) != Magic)
        {
            throw new InvalidDataException("Not a QuoteExtract tagger model (bad magic number).");
        }

        ushort format = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        ushort features = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        if (format is not (FormatVersion or FormatVersionWithoutFixedWords) || features != FeatureVersion)
        {
            throw new InvalidDataException(
                $"Unsupported tagger model version {format}.{features}; this library reads {FormatVersion}.{FeatureVersion}.");
        }

        var kind = (ModelKind)data[8];
        if (kind != expectedKind)
        {
            throw new InvalidDataException($"Tagger model is a {kind} model, expected {expectedKind}.");
        }

        int classCount = data[9];
        float slope = BinaryPrimitives.ReadSingleLittleEndian(data[24..]);
        float intercept = BinaryPrimitives.ReadSingleLittleEndian(data[28..]);
        float scale = BinaryPrimitives.ReadSingleLittleEndian(data[12..]);
        int featureCount = BinaryPrimitives.ReadInt32LittleEndian(data[16..]);
        int entryCount = BinaryPrimitives.ReadInt32LittleEndian(data[20..]);
        long weightsEnd = HeaderSize + (9L * featureCount) + (3L * entryCount);
        int fixedCount = format == FormatVersion && featureCount >= 0 && entryCount >= 0 && weightsEnd + 8 <= data.Length
            ? BinaryPrimitives.ReadInt32LittleEndian(data[(int)weightsEnd..])
            : 0;
        long expected = weightsEnd + (format == FormatVersion ? 4 + (9L * fixedCount) : 0) + 4;
        if (featureCount < 0 || entryCount < 0 || fixedCount < 0 || expected != data.Length || classCount == 0 || !float.IsFinite(scale) || !float.IsFinite(slope) || !float.IsFinite(intercept))
        {
            throw new InvalidDataException("Tagger model is corrupt (sizes do not match the header).");
        }

        var body = data[..^4];
        if (Fnv32(body) != BinaryPrimitives.ReadUInt32LittleEndian(data[^4..]))
        {
            throw new InvalidDataException("Tagger model is corrupt (checksum mismatch).");
        }

        var keys = data.Slice(HeaderSize, 8 * featureCount);
        var counts = data.Slice(HeaderSize + (8 * featureCount), featureCount);
        var classes = data.Slice(HeaderSize + (9 * featureCount), entryCount);
        var weightBytes = data.Slice(HeaderSize + (9 * featureCount) + entryCount, 2 * entryCount);
        if (entryCount >= 1 << 23)
        {
            throw new InvalidDataException("Tagger model is too large for this library.");
        }

        var entries = new uint[Math.Max(1, entryCount)];
        for (int e = 0; e < entryCount; e++)
        {
            if (classes[e] >= classCount)
            {
                throw new InvalidDataException("Tagger model is corrupt (class index out of range).");
            }

            entries[e] = ((uint)classes[e] << 16) | BinaryPrimitives.ReadUInt16LittleEndian(weightBytes[(2 * e)..]);
        }

        // At most six features per 8-slot bucket: overflow stays rare while the table stays small enough to
        // be cached (measured faster than sparser tables). There is always a free slot, so lookups end.
        int bucketCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, (featureCount / 6) + 1));
        var bucketArray = AlignedArray.Allocate<uint>(bucketCount * BucketSize, out int bucketBase);
        var buckets = bucketArray.AsSpan(bucketBase, bucketCount * BucketSize);
        int bucketMask = bucketCount - 1;
        int rowBase = 0;
        var rowArray = classCount is > MarginClasses and <= DenseWidth ? AlignedArray.Allocate<short>((featureCount + 1) * DenseWidth, out rowBase) : null;
        var rows = rowArray is null ? default : rowArray.AsSpan(rowBase, (featureCount + 1) * DenseWidth);
        int marginBase = 0;
        var marginArray = classCount == MarginClasses ? AlignedArray.Allocate<uint>(bucketCount * BucketSize, out marginBase) : null;
        var margins = marginArray is null ? default : marginArray.AsSpan(marginBase, bucketCount * BucketSize);
        int offset = 0;
        for (int f = 0; f < featureCount; f++)
        {
            ulong key = BinaryPrimitives.ReadUInt64LittleEndian(keys[(8 * f)..]);
            int count = counts[f];
            if (key == 0 || offset + count > entryCount)
            {
                throw new InvalidDataException("Tagger model is corrupt (bad feature table).");
            }

            if (rowArray is not null)
            {
                for (int e = offset; e < offset + count; e++)
                {
                    rows[((f + 1) * DenseWidth) + (int)(entries[e] >> 16)] = (short)entries[e];
                }
            }

            uint value = count == 1 ? Inline | entries[offset] : rowArray is not null ? (uint)(f + 1) : ((uint)offset << 8) | (uint)count;
            Insert(buckets, bucketMask, key, value);
            if (marginArray is not null)
            {
                Insert(margins, bucketMask, key, (uint)MarginOf(entries.AsSpan(offset, count)));
            }

            offset += count;
        }

        if (offset != entryCount)
        {
            throw new InvalidDataException("Tagger model is corrupt (entry count mismatch).");
        }

        var table = new Table(bucketArray, bucketBase, bucketCount, rowArray, rowBase, marginArray, marginBase);
        var fixedClasses = fixedCount == 0 ? FixedClasses.None : ReadFixed(data[((int)weightsEnd + 4)..], fixedCount, classCount);
        return new PerceptronModel(kind, classCount, scale, table, entries, featureCount, fixedClasses) { ConfidenceSlope = slope, ConfidenceIntercept = intercept };
    }

    private static FixedClasses ReadFixed(ReadOnlySpan<byte> data, int count, int classCount)
    {
        var words = new ulong[count];
        var classes = data.Slice(8 * count, count);
        var seen = new HashSet<ulong>(count);
        for (int w = 0; w < count; w++)
        {
            words[w] = BinaryPrimitives.ReadUInt64LittleEndian(data[(8 * w)..]);
            if (words[w] == 0 || !seen.Add(words[w]) || classes[w] >= classCount)
            {
                throw new InvalidDataException("Tagger model is corrupt (bad fixed word).");
            }
        }

        return new FixedClasses(words, classes);
    }

    /// <summary>Stores a key in a fingerprint table laid out as the models' (also used by the attribution layer's merged margin table).</summary>
    internal static void Insert(Span<uint> buckets, int bucketMask, ulong key, uint value)
    {
        // Keys whose fingerprint is 0 cannot be stored, and two keys sharing a fingerprint (a handful per
        // model) keep the first: both cost nothing measurable and keep lookups to one compare per bucket.
        uint fingerprint = (uint)(key >> 32);
        if (fingerprint == 0)
        {
            return;
        }

        int bucket = (int)(key >> 1) & bucketMask;
        while (true)
        {
            int start = bucket * BucketSize;
            for (int slot = 0; slot < BucketSlots; slot++)
            {
                if (buckets[start + slot] == fingerprint)
                {
                    return;
                }

                if (buckets[start + slot] == 0)
                {
                    buckets[start + slot] = fingerprint;
                    buckets[start + BucketSlots + slot] = value;
                    return;
                }
            }

            bucket = (bucket + 1) & bucketMask;
        }
    }

    /// <summary>
    /// Writes a model. <paramref name="features"/> must be ascending by key; each feature's entries are
    /// consecutive in <paramref name="entryClasses"/>/<paramref name="entryWeights"/>.
    /// </summary>
    public static void Write(
        Stream stream, ModelKind kind, int classCount, float scale,
        ReadOnlySpan<ulong> features, ReadOnlySpan<byte> entriesPerFeature,
        ReadOnlySpan<byte> entryClasses, ReadOnlySpan<short> entryWeights, float confidenceSlope = 1f, float confidenceIntercept = 0f,
        ReadOnlySpan<ulong> fixedWords = default, ReadOnlySpan<byte> fixedClasses = default)
    {
        if (fixedWords.Length != fixedClasses.Length)
        {
            throw new ArgumentException("Every fixed word needs one class.", nameof(fixedClasses));
        }

        bool withFixed = !fixedWords.IsEmpty;
        int size = HeaderSize + (9 * features.Length) + (3 * entryClasses.Length) + (withFixed ? 4 + (9 * fixedWords.Length) : 0) + 4;
        var data = new byte[size];
        var span = data.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], withFixed ? FormatVersion : FormatVersionWithoutFixedWords);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], FeatureVersion);
        span[8] = (byte)kind;
        span[9] = checked((byte)classCount);
        BinaryPrimitives.WriteSingleLittleEndian(span[24..], confidenceSlope);
        BinaryPrimitives.WriteSingleLittleEndian(span[28..], confidenceIntercept);
        BinaryPrimitives.WriteSingleLittleEndian(span[12..], scale);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], features.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], entryClasses.Length);
        int p = HeaderSize;
        foreach (var key in features)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[p..], key);
            p += 8;
        }

        entriesPerFeature.CopyTo(span[p..]);
        p += features.Length;
        entryClasses.CopyTo(span[p..]);
        p += entryClasses.Length;
        foreach (var w in entryWeights)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[p..], w);
            p += 2;
        }

        if (withFixed)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[p..], fixedWords.Length);
            p += 4;
            foreach (var word in fixedWords)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(span[p..], word);
                p += 8;
            }

            fixedClasses.CopyTo(span[p..]);
            p += fixedClasses.Length;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[p..], Fnv32(span[..p]));
        stream.Write(data);
    }

    private static uint Fnv32(ReadOnlySpan<byte> data)
    {
        uint h = 2166136261;
        foreach (var b in data)
        {
            h = (h ^ b) * 16777619;
        }

        return h;
    }

    /// <summary>The lookup arrays of a model and where their aligned parts start.</summary>
    private readonly record struct Table(uint[] Buckets, int BucketBase, int BucketCount, short[]? Rows, int RowBase, uint[]? Margins, int MarginBase);
}

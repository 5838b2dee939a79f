using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Tagging;

/// <summary>What a model file predicts.</summary>
internal enum ModelKind : byte
{
    PartOfSpeech = 1,
    Entities = 2,
}

/// <summary>
/// A trained averaged perceptron, immutable and safe to share between threads. Weights are sparse: each
/// hashed feature has a short list of (class, int16 weight) entries, found through an open-addressing table.
/// </summary>
/// <remarks>
/// File layout (all little-endian): magic "QXTM", format version u16, feature version u16, kind u8,
/// class count u8, reserved u16, weight scale f32, feature count i32, entry count i32, feature keys u64[F]
/// (ascending), entries per feature u8[F], entry classes u8[E], entry weights i16[E], FNV-1a 32 checksum
/// of everything before it.
/// </remarks>
internal sealed class PerceptronModel
{
    public const uint Magic = 0x4D545851; // "QXTM" read as little-endian bytes
    public const ushort FormatVersion = 1;

    /// <summary>Version of <see cref="FeatureHash"/> and <see cref="FeatureTemplates"/>; bump on any change to them.</summary>
    public const ushort FeatureVersion = 1;

    private const int HeaderSize = 28;

    private readonly Slot[] _table;
    private readonly int _mask;
    private readonly byte[] _classes;
    private readonly short[] _weights;

    private PerceptronModel(ModelKind kind, int classCount, float scale, Slot[] table, byte[] classes, short[] weights, int featureCount)
    {
        Kind = kind;
        ClassCount = classCount;
        Scale = scale;
        _table = table;
        _mask = table.Length - 1;
        _classes = classes;
        _weights = weights;
        FeatureCount = featureCount;
    }

    public ModelKind Kind { get; }

    public int ClassCount { get; }

    /// <summary>Multiply an integer score by this to get the perceptron's float score.</summary>
    public float Scale { get; }

    public int FeatureCount { get; }

    public int EntryCount => _weights.Length;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one per class, zeroed by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        var table = _table;
        var classes = _classes;
        var weights = _weights;
        foreach (var key in features)
        {
            int slot = (int)(key >> 20) & _mask;
            while (true)
            {
                ref readonly var s = ref table[slot];
                if (s.Key == key)
                {
                    int end = s.Offset + s.Count;
                    for (int e = s.Offset; e < end; e++)
                    {
                        scores[classes[e]] += weights[e];
                    }

                    break;
                }

                if (s.Key == 0)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
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
        if (format != FormatVersion || features != FeatureVersion)
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
        float scale = BinaryPrimitives.ReadSingleLittleEndian(data[12..]);
        int featureCount = BinaryPrimitives.ReadInt32LittleEndian(data[16..]);
        int entryCount = BinaryPrimitives.ReadInt32LittleEndian(data[20..]);
        long expected = HeaderSize + (9L * featureCount) + (3L * entryCount) + 4;
        if (featureCount < 0 || entryCount < 0 || expected != data.Length || classCount == 0 || !float.IsFinite(scale))
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
        var classes = data.Slice(HeaderSize + (9 * featureCount), entryCount).ToArray();
        var weightBytes = data.Slice(HeaderSize + (9 * featureCount) + entryCount, 2 * entryCount);
        var weights = new short[entryCount];
        for (int e = 0; e < entryCount; e++)
        {
            weights[e] = BinaryPrimitives.ReadInt16LittleEndian(weightBytes[(2 * e)..]);
            if (classes[e] >= classCount)
            {
                throw new InvalidDataException("Tagger model is corrupt (class index out of range).");
            }
        }

        int capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(featureCount * 2)));
        var table = new Slot[capacity];
        int mask = capacity - 1;
        int offset = 0;
        for (int f = 0; f < featureCount; f++)
        {
            ulong key = BinaryPrimitives.ReadUInt64LittleEndian(keys[(8 * f)..]);
            int count = counts[f];
            if (key == 0 || offset + count > entryCount)
            {
                throw new InvalidDataException("Tagger model is corrupt (bad feature table).");
            }

            int slot = (int)(key >> 20) & mask;
            while (table[slot].Key != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = new Slot(key, offset, count);
            offset += count;
        }

        if (offset != entryCount)
        {
            throw new InvalidDataException("Tagger model is corrupt (entry count mismatch).");
        }

        return new PerceptronModel(kind, classCount, scale, table, classes, weights, featureCount);
    }

    /// <summary>
    /// Writes a model. <paramref name="features"/> must be ascending by key; each feature's entries are
    /// consecutive in <paramref name="entryClasses"/>/<paramref name="entryWeights"/>.
    /// </summary>
    public static void Write(
        Stream stream, ModelKind kind, int classCount, float scale,
        ReadOnlySpan<ulong> features, ReadOnlySpan<byte> entriesPerFeature,
        ReadOnlySpan<byte> entryClasses, ReadOnlySpan<short> entryWeights)
    {
        int size = HeaderSize + (9 * features.Length) + (3 * entryClasses.Length) + 4;
        var data = new byte[size];
        var span = data.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], FeatureVersion);
        span[8] = (byte)kind;
        span[9] = checked((byte)classCount);
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

    private readonly record struct Slot(ulong Key, int Offset, int Count);
}

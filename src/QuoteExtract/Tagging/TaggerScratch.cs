namespace QuoteExtract.Tagging;

/// <summary>
/// Everything one tagging call writes besides its results: the word memos (see <see cref="WordScoreCache"/>,
/// <see cref="TokenInfoCache"/>) and the buffers of the batched lookups. The tagger lends each instance to one call at a
/// time from a small pool, so the memos stay warm across calls and nothing is allocated per call or per token (the row
/// buffer only grows).
/// </summary>
internal sealed class TaggerScratch
{
    /// <summary>Tokens whose independent lookups are issued together: enough to keep many memory reads in flight.</summary>
    public const int Chunk = 32;

    /// <summary>Upper bound of the lookups one token adds to a batch (the largest of the two models' sets).</summary>
    public const int KeysPerToken = 32;

    private const int MemoBits = 12;

    private int[] _known = [];

    public TaggerScratch(GroupTables tables)
    {
        PosWords = new WordScoreCache(tables.PosWidth, MemoBits);
        PosNeighbours = new WordScoreCache(4 * tables.PosWidth, MemoBits);
        NerWords = new WordScoreCache(tables.NerWidth, MemoBits);
        NerNeighbours = new WordScoreCache(4 * tables.NerWidth, MemoBits);
        MaxWidth = Math.Max(tables.PosWidth, tables.NerWidth);
    }

    /// <summary>The spelling-only token properties and fixed part-of-speech class per word form.</summary>
    public TokenInfoCache TokenInfos { get; } = new(MemoBits);

    /// <summary>Sums of <see cref="FeatureTemplates.PosWord"/> per word form and flags.</summary>
    public WordScoreCache PosWords { get; }

    /// <summary>Sums of the four part-of-speech neighbour-word groups per word form, one row each.</summary>
    public WordScoreCache PosNeighbours { get; }

    /// <summary>Sums of <see cref="FeatureTemplates.NerWord"/> per word form, flags and tag.</summary>
    public WordScoreCache NerWords { get; }

    /// <summary>Sums of the four entity neighbour-word groups per word form, one row each.</summary>
    public WordScoreCache NerNeighbours { get; }

    /// <summary>Feature keys of a batch.</summary>
    public ulong[] Keys { get; } = new ulong[Chunk * KeysPerToken];

    /// <summary>What <see cref="PerceptronModel.Locate"/> found for each key.</summary>
    public uint[] Found { get; } = new uint[Chunk * KeysPerToken];

    /// <summary>For each key, the offset in <see cref="Rows"/> of the row its weights go to.</summary>
    public int[] Targets { get; } = new int[Chunk * KeysPerToken];

    /// <summary>Per token of a chunk: the previous class guessed before the greedy pass (class + 1), and where its history keys start.</summary>
    public int[] Guess { get; } = new int[Chunk];

    /// <inheritdoc cref="Guess"/>
    public int[] GuessKeys { get; } = new int[Chunk + 1];

    /// <summary>Per token of a chunk that missed a memo: the token index.</summary>
    public int[] WordMisses { get; } = new int[Chunk];

    /// <inheritdoc cref="WordMisses"/>
    public int[] NeighbourMisses { get; } = new int[Chunk];

    /// <summary>
    /// A sentence's score rows (one per token) followed by the rows that memo misses of one chunk are summed into
    /// (one word row, then four neighbour rows per token).
    /// </summary>
    public int[] Rows { get; private set; } = [];

    private int MaxWidth { get; }

    /// <summary>Per token of a sentence: the class it gets without being scored, or −1 when it is scored (see <see cref="Tagger"/>).</summary>
    public Span<int> Known(int count)
    {
        if (_known.Length < count)
        {
            _known = new int[Math.Max(count, 2 * _known.Length)];
        }

        return _known.AsSpan(0, count);
    }

    /// <summary>The offset of the miss rows for a sentence of <paramref name="count"/> tokens; grows <see cref="Rows"/> to fit.</summary>
    public int PrepareRows(int count)
    {
        int scratch = count * MaxWidth;
        int needed = scratch + (Chunk * 5 * MaxWidth);
        if (Rows.Length < needed)
        {
            Rows = new int[Math.Max(needed, 2 * Rows.Length)];
        }

        return scratch;
    }
}

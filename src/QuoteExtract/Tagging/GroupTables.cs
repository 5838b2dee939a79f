namespace QuoteExtract.Tagging;

/// <summary>
/// Weight sums computed once per pair of models, for the feature groups of <see cref="FeatureTemplates"/> that read
/// few distinct values: the tag and class history groups (a row per combination of previous classes and tags) and the
/// neighbour-word groups at the sentence edges (a row per padding position). Rows are <see cref="ScoreRows"/> wide;
/// each is the integer sum of exactly the features of its group, so adding a row equals adding those features.
/// Immutable once built, shared by all threads.
/// </summary>
internal sealed class GroupTables
{
    /// <summary>Row index of a part-of-speech tag in the tag tables: its value (1 to <see cref="PosTags.Count"/>), or 0 for the sentence padding.</summary>
    public const int TagSlots = PosTags.Count + 1;

    private const int PosHistorySlots = PosTags.Count + 1;
    private const int NerHistorySlots = Bilou.ClassCount + 1;

    private readonly int[] _posTagHistory;
    private readonly int[] _posPadding;
    private readonly int[] _nerClassHistory;
    private readonly int[] _nerTagHistory;
    private readonly int[] _nerTagsBefore;
    private readonly int[] _nerTagsAfter;
    private readonly int[] _nerPadding;

    public GroupTables(PerceptronModel pos, PerceptronModel ner)
    {
        PosWidth = ScoreRows.Width(pos.ClassCount);
        NerWidth = ScoreRows.Width(ner.ClassCount);
        Span<ulong> f = stackalloc ulong[FeatureTemplates.MaxFeatures];

        // Thousands of rows: their lookups go in batches (see PerceptronModel.Locate), which keeps loading quick.
        _posTagHistory = new int[PosHistorySlots * PosHistorySlots * PosWidth];
        var batch = new Batch(pos, _posTagHistory, PosWidth);
        for (int p1 = 0; p1 < PosHistorySlots; p1++)
        {
            for (int p2 = 0; p2 < PosHistorySlots; p2++)
            {
                batch.Add(f[..FeatureTemplates.PosTagHistory(p1, p2, f)], (p1 * PosHistorySlots) + p2);
            }
        }

        batch.Flush();
        _posPadding = Padding(pos, PosWidth, FeatureTemplates.PosBefore1, FeatureTemplates.PosBefore2, FeatureTemplates.PosAfter1, FeatureTemplates.PosAfter2);
        _nerPadding = Padding(ner, NerWidth, FeatureTemplates.NerBefore1, FeatureTemplates.NerBefore2, FeatureTemplates.NerAfter1, FeatureTemplates.NerAfter2);

        _nerClassHistory = new int[NerHistorySlots * NerHistorySlots * NerWidth];
        _nerTagHistory = new int[NerHistorySlots * TagSlots * NerWidth];
        var classHistory = new Batch(ner, _nerClassHistory, NerWidth);
        var tagHistory = new Batch(ner, _nerTagHistory, NerWidth);
        for (int p1 = 0; p1 < NerHistorySlots; p1++)
        {
            for (int p2 = 0; p2 < NerHistorySlots; p2++)
            {
                classHistory.Add(f[..FeatureTemplates.NerClassHistory(p1, p2, f)], (p1 * NerHistorySlots) + p2);
            }

            for (int tag = 1; tag < TagSlots; tag++)
            {
                ReadOnlySpan<PosTag> one = [(PosTag)tag];
                tagHistory.Add(f[..FeatureTemplates.NerTagHistory(one, 0, p1, f)], (p1 * TagSlots) + tag);
            }
        }

        classHistory.Flush();
        tagHistory.Flush();
        _nerTagsBefore = new int[TagSlots * TagSlots * NerWidth];
        _nerTagsAfter = new int[TagSlots * TagSlots * NerWidth];
        var tagsBefore = new Batch(ner, _nerTagsBefore, NerWidth);
        var tagsAfter = new Batch(ner, _nerTagsAfter, NerWidth);
        for (int tag = 1; tag < TagSlots; tag++)
        {
            // Slot 0 of the neighbour is the padding: a one-tag sentence makes the templates read it.
            ReadOnlySpan<PosTag> alone = [(PosTag)tag];
            tagsBefore.Add(f[..FeatureTemplates.NerTagsBefore(alone, 0, f)], tag);
            tagsAfter.Add(f[..FeatureTemplates.NerTagsAfter(alone, 0, f)], tag * TagSlots);
            for (int other = 1; other < TagSlots; other++)
            {
                ReadOnlySpan<PosTag> before = [(PosTag)other, (PosTag)tag];
                tagsBefore.Add(f[..FeatureTemplates.NerTagsBefore(before, 1, f)], (other * TagSlots) + tag);
                ReadOnlySpan<PosTag> after = [(PosTag)tag, (PosTag)other];
                tagsAfter.Add(f[..FeatureTemplates.NerTagsAfter(after, 0, f)], (tag * TagSlots) + other);
            }
        }

        tagsBefore.Flush();
        tagsAfter.Flush();
    }

    /// <summary>A neighbour-word group's features for the word at offset j, written into the span; returns the count.</summary>
    private delegate int Group(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f);

    /// <summary>Row width of the part-of-speech model.</summary>
    public int PosWidth { get; }

    /// <summary>Row width of the entity model.</summary>
    public int NerWidth { get; }

    /// <summary>Sum of <see cref="FeatureTemplates.PosTagHistory"/> for the two previous tags (class + 1, 0 = none).</summary>
    public ReadOnlySpan<int> PosTagHistory(int previous1, int previous2) =>
        Row(_posTagHistory, (previous1 * PosHistorySlots) + previous2, PosWidth);

    /// <summary>
    /// Sum of the part-of-speech neighbour-word groups that read past the sentence edge for token <paramref name="i"/> of
    /// a sentence of <paramref name="count"/> tokens, added to <paramref name="row"/>.
    /// </summary>
    public void AddPosPadding(int i, int count, Span<int> row) => AddPadding(_posPadding, PosWidth, i, count, row);

    /// <inheritdoc cref="AddPosPadding"/>
    public void AddNerPadding(int i, int count, Span<int> row) => AddPadding(_nerPadding, NerWidth, i, count, row);

    /// <summary>Sum of <see cref="FeatureTemplates.NerClassHistory"/> for the two previous classes (class + 1, 0 = none).</summary>
    public ReadOnlySpan<int> NerClassHistory(int previous1, int previous2) =>
        Row(_nerClassHistory, (previous1 * NerHistorySlots) + previous2, NerWidth);

    /// <summary>Sum of <see cref="FeatureTemplates.NerTagHistory"/> for the previous class and the token's tag.</summary>
    public ReadOnlySpan<int> NerTagHistory(int previous1, PosTag tag) => Row(_nerTagHistory, (previous1 * TagSlots) + (int)tag, NerWidth);

    /// <summary>Sum of <see cref="FeatureTemplates.NerTagsBefore"/> for token <paramref name="i"/> of the tagged sentence <paramref name="pos"/>.</summary>
    public ReadOnlySpan<int> NerTagsBefore(ReadOnlySpan<PosTag> pos, int i) =>
        Row(_nerTagsBefore, ((i > 0 ? (int)pos[i - 1] : 0) * TagSlots) + (int)pos[i], NerWidth);

    /// <summary>Sum of <see cref="FeatureTemplates.NerTagsAfter"/> for token <paramref name="i"/> of the tagged sentence <paramref name="pos"/>.</summary>
    public ReadOnlySpan<int> NerTagsAfter(ReadOnlySpan<PosTag> pos, int i) =>
        Row(_nerTagsAfter, ((int)pos[i] * TagSlots) + (i + 1 < pos.Length ? (int)pos[i + 1] : 0), NerWidth);

    private static Span<int> Row(int[] table, int index, int width) => table.AsSpan(index * width, width);

    // Six padding rows per model: before-1 at -1, before-2 at -1 and -2, after-1 at n, after-2 at n and n + 1. An empty
    // sentence makes every offset padding, with the same values as in any sentence (-1, -2, n = 0, n + 1 = 1).
    private static int[] Padding(PerceptronModel model, int width, Group before1, Group before2, Group after1, Group after2)
    {
        var rows = new int[6 * width];
        Span<ulong> f = stackalloc ulong[FeatureTemplates.MaxFeatures];
        model.Score(f[..before1([], -1, f)], Row(rows, 0, width));
        model.Score(f[..before2([], -1, f)], Row(rows, 1, width));
        model.Score(f[..before2([], -2, f)], Row(rows, 2, width));
        model.Score(f[..after1([], 0, f)], Row(rows, 3, width));
        model.Score(f[..after2([], 0, f)], Row(rows, 4, width));
        model.Score(f[..after2([], 1, f)], Row(rows, 5, width));
        return rows;
    }

    private static void AddPadding(int[] rows, int width, int i, int count, Span<int> row)
    {
        if (i < 1)
        {
            ScoreRows.Add(row, Row(rows, 0, width));
        }

        if (i < 2)
        {
            ScoreRows.Add(row, Row(rows, i == 1 ? 1 : 2, width));
        }

        if (i + 1 >= count)
        {
            ScoreRows.Add(row, Row(rows, 3, width));
        }

        if (i + 2 >= count)
        {
            ScoreRows.Add(row, Row(rows, i + 2 == count ? 4 : 5, width));
        }
    }

    /// <summary>Rows of one table whose features are looked up together, a batch at a time.</summary>
    private sealed class Batch(PerceptronModel model, int[] table, int width)
    {
        private const int Capacity = 1024;

        private readonly ulong[] _keys = new ulong[Capacity];
        private readonly int[] _rows = new int[Capacity];
        private readonly uint[] _found = new uint[Capacity];
        private int _count;

        /// <summary>Queues the weights of <paramref name="features"/> for row <paramref name="row"/>.</summary>
        public void Add(ReadOnlySpan<ulong> features, int row)
        {
            if (_count + features.Length > Capacity)
            {
                Flush();
            }

            features.CopyTo(_keys.AsSpan(_count));
            _rows.AsSpan(_count, features.Length).Fill(row);
            _count += features.Length;
        }

        /// <summary>Adds every queued weight to its row.</summary>
        public void Flush()
        {
            model.Locate(_keys.AsSpan(0, _count), _found);
            for (int k = 0; k < _count; k++)
            {
                model.Add(_found[k], Row(table, _rows[k], width));
            }

            _count = 0;
        }
    }
}

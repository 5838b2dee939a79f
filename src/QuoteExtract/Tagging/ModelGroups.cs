namespace QuoteExtract.Tagging;

/// <summary>
/// Where one model's scoring (<see cref="Tagger"/>) takes each feature group from: its word memos, the
/// key that tells memoised words apart, the templates of its word, neighbour and pair groups, and its tables. The
/// tagger and the recognizer differ only here, so the scoring loop is written once over a struct implementing this
/// (a struct type argument makes the JIT compile one specialised loop per model, with these calls inlined).
/// </summary>
internal interface IModelGroups
{
    /// <summary>The memo of a word's own word-only features.</summary>
    static abstract WordScoreCache Words(TaggerScratch scratch);

    /// <summary>The memo of the features a word's neighbours read from it.</summary>
    static abstract WordScoreCache Neighbours(TaggerScratch scratch);

    /// <summary>What besides its spelling a word memo's key holds for token <paramref name="i"/>.</summary>
    static abstract ulong WordKey(in TokenInfo token, ReadOnlySpan<PosTag> pos, int i);

    /// <summary>The token's word-only features.</summary>
    static abstract int Word(in TokenInfo token, ReadOnlySpan<PosTag> pos, int i, Span<ulong> keys);

    /// <summary>The features token <paramref name="i"/>'s neighbour one or two before reads from it.</summary>
    static abstract int Before1(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys);

    /// <inheritdoc cref="Before1"/>
    static abstract int Before2(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys);

    /// <summary>The features token <paramref name="i"/>'s neighbour one or two after reads from it.</summary>
    static abstract int After1(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys);

    /// <inheritdoc cref="After1"/>
    static abstract int After2(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys);

    /// <summary>Adds the groups that come from tables (sentence-edge padding, tags).</summary>
    static abstract void AddTables(GroupTables tables, ReadOnlySpan<PosTag> pos, int i, int count, Span<int> row);

    /// <summary>The token's word-pair features.</summary>
    static abstract int Pairs(ReadOnlySpan<TokenInfo> info, ReadOnlySpan<PosTag> pos, int i, Span<ulong> keys);

    /// <summary>The features that read the previous class together with a word (the greedy pass's word history group).</summary>
    static abstract int WordHistory(ReadOnlySpan<TokenInfo> info, int i, int previous1, Span<ulong> keys);
}

/// <summary>The part-of-speech tagger's groups (it runs before any tag is known).</summary>
internal readonly struct PosGroups : IModelGroups
{
    public static WordScoreCache Words(TaggerScratch scratch) => scratch.PosWords;

    public static WordScoreCache Neighbours(TaggerScratch scratch) => scratch.PosNeighbours;

    public static ulong WordKey(in TokenInfo token, ReadOnlySpan<PosTag> pos, int i) => (ulong)token.Flags;

    public static int Word(in TokenInfo token, ReadOnlySpan<PosTag> pos, int i, Span<ulong> keys) => FeatureTemplates.PosWord(token, keys);

    public static int Before1(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.PosBefore1(info, i, keys);

    public static int Before2(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.PosBefore2(info, i, keys);

    public static int After1(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.PosAfter1(info, i, keys);

    public static int After2(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.PosAfter2(info, i, keys);

    public static void AddTables(GroupTables tables, ReadOnlySpan<PosTag> pos, int i, int count, Span<int> row) => tables.AddPosPadding(i, count, row);

    public static int Pairs(ReadOnlySpan<TokenInfo> info, ReadOnlySpan<PosTag> pos, int i, Span<ulong> keys) => FeatureTemplates.PosPairs(info, i, keys);

    public static int WordHistory(ReadOnlySpan<TokenInfo> info, int i, int previous1, Span<ulong> keys) => FeatureTemplates.PosWordHistory(info, i, previous1, keys);
}

/// <summary>The recognizer's groups, which also read the sentence's tags.</summary>
internal readonly struct NerGroups : IModelGroups
{
    // Spacing is no entity feature, so words that differ only in it share a memo.
    private const CharacterFlags KeyFlags = ~(CharacterFlags.SpaceBefore | CharacterFlags.SpaceAfter);

    public static WordScoreCache Words(TaggerScratch scratch) => scratch.NerWords;

    public static WordScoreCache Neighbours(TaggerScratch scratch) => scratch.NerNeighbours;

    public static ulong WordKey(in TokenInfo token, ReadOnlySpan<PosTag> pos, int i) => (ulong)(token.Flags & KeyFlags) | ((ulong)pos[i] << 16);

    public static int Word(in TokenInfo token, ReadOnlySpan<PosTag> pos, int i, Span<ulong> keys) => FeatureTemplates.NerWord(token, pos[i], keys);

    public static int Before1(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.NerBefore1(info, i, keys);

    public static int Before2(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.NerBefore2(info, i, keys);

    public static int After1(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.NerAfter1(info, i, keys);

    public static int After2(ReadOnlySpan<TokenInfo> info, int i, Span<ulong> keys) => FeatureTemplates.NerAfter2(info, i, keys);

    public static void AddTables(GroupTables tables, ReadOnlySpan<PosTag> pos, int i, int count, Span<int> row)
    {
        tables.AddNerPadding(i, count, row);
        ScoreRows.Add(row, tables.NerTagsBefore(pos, i));
        ScoreRows.Add(row, tables.NerTagsAfter(pos, i));
    }

    public static int Pairs(ReadOnlySpan<TokenInfo> info, ReadOnlySpan<PosTag> pos, int i, Span<ulong> keys) => FeatureTemplates.NerPairs(info, pos, i, keys);

    public static int WordHistory(ReadOnlySpan<TokenInfo> info, int i, int previous1, Span<ulong> keys) => FeatureTemplates.NerWordHistory(info, i, previous1, keys);
}

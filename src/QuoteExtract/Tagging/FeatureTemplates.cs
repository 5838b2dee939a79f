using System.Runtime.CompilerServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// The feature templates of the two perceptrons. Both the trainer and the tagger call these, so a model
/// and its features always agree. Positions outside the sentence read as padding hashes.
/// </summary>
internal static partial class FeatureTemplates
{
    /// <summary>Upper bound of the features one token produces (sizes the scratch buffers).</summary>
    public const int MaxFeatures = 64;

    private const ulong Before1 = 0x1111_0001UL, Before2 = 0x1111_0002UL, After1 = 0x2222_0001UL, After2 = 0x2222_0002UL;
    private const ulong NoTag = 0x3333_0000UL;

    /// <summary>Part-of-speech features of token <paramref name="i"/> given the two previous predicted tags (class + 1, 0 = none).</summary>
    public static int Pos(ReadOnlySpan<TokenInfo> s, int i, int previous1, int previous2, Span<ulong> f)
    {
        int n = PosWord(s[i], f);
        n += PosNeighbours(s, i, f[n..]);
        return n + PosHistory(s, i, previous1, previous2, f[n..]);
    }

    /// <summary>Entity features of token <paramref name="i"/> given the tags and the two previous entity classes (class + 1, 0 = none).</summary>
    public static int Ner(ReadOnlySpan<TokenInfo> s, ReadOnlySpan<PosTag> pos, int i, int previous1, int previous2, Span<ulong> f)
    {
        int n = NerWord(s[i], pos[i], f);
        n += NerNeighbours(s, pos, i, f[n..]);
        return n + NerHistory(s, pos, i, previous1, previous2, f[n..]);
    }

    /// <summary>
    /// The features of <see cref="Pos"/> that depend only on the token itself (its characters and its flags), so that a
    /// tagger can add their weights once per distinct word and reuse the sum (integer sums do not depend on order).
    /// Together with <see cref="PosNeighbours"/> and <see cref="PosHistory"/> they are exactly the features of <see cref="Pos"/>.
    /// </summary>
    public static int PosWord(in TokenInfo t, Span<ulong> f)
    {
        ulong spacing = (ulong)(t.Flags & (CharacterFlags.SpaceBefore | CharacterFlags.SpaceAfter | CharacterFlags.SentenceStart));
        ulong caseFlags = (ulong)(t.Flags & (CharacterFlags.InitialUpper | CharacterFlags.AllUpper | CharacterFlags.SentenceStart | CharacterFlags.HasDigit | CharacterFlags.HasHyphen));
        int n = 0;
        f[n++] = FeatureHash.Feature(1, 0);
        f[n++] = FeatureHash.Feature(2, t.Norm);
        f[n++] = FeatureHash.Feature(3, t.Raw);
        f[n++] = FeatureHash.Feature(4, t.Suffix1);
        f[n++] = FeatureHash.Feature(5, t.Suffix2);
        f[n++] = FeatureHash.Feature(6, t.Suffix3);
        f[n++] = FeatureHash.Feature(7, t.Suffix4);
        f[n++] = FeatureHash.Feature(8, t.Prefix1);
        f[n++] = FeatureHash.Feature(9, t.Prefix2);
        f[n++] = FeatureHash.Feature(10, t.Prefix3);
        f[n++] = FeatureHash.Feature(11, t.Shape);
        f[n++] = FeatureHash.Feature(22, caseFlags);
        f[n++] = FeatureHash.Feature(23, t.Norm, spacing);
        f[n++] = FeatureHash.Feature(25, t.Shape, caseFlags);
        f[n++] = FeatureHash.Feature(29, t.Suffix3, caseFlags);
        return n;
    }

    /// <summary>
    /// The features of <see cref="Pos"/> that look at neighbouring words but not at previous tags: they can be summed
    /// for every token of a sentence before tagging it, independently (see <see cref="PosWord"/>, <see cref="PosHistory"/>).
    /// </summary>
    public static int PosNeighbours(ReadOnlySpan<TokenInfo> s, int i, Span<ulong> f)
    {
        ref readonly var t = ref s[i];
        int n = 0;
        f[n++] = FeatureHash.Feature(16, Norm(s, i - 1));
        f[n++] = FeatureHash.Feature(17, Suffix3(s, i - 1));
        f[n++] = FeatureHash.Feature(18, Norm(s, i - 2));
        f[n++] = FeatureHash.Feature(19, Norm(s, i + 1));
        f[n++] = FeatureHash.Feature(20, Suffix3(s, i + 1));
        f[n++] = FeatureHash.Feature(21, Norm(s, i + 2));
        f[n++] = FeatureHash.Feature(24, Shape(s, i + 1));
        f[n++] = FeatureHash.Feature(26, Norm(s, i - 1), t.Norm);
        f[n++] = FeatureHash.Feature(27, t.Norm, Norm(s, i + 1));
        return n;
    }

    /// <summary>The features of <see cref="Pos"/> that read the previous predicted tags (class + 1, 0 = none).</summary>
    public static int PosHistory(ReadOnlySpan<TokenInfo> s, int i, int previous1, int previous2, Span<ulong> f)
    {
        ref readonly var t = ref s[i];
        ulong p1 = NoTag + (ulong)previous1, p2 = NoTag + (ulong)previous2;
        int n = 0;
        f[n++] = FeatureHash.Feature(12, p1);
        f[n++] = FeatureHash.Feature(13, p2);
        f[n++] = FeatureHash.Feature(14, p1, p2);
        f[n++] = FeatureHash.Feature(15, p1, t.Norm);
        f[n++] = FeatureHash.Feature(28, p1, Norm(s, i + 1));
        return n;
    }

    /// <summary>
    /// The features of <see cref="Ner"/> that depend only on the token and its own part of speech <paramref name="tag"/>
    /// (as <see cref="PosWord"/>); together with <see cref="NerNeighbours"/> and <see cref="NerHistory"/> they are exactly
    /// the features of <see cref="Ner"/>.
    /// </summary>
    public static int NerWord(in TokenInfo t, PosTag tag, Span<ulong> f)
    {
        ulong tagValue = (ulong)tag;
        ulong caseFlags = (ulong)(t.Flags & (CharacterFlags.InitialUpper | CharacterFlags.AllUpper | CharacterFlags.SentenceStart | CharacterFlags.HasDigit | CharacterFlags.HasHyphen | CharacterFlags.HasPeriod));
        int n = 0;
        f[n++] = FeatureHash.Feature(101, 0);
        f[n++] = FeatureHash.Feature(102, t.Norm);
        f[n++] = FeatureHash.Feature(103, t.Raw);
        f[n++] = FeatureHash.Feature(104, t.Shape);
        f[n++] = FeatureHash.Feature(105, t.Suffix2);
        f[n++] = FeatureHash.Feature(106, t.Suffix3);
        f[n++] = FeatureHash.Feature(107, t.Suffix4);
        f[n++] = FeatureHash.Feature(108, t.Prefix2);
        f[n++] = FeatureHash.Feature(109, t.Prefix3);
        f[n++] = FeatureHash.Feature(110, tagValue);
        f[n++] = FeatureHash.Feature(128, (ulong)t.Gazetteer);
        f[n++] = FeatureHash.Feature(134, caseFlags, t.Shape);
        f[n++] = FeatureHash.Feature(135, t.Raw, tagValue);
        f[n++] = FeatureHash.Feature(138, caseFlags);
        return n;
    }

    /// <summary>
    /// The features of <see cref="Ner"/> that look at neighbouring words and tags but not at previous entity classes
    /// (see <see cref="PosNeighbours"/>).
    /// </summary>
    public static int NerNeighbours(ReadOnlySpan<TokenInfo> s, ReadOnlySpan<PosTag> pos, int i, Span<ulong> f)
    {
        ref readonly var t = ref s[i];
        ulong tag = Tag(pos, i), tagBefore = Tag(pos, i - 1), tagAfter = Tag(pos, i + 1);
        ulong gazBefore = Gaz(s, i - 1), gazAfter = Gaz(s, i + 1);
        int n = 0;
        f[n++] = FeatureHash.Feature(111, tagBefore);
        f[n++] = FeatureHash.Feature(112, tagAfter);
        f[n++] = FeatureHash.Feature(113, tag, tagAfter);
        f[n++] = FeatureHash.Feature(114, tagBefore, tag);
        f[n++] = FeatureHash.Feature(115, Raw(s, i - 1));
        f[n++] = FeatureHash.Feature(116, Raw(s, i + 1));
        f[n++] = FeatureHash.Feature(117, Norm(s, i - 2));
        f[n++] = FeatureHash.Feature(118, Norm(s, i + 2));
        f[n++] = FeatureHash.Feature(119, Shape(s, i - 1));
        f[n++] = FeatureHash.Feature(120, Shape(s, i + 1));
        f[n++] = FeatureHash.Feature(121, Shape(s, i - 1), t.Shape, Shape(s, i + 1));
        f[n++] = FeatureHash.Feature(126, Norm(s, i - 1), t.Norm);
        f[n++] = FeatureHash.Feature(127, t.Norm, Norm(s, i + 1));
        f[n++] = FeatureHash.Feature(129, gazBefore);
        f[n++] = FeatureHash.Feature(130, gazAfter);
        f[n++] = FeatureHash.Feature(131, Gaz(s, i + 2));
        f[n++] = FeatureHash.Feature(132, gazBefore, t.Shape);
        f[n++] = FeatureHash.Feature(133, gazAfter, t.Shape);
        f[n++] = FeatureHash.Feature(137, Gaz(s, i - 2));
        f[n++] = FeatureHash.Feature(139, Norm(s, i - 1), tag);
        f[n++] = FeatureHash.Feature(140, t.Norm, Norm(s, i + 1), Norm(s, i + 2));
        return n;
    }

    /// <summary>The features of <see cref="Ner"/> that read the previous entity classes (class + 1, 0 = none).</summary>
    public static int NerHistory(ReadOnlySpan<TokenInfo> s, ReadOnlySpan<PosTag> pos, int i, int previous1, int previous2, Span<ulong> f)
    {
        ref readonly var t = ref s[i];
        ulong p1 = NoTag + (ulong)previous1, p2 = NoTag + (ulong)previous2;
        int n = 0;
        f[n++] = FeatureHash.Feature(122, p1);
        f[n++] = FeatureHash.Feature(123, p1, p2);
        f[n++] = FeatureHash.Feature(124, p1, t.Norm);
        f[n++] = FeatureHash.Feature(125, p1, t.Shape);
        f[n++] = FeatureHash.Feature(136, p1, Tag(pos, i));
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Norm(ReadOnlySpan<TokenInfo> s, int i) =>
        (uint)i < (uint)s.Length ? s[i].Norm : i < 0 ? (i == -1 ? Before1 : Before2) : (i == s.Length ? After1 : After2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Raw(ReadOnlySpan<TokenInfo> s, int i) =>
        (uint)i < (uint)s.Length ? s[i].Raw : i < 0 ? (i == -1 ? Before1 : Before2) : (i == s.Length ? After1 : After2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Shape(ReadOnlySpan<TokenInfo> s, int i) =>
        (uint)i < (uint)s.Length ? s[i].Shape : i < 0 ? Before1 : After1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Suffix3(ReadOnlySpan<TokenInfo> s, int i) =>
        (uint)i < (uint)s.Length ? s[i].Suffix3 : i < 0 ? Before1 : After1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Gaz(ReadOnlySpan<TokenInfo> s, int i) =>
        (uint)i < (uint)s.Length ? (ulong)s[i].Gazetteer : i < 0 ? Before1 : After1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Tag(ReadOnlySpan<PosTag> pos, int i) =>
        (uint)i < (uint)pos.Length ? (ulong)pos[i] : i < 0 ? Before1 : After1;
}

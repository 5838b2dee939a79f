namespace QuoteExtract.Tagging;

/// <summary>
/// The neighbour and history templates again, grouped by what each feature reads, so that the tagger can add a
/// group's weights from a memo or a table instead of looking its features up one by one:
/// <list type="bullet">
/// <item>a neighbour-word group reads only the word at one offset (<c>j</c> = i − 2, i − 1, i + 1 or i + 2), so its sum
/// is a property of that word form and is memoised per word;</item>
/// <item>a tag group reads only part-of-speech tags or previous classes, which take few values, so its sums are
/// tabulated once per model;</item>
/// <item>a pair group reads the token together with a neighbour or a previous class: those stay lookups.</item>
/// </list>
/// For every token the groups hold exactly the features of <see cref="PosNeighbours"/> + <see cref="PosHistory"/>
/// (and of <see cref="NerNeighbours"/> + <see cref="NerHistory"/>), in another order; the trainer keeps the original
/// order because it sums float weights. A test checks the two listings agree.
/// </summary>
internal static partial class FeatureTemplates
{
    /// <summary>Features of token j + 1 that read only token <paramref name="j"/> of <paramref name="s"/> (or the padding at j).</summary>
    public static int PosBefore1(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(16, Norm(s, j));
        f[1] = FeatureHash.Feature(17, Suffix3(s, j));
        return 2;
    }

    /// <summary>Features of token j + 2 that read only token <paramref name="j"/>.</summary>
    public static int PosBefore2(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(18, Norm(s, j));
        return 1;
    }

    /// <summary>Features of token j − 1 that read only token <paramref name="j"/>.</summary>
    public static int PosAfter1(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(19, Norm(s, j));
        f[1] = FeatureHash.Feature(20, Suffix3(s, j));
        f[2] = FeatureHash.Feature(24, Shape(s, j));
        return 3;
    }

    /// <summary>Features of token j − 2 that read only token <paramref name="j"/>.</summary>
    public static int PosAfter2(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(21, Norm(s, j));
        return 1;
    }

    /// <summary>Neighbour features of token <paramref name="i"/> that read the token and a neighbour together.</summary>
    public static int PosPairs(ReadOnlySpan<TokenInfo> s, int i, Span<ulong> f)
    {
        ulong norm = s[i].Norm;
        f[0] = FeatureHash.Feature(26, Norm(s, i - 1), norm);
        f[1] = FeatureHash.Feature(27, norm, Norm(s, i + 1));
        return 2;
    }

    /// <summary>History features that read only the two previous tags (class + 1, 0 = none).</summary>
    public static int PosTagHistory(int previous1, int previous2, Span<ulong> f)
    {
        ulong p1 = NoTag + (ulong)previous1, p2 = NoTag + (ulong)previous2;
        f[0] = FeatureHash.Feature(12, p1);
        f[1] = FeatureHash.Feature(13, p2);
        f[2] = FeatureHash.Feature(14, p1, p2);
        return 3;
    }

    /// <summary>History features that read the previous tag together with words.</summary>
    public static int PosWordHistory(ReadOnlySpan<TokenInfo> s, int i, int previous1, Span<ulong> f)
    {
        ulong p1 = NoTag + (ulong)previous1;
        f[0] = FeatureHash.Feature(15, p1, s[i].Norm);
        f[1] = FeatureHash.Feature(28, p1, Norm(s, i + 1));
        return 2;
    }

    /// <summary>Entity features of token j + 1 that read only token <paramref name="j"/>.</summary>
    public static int NerBefore1(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(115, Raw(s, j));
        f[1] = FeatureHash.Feature(119, Shape(s, j));
        f[2] = FeatureHash.Feature(129, Gaz(s, j));
        return 3;
    }

    /// <summary>Entity features of token j + 2 that read only token <paramref name="j"/>.</summary>
    public static int NerBefore2(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(117, Norm(s, j));
        f[1] = FeatureHash.Feature(137, Gaz(s, j));
        return 2;
    }

    /// <summary>Entity features of token j − 1 that read only token <paramref name="j"/>.</summary>
    public static int NerAfter1(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(116, Raw(s, j));
        f[1] = FeatureHash.Feature(120, Shape(s, j));
        f[2] = FeatureHash.Feature(130, Gaz(s, j));
        return 3;
    }

    /// <summary>Entity features of token j − 2 that read only token <paramref name="j"/>.</summary>
    public static int NerAfter2(ReadOnlySpan<TokenInfo> s, int j, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(118, Norm(s, j));
        f[1] = FeatureHash.Feature(131, Gaz(s, j));
        return 2;
    }

    /// <summary>Entity features of token <paramref name="i"/> that read only its tag and the tag before it.</summary>
    public static int NerTagsBefore(ReadOnlySpan<PosTag> pos, int i, Span<ulong> f)
    {
        ulong tagBefore = Tag(pos, i - 1);
        f[0] = FeatureHash.Feature(111, tagBefore);
        f[1] = FeatureHash.Feature(114, tagBefore, Tag(pos, i));
        return 2;
    }

    /// <summary>Entity features of token <paramref name="i"/> that read only its tag and the tag after it.</summary>
    public static int NerTagsAfter(ReadOnlySpan<PosTag> pos, int i, Span<ulong> f)
    {
        ulong tagAfter = Tag(pos, i + 1);
        f[0] = FeatureHash.Feature(112, tagAfter);
        f[1] = FeatureHash.Feature(113, Tag(pos, i), tagAfter);
        return 2;
    }

    /// <summary>Entity neighbour features of token <paramref name="i"/> that read the token and its neighbours together.</summary>
    public static int NerPairs(ReadOnlySpan<TokenInfo> s, ReadOnlySpan<PosTag> pos, int i, Span<ulong> f)
    {
        ref readonly var t = ref s[i];
        ulong normBefore = Norm(s, i - 1), normAfter = Norm(s, i + 1);
        f[0] = FeatureHash.Feature(121, Shape(s, i - 1), t.Shape, Shape(s, i + 1));
        f[1] = FeatureHash.Feature(126, normBefore, t.Norm);
        f[2] = FeatureHash.Feature(127, t.Norm, normAfter);
        f[3] = FeatureHash.Feature(132, Gaz(s, i - 1), t.Shape);
        f[4] = FeatureHash.Feature(133, Gaz(s, i + 1), t.Shape);
        f[5] = FeatureHash.Feature(139, normBefore, Tag(pos, i));
        f[6] = FeatureHash.Feature(140, t.Norm, normAfter, Norm(s, i + 2));
        return 7;
    }

    /// <summary>Entity history features that read only the two previous classes (class + 1, 0 = none).</summary>
    public static int NerClassHistory(int previous1, int previous2, Span<ulong> f)
    {
        ulong p1 = NoTag + (ulong)previous1, p2 = NoTag + (ulong)previous2;
        f[0] = FeatureHash.Feature(122, p1);
        f[1] = FeatureHash.Feature(123, p1, p2);
        return 2;
    }

    /// <summary>The entity history feature that reads the previous class and the token's tag.</summary>
    public static int NerTagHistory(ReadOnlySpan<PosTag> pos, int i, int previous1, Span<ulong> f)
    {
        f[0] = FeatureHash.Feature(136, NoTag + (ulong)previous1, Tag(pos, i));
        return 1;
    }

    /// <summary>Entity history features that read the previous class together with the token's word.</summary>
    public static int NerWordHistory(ReadOnlySpan<TokenInfo> s, int i, int previous1, Span<ulong> f)
    {
        ulong p1 = NoTag + (ulong)previous1;
        f[0] = FeatureHash.Feature(124, p1, s[i].Norm);
        f[1] = FeatureHash.Feature(125, p1, s[i].Shape);
        return 2;
    }
}

using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Tagging;

/// <summary>
/// The tagger adds the neighbour and history templates group by group (memos, tables, batched lookups); the groups must
/// hold exactly the features of the full templates the models were trained with, at every position of a sentence,
/// including the padding past both ends.
/// </summary>
public class FeatureGroupTests
{
    private static readonly string[] Sentences =
    [
        "Hello",
        "Mr. Smith",
        "She said so .",
        "Mr. Harold Ebbington told reporters in Berlin that he would not resign .",
    ];

    private static readonly (int Previous1, int Previous2)[] Histories = [(0, 0), (3, 0), (12, 7), (PosTags.Count, 1)];

    [Fact]
    public void Part_of_speech_groups_are_the_full_template()
    {
        foreach (var s in Sentences.Select(Infos))
        {
            for (int i = 0; i < s.Length; i++)
            {
                foreach (var (p1, p2) in Histories)
                {
                    var expected = Features(f => FeatureTemplates.Pos(s, i, p1, p2, f));
                    var groups = Features(f => FeatureTemplates.PosWord(s[i], f))
                        .Concat(Features(f => FeatureTemplates.PosBefore1(s, i - 1, f)))
                        .Concat(Features(f => FeatureTemplates.PosBefore2(s, i - 2, f)))
                        .Concat(Features(f => FeatureTemplates.PosAfter1(s, i + 1, f)))
                        .Concat(Features(f => FeatureTemplates.PosAfter2(s, i + 2, f)))
                        .Concat(Features(f => FeatureTemplates.PosPairs(s, i, f)))
                        .Concat(Features(f => FeatureTemplates.PosTagHistory(p1, p2, f)))
                        .Concat(Features(f => FeatureTemplates.PosWordHistory(s, i, p1, f)));

                    groups.Should().BeEquivalentTo(expected, $"token {i} of a {s.Length}-token sentence");
                }
            }
        }
    }

    [Fact]
    public void Entity_groups_are_the_full_template()
    {
        foreach (var s in Sentences.Select(Infos))
        {
            var pos = Enumerable.Range(0, s.Length).Select(i => (PosTag)(1 + ((i * 7) % PosTags.Count))).ToArray();
            for (int i = 0; i < s.Length; i++)
            {
                foreach (var (p1, p2) in Histories.Select(h => (h.Previous1 % (Bilou.ClassCount + 1), h.Previous2)))
                {
                    var expected = Features(f => FeatureTemplates.Ner(s, pos, i, p1, p2, f));
                    var groups = Features(f => FeatureTemplates.NerWord(s[i], pos[i], f))
                        .Concat(Features(f => FeatureTemplates.NerBefore1(s, i - 1, f)))
                        .Concat(Features(f => FeatureTemplates.NerBefore2(s, i - 2, f)))
                        .Concat(Features(f => FeatureTemplates.NerAfter1(s, i + 1, f)))
                        .Concat(Features(f => FeatureTemplates.NerAfter2(s, i + 2, f)))
                        .Concat(Features(f => FeatureTemplates.NerTagsBefore(pos, i, f)))
                        .Concat(Features(f => FeatureTemplates.NerTagsAfter(pos, i, f)))
                        .Concat(Features(f => FeatureTemplates.NerPairs(s, pos, i, f)))
                        .Concat(Features(f => FeatureTemplates.NerClassHistory(p1, p2, f)))
                        .Concat(Features(f => FeatureTemplates.NerTagHistory(pos, i, p1, f)))
                        .Concat(Features(f => FeatureTemplates.NerWordHistory(s, i, p1, f)));

                    groups.Should().BeEquivalentTo(expected, $"token {i} of a {s.Length}-token sentence");
                }
            }
        }
    }

    private delegate int Template(Span<ulong> f);

    private static ulong[] Features(Template template)
    {
        Span<ulong> f = stackalloc ulong[FeatureTemplates.MaxFeatures];
        return f[..template(f)].ToArray();
    }

    private static TokenInfo[] Infos(string sentence)
    {
        var analysis = TaggingTestText.Analyze(sentence);
        var info = new TokenInfo[analysis.Tokens.Length];
        for (int t = 0; t < info.Length; t++)
        {
            TokenInfo.Compute(analysis.Text, analysis.Tokens[t].Start, analysis.Tokens[t].End, t == 0, out info[t]);
        }

        return info;
    }
}

using CsCheck;
using QuoteExtract.Attribution;
using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// Selection compares a candidate only with the kept ones filed near it (<see cref="TokenBuckets"/>); on random
/// candidates it keeps exactly what comparing with every kept candidate keeps.
/// </summary>
public sealed class SelectionReferenceTests
{
    // Ranges start near bucket edges (multiples of 64) and are often empty or short, where filing is most delicate.
    private static readonly Gen<TokenRange> Range = Gen.Select(Gen.Int[0, 6], Gen.Int[-3, 3], Gen.Frequency((4, Gen.Int[0, 4]), (1, Gen.Int[0, 100])),
        (bucket, offset, length) => new TokenRange(Math.Max(0, (bucket * 64) + offset), Math.Max(0, (bucket * 64) + offset) + length));

    private static readonly Gen<TokenRange> MaybeRange = Gen.Frequency((1, Gen.Const(TokenRange.None)), (2, Range));

    private static readonly Gen<Candidate> Candidates = Gen.Select(Range, MaybeRange, Range, MaybeRange, Gen.Int[0, 100], Gen.Enum<QuoteKind>(),
        (content, content2, cue, speaker, score, kind) => new Candidate
        {
            Rule = "r",
            Content = content,
            Content2 = content2,
            Cue = cue,
            Speaker = speaker,
            Score = score / 100.0,
            Kind = kind,
        });

    [Fact]
    public void Bucketed_selection_keeps_what_the_all_pairs_selection_keeps()
    {
        Candidates.List[0, 300].Sample(list =>
        {
            var thresholds = new SelectionThresholds(0.3, 0.15, 0.22);
            var expected = AllPairs(list, thresholds);
            var actual = AttributionExtractor.Select(list, thresholds);
            return actual.Count == expected.Count && actual.Zip(expected).All(p => ReferenceEquals(p.First, p.Second));
        }, iter: 300, threads: 1);
    }

    /// <summary>The selection as it was first written: every candidate against every kept one.</summary>
    private static List<Candidate> AllPairs(List<Candidate> candidates, SelectionThresholds thresholds)
    {
        var chosen = new List<Candidate>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.ContentStart))
        {
            if (c.Score < thresholds.For(c.Kind))
            {
                continue;
            }

            if (!chosen.Any(k => k.ContentOverlaps(c) || Overlap(k.Cue, c.Cue) || k.ContentContains(c.Cue.Start) || c.ContentContains(k.Cue.Start)))
            {
                chosen.Add(c);
            }
        }

        return chosen;
    }

    private static bool Overlap(TokenRange a, TokenRange b) => !a.IsNone && !b.IsNone && a.Start < b.End && b.Start < a.End;
}

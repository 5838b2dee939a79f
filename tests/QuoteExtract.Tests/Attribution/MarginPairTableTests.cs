using QuoteExtract.Attribution;
using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Attribution;

public class MarginPairTableTests
{
    /// <summary>A two-class model of the keys of values [<paramref name="from"/>, +<paramref name="count"/>); every fiftieth key gets a margin beyond 16 bits.</summary>
    private static (PerceptronModel Model, ulong[] Keys) Model(int from, int count, int salt)
    {
        var keys = Enumerable.Range(from, count).Select(i => FeatureHash.Feature(7, (ulong)i)).Order().ToArray();
        var counts = keys.Select(_ => (byte)2).ToArray();
        var classes = keys.SelectMany(_ => new byte[] { 0, 1 }).ToArray();
        var weights = classes.Select((c, e) => e / 2 % 50 == 0 ? (short)(c == 1 ? 30000 : -30000) : (short)((((e + salt) * 7919) % 2001) - 1000)).ToArray();
        using var stream = new MemoryStream();
        PerceptronModel.Write(stream, ModelKind.Attributions, 2, 0.25f, keys, counts, classes, weights);
        var data = stream.ToArray();
        PerceptronModel.ReadKeys(data).Should().Equal(keys);
        return (PerceptronModel.Read(data, ModelKind.Attributions), keys);
    }

    private static MarginPairTable? Build((PerceptronModel Model, ulong[] Keys) first, (PerceptronModel Model, ulong[] Keys) second) =>
        MarginPairTable.TryBuild(first.Model, first.Keys, second.Model, second.Keys);

    [Fact]
    public void Gives_each_models_margins_for_held_missing_and_fingerprint_sharing_keys()
    {
        // Overlapping key sets of one table size (512 buckets), full enough that many keys overflow their home bucket.
        var (first, second) = (Model(0, 2400, 1), Model(200, 2300, 3));
        var table = Build(first, second);
        table.Should().NotBeNull();

        // Keys the models hold, keys they do not, and keys with a held key's fingerprint but another home bucket
        // (which the models' lookups can still answer for when that key overflowed past the home).
        var random = new Random(11);
        var queries = new List<ulong>();
        for (int i = 0; i < 4000; i++)
        {
            ulong held = FeatureHash.Feature(7, (ulong)random.Next(0, 3000));
            queries.Add(held);
            queries.Add(FeatureHash.Feature(9, (ulong)i));
            ulong home = (held >> 1) & 511;
            queries.Add((held & 0xFFFF_FFFF_0000_0000UL) | ((ulong)((home + 511 - (ulong)random.Next(0, 3)) & 511) << 1));
        }

        var heldKeys = Enumerable.Range(0, 2500).Select(i => FeatureHash.Feature(7, (ulong)i)).ToHashSet();
        int answeredForOthers = 0;
        foreach (var key in queries)
        {
            ReadOnlySpan<ulong> one = [key];
            table!.Margins(one).Should().Be((first.Model.Margin(one), second.Model.Margin(one)));
            answeredForOthers += !heldKeys.Contains(key) && first.Model.Margin(one) != 0 ? 1 : 0;
        }

        answeredForOthers.Should().BeGreaterThan(0, "keys sharing an overflowed key's fingerprint get its margin from the models too");

        var escaped = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var features = Enumerable.Range(0, random.Next(0, 70)).Select(_ => queries[random.Next(queries.Count)]).ToArray();
            var expected = (first.Model.Margin(features), second.Model.Margin(features));
            table!.Margins(features).Should().Be(expected);
            escaped += Math.Abs(expected.Item1) > short.MaxValue ? 1 : 0;
        }

        escaped.Should().BeGreaterThan(0, "some sums include margins that do not fit in 16 bits");
    }

    [Fact]
    public void Is_not_built_for_tables_of_different_sizes()
    {
        Build(Model(0, 2400, 1), Model(0, 600, 3)).Should().BeNull();
    }

    [Fact]
    public void Is_not_built_when_both_key_sets_together_would_fill_the_table()
    {
        Build(Model(0, 2400, 1), Model(5000, 2400, 3)).Should().BeNull();
    }

    [Fact]
    public void Packs_margins_of_16_bits_and_marks_larger_ones()
    {
        MarginPairTable.Pack(-32767, 32767).Should().Be(0x7FFF_8001u);
        MarginPairTable.Pack(32768, 0).Should().Be(MarginPairTable.Escape);
        MarginPairTable.Pack(0, -32768).Should().Be(MarginPairTable.Escape);
    }

    [Fact]
    public void Is_built_for_the_shipped_models()
    {
        static (PerceptronModel, ulong[]) Load(string file)
        {
            var assembly = typeof(AttributionScorer).Assembly;
            var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal) && n.Contains("Models", StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (PerceptronModel.Read(buffer.ToArray(), ModelKind.Attributions), PerceptronModel.ReadKeys(buffer.ToArray()));
        }

        // The scorer falls back to the two tables (slower, same scores) when this fails: keep it from doing so unnoticed.
        var first = Load("attribution.bin");
        var table = Build(first, Load("attribution-stage2.bin"));
        table.Should().NotBeNull();
        table!.Escapes.Should().BeLessThan(first.Item2.Length / 20, "a slot answers through the models only where it cannot hold both margins or the key sets differ");
    }
}

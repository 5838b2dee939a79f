using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Tagging;

public class PerceptronModelTests
{
    private static readonly ulong A = FeatureHash.Feature(1, 11), B = FeatureHash.Feature(1, 13), Unknown = FeatureHash.Feature(1, 99);

    private static byte[] TinyModel(ModelKind kind = ModelKind.PartOfSpeech)
    {
        using var stream = new MemoryStream();
        ulong[] keys = A < B ? [A, B] : [B, A];
        PerceptronModel.Write(stream, kind, 3, 0.5f, keys, [2, 1], [0, 2, 1], [4, -2, 6]);
        return stream.ToArray();
    }

    [Fact]
    public void Round_trips_and_scores()
    {
        var model = PerceptronModel.Read(new MemoryStream(TinyModel()), ModelKind.PartOfSpeech);

        model.ClassCount.Should().Be(3);
        model.Scale.Should().Be(0.5f);
        var scores = new int[3];
        model.Score([A, B, Unknown], scores);
        scores.Should().Equal(4, 6, -2);
    }

    [Fact]
    public void Writes_fixed_words_in_format_3_and_reads_them_back()
    {
        // Many words, so that probes collide; spellings the model does not fix read as -1.
        var words = Enumerable.Range(1, 500).Select(i => FeatureHash.Raw($"w{i}")).ToArray();
        var classes = words.Select((_, i) => (byte)(i % 3)).ToArray();
        using var stream = new MemoryStream();
        ulong[] keys = A < B ? [A, B] : [B, A];
        PerceptronModel.Write(stream, ModelKind.PartOfSpeech, 3, 0.5f, keys, [2, 1], [0, 2, 1], [4, -2, 6], fixedWords: words, fixedClasses: classes);
        var data = stream.ToArray();

        var model = PerceptronModel.Read(data, ModelKind.PartOfSpeech);

        BitConverter.ToUInt16(data, 4).Should().Be(PerceptronModel.FormatVersion);
        model.Fixed.Count.Should().Be(500);
        words.Select(model.Fixed.Of).Should().Equal(classes.Select(c => (int)c));
        model.Fixed.Of(FeatureHash.Raw("w0")).Should().Be(-1);
        var scores = new int[3];
        model.Score([A, B], scores);
        scores.Should().Equal(4, 6, -2);
    }

    [Fact]
    public void A_model_without_fixed_words_keeps_format_2()
    {
        var data = TinyModel();

        var model = PerceptronModel.Read(data, ModelKind.PartOfSpeech);

        BitConverter.ToUInt16(data, 4).Should().Be(PerceptronModel.FormatVersionWithoutFixedWords);
        model.Fixed.Count.Should().Be(0);
        model.Fixed.Of(FeatureHash.Raw("the")).Should().Be(-1);
    }

    [Fact]
    public void Rejects_a_fixed_word_class_out_of_range()
    {
        using var stream = new MemoryStream();
        ulong[] keys = A < B ? [A, B] : [B, A];
        PerceptronModel.Write(stream, ModelKind.PartOfSpeech, 3, 0.5f, keys, [2, 1], [0, 2, 1], [4, -2, 6], fixedWords: [FeatureHash.Raw("the")], fixedClasses: [3]);

        var act = () => PerceptronModel.Read(stream.ToArray(), ModelKind.PartOfSpeech);

        act.Should().Throw<InvalidDataException>().WithMessage("*fixed word*");
    }

    [Fact]
    public void Rejects_a_corrupt_stream()
    {
        var data = TinyModel();
        data[^8] ^= 0x40;

        var act = () => PerceptronModel.Read(new MemoryStream(data), ModelKind.PartOfSpeech);

        act.Should().Throw<InvalidDataException>().WithMessage("*corrupt*checksum*");
    }

    [Fact]
    public void Rejects_a_truncated_stream()
    {
        var data = TinyModel()[..^5];

        var act = () => PerceptronModel.Read(new MemoryStream(data), ModelKind.PartOfSpeech);

        act.Should().Throw<InvalidDataException>().WithMessage("*corrupt*");
    }

    [Fact]
    public void Rejects_another_format_version()
    {
        var data = TinyModel();
        data[4] = (byte)(PerceptronModel.FormatVersion + 1);

        var act = () => PerceptronModel.Read(new MemoryStream(data), ModelKind.PartOfSpeech);

        act.Should().Throw<InvalidDataException>().WithMessage("*Unsupported tagger model version*");
    }

    [Fact]
    public void Rejects_another_feature_version()
    {
        var data = TinyModel();
        data[6] = (byte)(PerceptronModel.FeatureVersion + 1);

        var act = () => PerceptronModel.Read(new MemoryStream(data), ModelKind.PartOfSpeech);

        act.Should().Throw<InvalidDataException>().WithMessage("*version*");
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_model()
    {
        var data = "This is plain text, not a model file."u8.ToArray();

        var act = () => PerceptronModel.Read(new MemoryStream(data), ModelKind.PartOfSpeech);

        act.Should().Throw<InvalidDataException>().WithMessage("*magic*");
    }

    [Fact]
    public void Rejects_the_wrong_kind_of_model()
    {
        var act = () => PerceptronModel.Read(new MemoryStream(TinyModel(ModelKind.Entities)), ModelKind.PartOfSpeech);

        act.Should().Throw<InvalidDataException>().WithMessage("*Entities model*");
    }

    [Fact]
    public void Tagger_rejects_swapped_models()
    {
        var pos = Tagger.Default.PosModel;
        var ner = Tagger.Default.NerModel;

        var act = () => new Tagger(ner, pos);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Embedded_models_load_quickly()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tagger = Tagger.LoadDefault();
        clock.Stop();

        tagger.PosModel.FeatureCount.Should().BeGreaterThan(1000);
        tagger.NerModel.FeatureCount.Should().BeGreaterThan(1000);
        clock.ElapsedMilliseconds.Should().BeLessThan(2000, "the budget is 500 ms; the margin absorbs a busy test machine");
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(8, 40)]
    [InlineData(17, 40)]
    [InlineData(5000, 40)]
    [InlineData(8, 17)]
    [InlineData(5000, 17)]
    public void Finds_every_feature_and_misses_unknown_ones(int count, int classes)
    {
        // Many features per bucket force overflow into neighbouring buckets; every key must still be found.
        var keys = Enumerable.Range(0, count).Select(i => FeatureHash.Feature(7, (ulong)i)).Order().ToArray();
        var weights = keys.Select((_, i) => (short)((i % 100) + 1)).ToArray();
        using var stream = new MemoryStream();
        PerceptronModel.Write(stream, ModelKind.PartOfSpeech, classes, 1f, keys, Enumerable.Repeat((byte)1, count).ToArray(),
            keys.Select((_, i) => (byte)(i % classes)).ToArray(), weights);
        var model = PerceptronModel.Read(stream.ToArray(), ModelKind.PartOfSpeech);

        var scores = new int[classes];
        for (int i = 0; i < count; i++)
        {
            Array.Clear(scores);
            model.Score([keys[i]], scores);
            scores.Sum().Should().Be(weights[i]);
            scores[i % classes].Should().Be(weights[i]);
        }

        Array.Clear(scores);
        model.Score([FeatureHash.Feature(8, 1), FeatureHash.Feature(8, 2)], scores);
        scores.Should().OnlyContain(s => s == 0);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(17)]
    [InlineData(3)]
    public void Batched_lookups_add_what_scoring_adds(int classes)
    {
        // Sparse (40 classes) and dense (17, 3) layouts; several entries per feature, and keys the model lacks.
        var keys = Enumerable.Range(0, 300).Select(i => FeatureHash.Feature(9, (ulong)i)).Order().ToArray();
        var counts = keys.Select((_, i) => (byte)(1 + (i % Math.Min(classes, 4)))).ToArray();
        var entryClasses = counts.SelectMany((n, i) => Enumerable.Range(0, n).Select(e => (byte)((i + (e * 5)) % classes))).ToArray();
        var entryWeights = entryClasses.Select((_, e) => (short)((e * 37 % 2001) - 1000)).ToArray();
        using var stream = new MemoryStream();
        PerceptronModel.Write(stream, ModelKind.PartOfSpeech, classes, 1f, keys, counts, entryClasses, entryWeights);
        var model = PerceptronModel.Read(stream.ToArray(), ModelKind.PartOfSpeech);
        ulong[] batch = [.. keys.Where((_, i) => i % 3 == 0), FeatureHash.Feature(10, 1), keys[7], keys[7]];

        var expected = new int[classes];
        model.Score(batch, expected);
        var found = new uint[batch.Length];
        model.Locate(batch, found);
        var row = new int[ScoreRows.Width(classes)];
        foreach (var f in found)
        {
            model.Add(f, row);
        }

        row[..classes].Should().Equal(expected);
        row[classes..].Should().NotContain(s => s != 0);
        expected.Should().Contain(s => s != 0);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5000)]
    public void A_two_class_model_gives_the_margin_that_scoring_both_classes_gives(int count)
    {
        // Many keys, so that buckets overflow into their neighbours; one or two weights per feature, some cancelling.
        var keys = Enumerable.Range(0, count).Select(i => FeatureHash.Feature(7, (ulong)i)).Distinct().Order().ToArray();
        var counts = keys.Select((_, i) => (byte)(1 + (i % 2))).ToArray();
        var classes = counts.SelectMany((n, i) => n == 1 ? new[] { (byte)(i % 4 == 0 ? 1 : 0) } : [0, 1]).ToArray();
        var weights = classes.Select((_, e) => (short)(((e * 7919) % 2001) - 1000)).ToArray();
        using var stream = new MemoryStream();
        PerceptronModel.Write(stream, ModelKind.Attributions, 2, 0.25f, keys, counts, classes, weights);
        var model = PerceptronModel.Read(stream.ToArray(), ModelKind.Attributions);
        var random = new Random(11);

        model.HasMargins.Should().BeTrue();
        for (int trial = 0; trial < 200; trial++)
        {
            var features = Enumerable.Range(0, random.Next(0, 70))
                .Select(_ => random.Next(4) == 0 ? FeatureHash.Feature(8, (ulong)random.Next()) : keys[random.Next(keys.Length)]).ToArray();
            var scores = new int[2];
            model.Score(features, scores);
            model.Margin(features).Should().Be(scores[1] - scores[0]);
        }
    }

    [Fact]
    public void Two_models_margins_in_one_pass_equal_each_models_own()
    {
        static PerceptronModel Model(int count, int salt)
        {
            var keys = Enumerable.Range(0, count).Select(i => FeatureHash.Feature(7, (ulong)(i * salt))).Distinct().Order().ToArray();
            var counts = keys.Select(_ => (byte)2).ToArray();
            var classes = keys.SelectMany(_ => new byte[] { 0, 1 }).ToArray();
            var weights = classes.Select((_, e) => (short)((((e + salt) * 7919) % 2001) - 1000)).ToArray();
            using var stream = new MemoryStream();
            PerceptronModel.Write(stream, ModelKind.Attributions, 2, 0.25f, keys, counts, classes, weights);
            return PerceptronModel.Read(stream.ToArray(), ModelKind.Attributions);
        }

        // Different key sets and sizes: a feature one model has may be missing from the other.
        var first = Model(3000, 1);
        var second = Model(1200, 3);
        var random = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            var features = Enumerable.Range(0, random.Next(0, 70)).Select(_ => FeatureHash.Feature(7, (ulong)random.Next(0, 4000))).ToArray();
            first.MarginPair(second, features).Should().Be((first.Margin(features), second.Margin(features)));
        }
    }

    [Fact]
    public void Only_two_class_models_have_margins()
    {
        var model = PerceptronModel.Read(new MemoryStream(TinyModel()), ModelKind.PartOfSpeech);

        model.HasMargins.Should().BeFalse();
        var act = () => model.Margin([A]);
        act.Should().Throw<InvalidOperationException>();
    }
}

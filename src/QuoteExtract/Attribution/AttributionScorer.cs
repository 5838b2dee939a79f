using System.Globalization;
using System.Reflection;
using QuoteExtract.Tagging;

namespace QuoteExtract.Attribution;

/// <summary>
/// Scores candidates with the averaged perceptron trained by <c>train attribution</c> (Resources/Models/attribution.bin)
/// and turns its margin into a probability with the logistic fit stored next to it (attribution.calibration:
/// slope, intercept, then the selection thresholds for indirect, direct and mixed quotes, a missing one taking the
/// first; then the second stage's slope and intercept). A second stage (attribution-stage2.bin) rescores every
/// candidate with its neighbours' first-stage probabilities (<see cref="NeighbourFeatures"/>). Without a model, the
/// rule's prior with a few hand adjustments is used.
/// Immutable and thread-safe.
/// </summary>
internal sealed class AttributionScorer
{
    private static readonly Lazy<AttributionScorer> LazyDefault = new(LoadDefault);

    private readonly PerceptronModel? _model;
    private readonly double _slope;
    private readonly double _intercept;
    private readonly StageTwo? _stageTwo;

    // Both stages' margins in one table, when it answers exactly as the two models do (see MarginPairTable).
    private readonly MarginPairTable? _pairs;

    /// <param name="model">The first stage, or null for the prior score.</param>
    /// <param name="slope">The first stage's calibration slope.</param>
    /// <param name="intercept">The first stage's calibration intercept.</param>
    /// <param name="thresholds">The selection thresholds.</param>
    /// <param name="stageTwo">The second stage, if any.</param>
    /// <param name="pairs">Both stages' margins in one table (built from <paramref name="model"/> and <paramref name="stageTwo"/>'s), or null to read the two models.</param>
    public AttributionScorer(PerceptronModel? model, double slope, double intercept, SelectionThresholds thresholds, StageTwo? stageTwo = null, MarginPairTable? pairs = null)
    {
        _model = model;
        _slope = slope;
        _intercept = intercept;
        _stageTwo = model is null ? null : stageTwo;
        _pairs = _stageTwo is null ? null : pairs;
        Thresholds = thresholds;
    }

    /// <summary>
    /// The second stage (attribution-stage2.bin): a perceptron over the first stage's features and
    /// <see cref="NeighbourFeatures"/>, with its own logistic calibration; the thresholds apply to its probabilities.
    /// </summary>
    internal sealed record StageTwo(PerceptronModel Model, double Slope, double Intercept);

    public static AttributionScorer Default => LazyDefault.Value;

    /// <summary>The unscored fallback, also the scorer used while training.</summary>
    public static AttributionScorer Prior { get; } = new(null, 1, 0, SelectionThresholds.All(0.3));

    /// <summary>Per kind, the probability below which a candidate is never kept.</summary>
    public SelectionThresholds Thresholds { get; }

    public bool HasModel => _model is not null;

    public void Score(TaggedText text, Candidate c)
    {
        if (_model is null)
        {
            c.Score = PriorScore(text, c);
            c.Confidence = c.Score;
            return;
        }

        Span<ulong> features = stackalloc ulong[AttributionFeatures.MaxFeatures];
        int n = AttributionFeatures.Collect(text, c, features);
        if (_stageTwo is not null && _model.HasMargins && _stageTwo.Model.HasMargins)
        {
            // Both stages read the same features: one loop keeps both tables' lookups in flight together.
            var (first, second) = _model.MarginPair(_stageTwo.Model, features[..n]);
            c.Confidence = Probability(first * (double)_model.Scale);
            c.OwnStageTwoMargin = second * (double)_stageTwo.Model.Scale;
        }
        else
        {
            c.Confidence = Probability(Margin(_model, features[..n]));
            if (_stageTwo is not null)
            {
                c.OwnStageTwoMargin = Margin(_stageTwo.Model, features[..n]);
            }
        }

        c.Score = c.Confidence;
    }

    /// <summary>
    /// <see cref="Score(TaggedText, Candidate)"/> for every candidate, with the same results: the features a family
    /// shares (<see cref="SharedFeatures"/>) are hashed, and their weights looked up, once per family in
    /// <paramref name="cache"/>, which this clears first. Integer margins add up in any order, so splitting a
    /// candidate's sum in two changes nothing.
    /// </summary>
    public void Score(TaggedText text, List<Candidate> candidates, SharedFeatureCache cache)
    {
        if (_model is null)
        {
            foreach (var c in candidates)
            {
                Score(text, c);
            }

            return;
        }

        cache.Clear();
        Span<ulong> features = stackalloc ulong[AttributionFeatures.MaxFeatures];
        foreach (var c in candidates)
        {
            ref var shared = ref cache.For(SharedFeatures.KeyOf(c), out bool added);
            if (added)
            {
                AttributionFeatures.Share(text, c, ref shared, cache.Hashes);
                var sharedFeatures = shared.Values[..shared.Count];
                (shared.StageOne, shared.StageTwo) = IntegerMargins(sharedFeatures);
            }

            int n = AttributionFeatures.CollectOwn(text, c, in shared, features, cache.Hashes);
            var (first, second) = IntegerMargins(features[..n]);
            c.Confidence = Probability((shared.StageOne + first) * (double)_model.Scale);
            if (_stageTwo is not null)
            {
                c.OwnStageTwoMargin = (shared.StageTwo + second) * (double)_stageTwo.Model.Scale;
            }

            c.Score = c.Confidence;
        }
    }

    /// <summary>The integer margins of both stages (0 for a missing second stage) over these features.</summary>
    private (int First, int Second) IntegerMargins(ReadOnlySpan<ulong> features)
    {
        if (_pairs is not null)
        {
            return _pairs.Margins(features);
        }

        if (_stageTwo is not null && _model!.HasMargins && _stageTwo.Model.HasMargins)
        {
            return _model.MarginPair(_stageTwo.Model, features);
        }

        return (IntegerMargin(_model!, features), _stageTwo is null ? 0 : IntegerMargin(_stageTwo.Model, features));
    }

    /// <summary>The perceptron's integer score of "correct" minus "wrong" (multiply by its scale for <see cref="Margin(PerceptronModel, ReadOnlySpan{ulong})"/>).</summary>
    private static int IntegerMargin(PerceptronModel model, ReadOnlySpan<ulong> features)
    {
        if (model.HasMargins)
        {
            return model.Margin(features);
        }

        Span<int> scores = stackalloc int[2];
        scores.Clear();
        model.Score(features, scores);
        return scores[1] - scores[0];
    }

    /// <summary>
    /// With a second stage, replaces every candidate's first-stage probability with the second stage's, which also
    /// weighs the neighbours' first-stage probabilities. All neighbour features are read before any score changes.
    /// </summary>
    public void Rescore(List<Candidate> candidates, NeighbourIndex neighbours)
    {
        if (_stageTwo is null || candidates.Count == 0)
        {
            return;
        }

        neighbours.Build(candidates);
        Span<double> margins = candidates.Count <= 512 ? stackalloc double[candidates.Count] : new double[candidates.Count];
        Span<ulong> features = stackalloc ulong[NeighbourFeatures.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var (start, end) = AttributionExtractor.Extent(c);
            NeighbourFeatures.Collect(c, neighbours.Near(start, end), features);
            margins[i] = c.OwnStageTwoMargin + StageTwoMargin(features);
        }

        for (int i = 0; i < candidates.Count; i++)
        {
            candidates[i].Score = candidates[i].Confidence = Logistic(_stageTwo.Slope, _stageTwo.Intercept, margins[i]);
        }
    }

    /// <summary>
    /// <see cref="Margin(PerceptronModel, ReadOnlySpan{ulong})"/> of the second stage, from the merged table when there
    /// is one: it holds the second stage's keys too, and <see cref="Score(TaggedText, List{Candidate}, SharedFeatureCache)"/>
    /// has just brought it into the caches, where the second stage's own table is cold.
    /// </summary>
    private double StageTwoMargin(ReadOnlySpan<ulong> features) =>
        _pairs is null ? Margin(_stageTwo!.Model, features) : _pairs.Margins(features).Second * (double)_stageTwo!.Model.Scale;

    public double Probability(double margin) => Logistic(_slope, _intercept, margin);

    /// <summary>The calibrated probability of a margin: 1 / (1 + exp(−(slope · margin + intercept))).</summary>
    public static double Logistic(double slope, double intercept, double margin) => 1 / (1 + Math.Exp(-((slope * margin) + intercept)));

    /// <summary>The perceptron's score of "correct" minus "wrong".</summary>
    public static double Margin(PerceptronModel model, TaggedText text, Candidate c)
    {
        Span<ulong> features = stackalloc ulong[AttributionFeatures.MaxFeatures];
        int n = AttributionFeatures.Collect(text, c, features);
        return Margin(model, features[..n]);
    }

    /// <summary>The perceptron's score of "correct" minus "wrong" for these features.</summary>
    public static double Margin(PerceptronModel model, ReadOnlySpan<ulong> features)
    {
        if (model.HasMargins)
        {
            return model.Margin(features) * (double)model.Scale;
        }

        Span<int> scores = stackalloc int[2];
        scores.Clear();
        model.Score(features, scores);
        return (scores[1] - scores[0]) * (double)model.Scale;
    }

    private static double PriorScore(TaggedText text, Candidate c)
    {
        double s = c.Prior;
        s += SpeakerType(text, c) switch
        {
            "person" => 0.1,
            "pronoun" => 0.05,
            "none" => -0.1,
            _ => 0.0,
        };
        if (c.Category == QuoteCategory.Other)
        {
            s -= 0.1;
        }

        if (c.Content.Length < 2)
        {
            s -= 0.2;
        }

        return Math.Clamp(s, 0, 1);
    }

    internal static string SpeakerType(TaggedText text, Candidate c)
    {
        if (c.Speaker.IsNone)
        {
            return "none";
        }

        for (int t = c.Speaker.Start; t < c.Speaker.End; t++)
        {
            if (text.EntityTags[t].Type == EntityType.Person)
            {
                return "person";
            }
        }

        var last = text.Pos[c.Speaker.End - 1];
        return last switch
        {
            PosTag.PRP or PosTag.WP => "pronoun",
            PosTag.NNP or PosTag.NNPS => text.EntityTags[c.Speaker.End - 1].Type == EntityType.Organization ? "org" : "proper",
            _ => "common",
        };
    }

    private static AttributionScorer LoadDefault()
    {
        var assembly = typeof(AttributionScorer).Assembly;
        var modelName = Resource(assembly, "attribution.bin");
        var calibrationName = Resource(assembly, "attribution.calibration");
        if (modelName is null || calibrationName is null)
        {
            return Prior;
        }

        var modelData = ReadAll(assembly, modelName);
        var model = PerceptronModel.Read(modelData, ModelKind.Attributions);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(calibrationName)!);
        var values = reader.ReadToEnd().Split('\n').Where(l => !l.TrimStart().StartsWith('#'))
            .SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        double At(int i) => values.Length > i ? values[i] : values[2];
        StageTwo? stageTwo = null;
        MarginPairTable? pairs = null;
        if (Resource(assembly, "attribution-stage2.bin") is { } stageTwoName && values.Length >= 7)
        {
            var stageTwoData = ReadAll(assembly, stageTwoName);
            stageTwo = new StageTwo(PerceptronModel.Read(stageTwoData, ModelKind.Attributions), values[5], values[6]);
            pairs = MarginPairTable.TryBuild(model, PerceptronModel.ReadKeys(modelData), stageTwo.Model, PerceptronModel.ReadKeys(stageTwoData));
        }

        return new AttributionScorer(model, values[0], values[1], new SelectionThresholds(values[2], At(3), At(4)), stageTwo, pairs);
    }

    private static byte[] ReadAll(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string? Resource(Assembly assembly, string file) =>
        assembly.GetManifestResourceNames().FirstOrDefault(n => n.StartsWith("QuoteExtract.Resources.Models", StringComparison.Ordinal) && n.EndsWith(file, StringComparison.Ordinal));
}

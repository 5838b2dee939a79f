using QuoteExtract.Tagging;

namespace QuoteExtract.Training.Training;

/// <summary>
/// The trainable side of <see cref="PerceptronModel"/>: dense float rows for the features that have ever
/// been updated (rows are created on first update, so features seen only in correctly tagged contexts cost
/// nothing), with lazy averaging (w − Σ c·Δ / c, Daumé 2006) so that averaging costs one pass at the end.
/// </summary>
internal sealed class AveragedPerceptron
{
    private readonly Dictionary<ulong, int> _rows = [];
    private readonly int _classes;
    private float[] _weights;
    private double[] _steps;
    private long _step = 1;

    public AveragedPerceptron(int classes)
    {
        _classes = classes;
        _weights = new float[1 << 20];
        _steps = new double[1 << 20];
    }

    public int ClassCount => _classes;

    public int RowCount => _rows.Count;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out int row))
            {
                var w = _weights.AsSpan(row * _classes, _classes);
                for (int c = 0; c < w.Length; c++)
                {
                    scores[c] += w[c];
                }
            }
        }
    }

    /// <summary>Counts one training instance (the averaging clock).</summary>
    public void Tick() => _step++;

    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            int row = Row(f);
            int t = (row * _classes) + truth, g = (row * _classes) + guess;
            _weights[t] += 1;
            _steps[t] += _step;
            _weights[g] -= 1;
            _steps[g] -= _step;
        }
    }

    /// <summary>
    /// Averages, quantises to int16 and writes the model. Entries whose quantised weight is smaller than
    /// <paramref name="minimumWeight"/> (in the averaged float scale) are dropped to keep the file small. The fixed
    /// words (<see cref="FixedClasses"/>), if any, are written with it.
    /// </summary>
    public (int Features, int Entries, float Scale) Save(
        Stream stream, ModelKind kind, float minimumWeight, float confidenceSlope = 1f, float confidenceIntercept = 0f,
        ReadOnlySpan<ulong> fixedWords = default, ReadOnlySpan<byte> fixedClasses = default)
    {
        int n = _rows.Count;
        var averaged = new float[n * _classes];
        float maxAbs = 0;
        foreach (var (_, row) in _rows)
        {
            for (int c = 0; c < _classes; c++)
            {
                int i = (row * _classes) + c;
                float a = (float)(_weights[i] - (_steps[i] / _step));
                averaged[i] = a;
                maxAbs = Math.Max(maxAbs, Math.Abs(a));
            }
        }

        float scale = maxAbs > 0 ? maxAbs / short.MaxValue : 1f;
        var keys = _rows.Keys.ToArray();
        Array.Sort(keys);
        var kept = new List<ulong>(n);
        var counts = new List<byte>(n);
        var classes = new List<byte>();
        var weights = new List<short>();
        foreach (var key in keys)
        {
            int row = _rows[key];
            int count = 0;
            for (int c = 0; c < _classes; c++)
            {
                float a = averaged[(row * _classes) + c];
                short q = (short)Math.Round(a / scale, MidpointRounding.AwayFromZero);
                if (q != 0 && Math.Abs(a) >= minimumWeight)
                {
                    classes.Add((byte)c);
                    weights.Add(q);
                    count++;
                }
            }

            if (count > 0)
            {
                kept.Add(key);
                counts.Add((byte)count);
            }
        }

        PerceptronModel.Write(stream, kind, _classes, scale, kept.ToArray(), counts.ToArray(), classes.ToArray(), weights.ToArray(), confidenceSlope, confidenceIntercept, fixedWords, fixedClasses);
        return (kept.Count, classes.Count, scale);
    }

    /// <summary>
    /// One perceptron whose weights are the mean of the members' averaged weights: a linear model, so this scores
    /// as the mean of the members' scores. Members trained on other shuffles cancel much of one order's noise.
    /// </summary>
    public static AveragedPerceptron Mean(IReadOnlyList<AveragedPerceptron> members)
    {
        var mean = new AveragedPerceptron(members[0]._classes);
        foreach (var member in members)
        {
            foreach (var (feature, row) in member._rows)
            {
                int target = mean.Row(feature);
                for (int c = 0; c < member._classes; c++)
                {
                    int i = (row * member._classes) + c;
                    mean._weights[(target * mean._classes) + c] += (float)(member._weights[i] - (member._steps[i] / member._step)) / members.Count;
                }
            }
        }

        return mean;
    }

    private int Row(ulong feature)
    {
        if (_rows.TryGetValue(feature, out int row))
        {
            return row;
        }

        row = _rows.Count;
        _rows.Add(feature, row);
        int needed = (row + 1) * _classes;
        if (needed > _weights.Length)
        {
            Array.Resize(ref _weights, Math.Max(needed, _weights.Length * 2));
            Array.Resize(ref _steps, Math.Max(needed, _steps.Length * 2));
        }

        return row;
    }
}

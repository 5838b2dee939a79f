using System.Buffers;
using System.Reflection;
using QuoteExtract.Text;

namespace QuoteExtract.Tagging;

/// <summary>
/// Part-of-speech tagger and named-entity recognizer: two greedy left-to-right averaged perceptrons over
/// hashed features. Instances hold only immutable models, so one instance serves all threads; per-call
/// scratch lives on the stack or in pooled arrays.
/// </summary>
internal sealed class Tagger
{
    private const string PosResource = "pos.bin";
    private const string NerResource = "ner.bin";

    private static readonly Lazy<Tagger> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    // Word-only weight sums (see WordScoreCache), lent to one call at a time from a small lock-free pool, so that they
    // stay warm across calls and threads (a batch's worker threads are new for each batch).
    private readonly WordCaches?[] _caches = new WordCaches?[Math.Clamp(Environment.ProcessorCount, 2, 16)];

    private readonly PerceptronModel _pos;
    private readonly PerceptronModel _ner;

    public Tagger(PerceptronModel pos, PerceptronModel ner)
    {
        if (pos.Kind != ModelKind.PartOfSpeech || pos.ClassCount != PosTags.Count)
        {
            throw new ArgumentException("Not a part-of-speech model for this tag set.", nameof(pos));
        }

        if (ner.Kind != ModelKind.Entities || ner.ClassCount != Bilou.ClassCount)
        {
            throw new ArgumentException("Not an entity model for this label set.", nameof(ner));
        }

        _pos = pos;
        _ner = ner;
    }

    /// <summary>The tagger with the models embedded in the package, loaded on first use.</summary>
    public static Tagger Default => LazyDefault.Value;

    public PerceptronModel PosModel => _pos;

    public PerceptronModel NerModel => _ner;

    /// <summary>Loads the embedded models into a new instance (what <see cref="Default"/> does once).</summary>
    public static Tagger LoadDefault()
    {
        var assembly = typeof(Tagger).Assembly;
        return new Tagger(LoadResource(assembly, PosResource, ModelKind.PartOfSpeech), LoadResource(assembly, NerResource, ModelKind.Entities));
    }

    /// <summary>Tags every sentence of <paramref name="analysis"/> with parts of speech and entities.</summary>
    public TaggedText Tag(AnalyzedText analysis, CancellationToken ct = default)
    {
        var pos = new PosTag[analysis.Tokens.Length];
        var entityTags = new EntityTag[pos.Length];
        var entities = Run(analysis, pos, entityTags, ct);
        return new TaggedText(analysis, pos, entityTags, entities);
    }

    /// <summary>Parts of speech only (the recognizer does not run).</summary>
    public PosTag[] TagPartsOfSpeech(AnalyzedText analysis, CancellationToken ct = default)
    {
        var pos = new PosTag[analysis.Tokens.Length];
        Run(analysis, pos, null, ct);
        return pos;
    }

    private List<EntityMention> Run(AnalyzedText analysis, PosTag[] pos, EntityTag[]? entityTags, CancellationToken ct)
    {
        var tokens = analysis.Tokens;
        int n = tokens.Length;
        if (n == 0)
        {
            return [];
        }

        WorkMeter.Add(n);
        var infoArray = ArrayPool<TokenInfo>.Shared.Rent(n);
        var confidenceArray = ArrayPool<float>.Shared.Rent(n);
        var partialArray = ArrayPool<int>.Shared.Rent(n * PosTags.Count);
        var caches = RentCaches();
        try
        {
            var text = analysis.Text.AsSpan();
            var sentences = analysis.Sentences;
            if (sentences.IsEmpty)
            {
                TagSentence(text, tokens, 0, n, infoArray, pos, entityTags, confidenceArray, partialArray, caches);
            }
            else
            {
                // Tokens that no sentence covers (a text layer in flux) are tagged as their own sentence.
                int next = 0;
                foreach (var sentence in sentences)
                {
                    ct.ThrowIfCancellationRequested();
                    if (sentence.FirstToken > next)
                    {
                        TagSentence(text, tokens, next, sentence.FirstToken - next, infoArray, pos, entityTags, confidenceArray, partialArray, caches);
                    }

                    int first = Math.Max(sentence.FirstToken, next);
                    int end = Math.Min(sentence.EndToken, n);
                    if (end > first)
                    {
                        TagSentence(text, tokens, first, end - first, infoArray, pos, entityTags, confidenceArray, partialArray, caches);
                        next = end;
                    }
                }

                if (next < n)
                {
                    TagSentence(text, tokens, next, n - next, infoArray, pos, entityTags, confidenceArray, partialArray, caches);
                }
            }

            return entityTags is null ? [] : Mentions(tokens, entityTags, confidenceArray);
        }
        finally
        {
            ArrayPool<TokenInfo>.Shared.Return(infoArray);
            ArrayPool<float>.Shared.Return(confidenceArray);
            ArrayPool<int>.Shared.Return(partialArray);
            ReturnCaches(caches);
        }
    }

    private void TagSentence(
        ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int first, int count,
        TokenInfo[] infoArray, PosTag[] posArray, EntityTag[]? entityArray, float[] confidenceArray, int[] partialArray, WordCaches caches)
    {
        var info = infoArray.AsSpan(first, count);
        for (int i = 0; i < count; i++)
        {
            var token = tokens[first + i];
            TokenInfo.Compute(text, token.Start, token.End, i == 0, out info[i]);
        }

        // Each model's features are summed in two steps. First, for every token of the sentence, the features that do
        // not read earlier decisions (the token's own, memoised per word, and its neighbours'): tokens are independent
        // here, so the scattered table reads of many tokens overlap. Then the greedy left-to-right pass adds the few
        // features that read the previous classes. Integer sums do not depend on order: the scores are exactly those
        // of adding the full template one feature at a time.
        Span<ulong> features = stackalloc ulong[FeatureTemplates.MaxFeatures];
        var pos = posArray.AsSpan(first, count);
        int posWidth = PosTags.Count;
        var posPartial = partialArray.AsSpan(0, count * posWidth);
        var posWords = caches.Pos;
        for (int i = 0; i < count; i++)
        {
            ref readonly var token = ref info[i];
            var word = posWords.Entry(token.Raw, token.Norm, (ulong)token.Flags, out bool known);
            if (!known)
            {
                _pos.Score(features[..FeatureTemplates.PosWord(token, features)], word);
            }

            var row = posPartial.Slice(i * posWidth, posWidth);
            word.CopyTo(row);
            _pos.Score(features[..FeatureTemplates.PosNeighbours(info, i, features)], row);
        }

        Span<int> posScores = stackalloc int[posWidth];
        int previous1 = 0, previous2 = 0;
        for (int i = 0; i < count; i++)
        {
            posPartial.Slice(i * posWidth, posWidth).CopyTo(posScores);
            _pos.Score(features[..FeatureTemplates.PosHistory(info, i, previous1, previous2, features)], posScores);
            int best = 0;
            for (int c = 1; c < posScores.Length; c++)
            {
                if (posScores[c] > posScores[best])
                {
                    best = c;
                }
            }

            pos[i] = PosTags.FromClass(best);
            previous2 = previous1;
            previous1 = best + 1;
        }

        if (entityArray is null)
        {
            return;
        }

        var entities = entityArray.AsSpan(first, count);
        var confidence = confidenceArray.AsSpan(first, count);
        int nerWidth = Bilou.ClassCount;
        var nerPartial = partialArray.AsSpan(0, count * nerWidth);
        var nerWords = caches.Ner;
        const CharacterFlags nerFlags = ~(CharacterFlags.SpaceBefore | CharacterFlags.SpaceAfter); // spacing is no entity feature
        for (int i = 0; i < count; i++)
        {
            ref readonly var token = ref info[i];
            var word = nerWords.Entry(token.Raw, token.Norm, (ulong)(token.Flags & nerFlags) | ((ulong)pos[i] << 16), out bool known);
            if (!known)
            {
                _ner.Score(features[..FeatureTemplates.NerWord(token, pos[i], features)], word);
            }

            var row = nerPartial.Slice(i * nerWidth, nerWidth);
            word.CopyTo(row);
            _ner.Score(features[..FeatureTemplates.NerNeighbours(info, pos, i, features)], row);
        }

        Span<int> nerScores = stackalloc int[nerWidth];
        int last = 0;
        previous1 = 0;
        previous2 = 0;
        for (int i = 0; i < count; i++)
        {
            nerPartial.Slice(i * nerWidth, nerWidth).CopyTo(nerScores);
            _ner.Score(features[..FeatureTemplates.NerHistory(info, pos, i, previous1, previous2, features)], nerScores);
            int best = BestAllowed(nerScores, last, i == count - 1);
            entities[i] = Bilou.FromClass(best);
            // Confidence only matters inside entities; most tokens are outside, so skip the exponentials there.
            confidence[i] = best == 0 ? 0f : _ner.Confidence(Margin(nerScores, best, last, i == count - 1) * _ner.Scale);
            last = best;
            previous2 = previous1;
            previous1 = best + 1;
        }
    }

    private WordCaches RentCaches()
    {
        for (int i = 0; i < _caches.Length; i++)
        {
            if (Volatile.Read(ref _caches[i]) is not null && Interlocked.Exchange(ref _caches[i], null) is { } caches)
            {
                return caches;
            }
        }

        return new WordCaches(_pos, _ner);
    }

    private void ReturnCaches(WordCaches caches)
    {
        for (int i = 0; i < _caches.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _caches[i], caches, null) is null)
            {
                return;
            }
        }
    }

    /// <summary>The best class that may follow <paramref name="previous"/> (and end the sentence when <paramref name="final"/>).</summary>
    internal static int BestAllowed(ReadOnlySpan<int> scores, int previous, bool final)
    {
        int best = -1;
        for (int c = 0; c < scores.Length; c++)
        {
            if (Bilou.IsAllowed(previous, c) && (!final || Bilou.CanEnd(c)) && (best < 0 || scores[c] > scores[best]))
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Integer score gap between the chosen class and the best other allowed class (0 when it is the only one).</summary>
    internal static int Margin(ReadOnlySpan<int> scores, int chosen, int previous, bool final)
    {
        int runnerUp = int.MinValue;
        for (int c = 0; c < scores.Length; c++)
        {
            if (c != chosen && Bilou.IsAllowed(previous, c) && (!final || Bilou.CanEnd(c)))
            {
                runnerUp = Math.Max(runnerUp, scores[c]);
            }
        }

        return runnerUp == int.MinValue ? 0 : scores[chosen] - runnerUp;
    }

    private static List<EntityMention> Mentions(ReadOnlySpan<Token> tokens, EntityTag[] tags, float[] confidence)
    {
        var spansArray = ArrayPool<(int First, int Count, EntityType Type)>.Shared.Rent(tags.Length);
        try
        {
            int count = Bilou.Spans(tags, spansArray);
            var mentions = new List<EntityMention>(count);
            for (int m = 0; m < count; m++)
            {
                var (first, length, type) = spansArray[m];
                float score = 0;
                for (int t = first; t < first + length; t++)
                {
                    score += confidence[t];
                }

                score = Math.Clamp(score / length, 0f, 1f);
                mentions.Add(new EntityMention(first, length, tokens[first].Start, tokens[first + length - 1].End, type, score));
            }

            // Repair the tags to the spans we report, so that EntityTags and Entities always agree.
            Array.Clear(tags);
            for (int m = 0; m < count; m++)
            {
                var (first, length, type) = spansArray[m];
                if (length == 1)
                {
                    tags[first] = new EntityTag(BilouPosition.Unit, type);
                    continue;
                }

                tags[first] = new EntityTag(BilouPosition.Begin, type);
                for (int t = first + 1; t < first + length - 1; t++)
                {
                    tags[t] = new EntityTag(BilouPosition.Inside, type);
                }

                tags[first + length - 1] = new EntityTag(BilouPosition.Last, type);
            }

            return mentions;
        }
        finally
        {
            ArrayPool<(int, int, EntityType)>.Shared.Return(spansArray);
        }
    }

    private static PerceptronModel LoadResource(Assembly assembly, string file, ModelKind kind)
    {
        string? name = null;
        foreach (var candidate in assembly.GetManifestResourceNames())
        {
            // The csproj keeps the folder separator in the logical name ("Models/pos.bin" or "Models\pos.bin").
            if (candidate.StartsWith("QuoteExtract.Resources.Models", StringComparison.Ordinal) && candidate.EndsWith(file, StringComparison.Ordinal))
            {
                name = candidate;
                break;
            }
        }

        using var stream = (name is null ? null : assembly.GetManifestResourceStream(name))
            ?? throw new InvalidOperationException($"The embedded tagger model '{file}' is missing from {assembly.GetName().Name}.");
        return PerceptronModel.Read(stream, kind);
    }

    /// <summary>One call's word caches, one per model.</summary>
    private sealed class WordCaches(PerceptronModel pos, PerceptronModel ner)
    {
        public WordScoreCache Pos { get; } = new(pos);

        public WordScoreCache Ner { get; } = new(ner);
    }
}

using System.Buffers;
using System.Reflection;
using QuoteExtract.Text;

namespace QuoteExtract.Tagging;

/// <summary>
/// Part-of-speech tagger and named-entity recognizer: two greedy left-to-right averaged perceptrons over
/// hashed features. Instances hold only immutable models and tables, so one instance serves all threads;
/// per-call scratch (word memos, batch buffers) is pooled (<see cref="TaggerScratch"/>).
/// </summary>
/// <remarks>
/// Tagging time is memory latency: a token's features are read from tables of megabytes. So each model's score of a
/// token is assembled from the groups of <see cref="FeatureTemplates"/> by the cheapest source for each group:
/// <list type="bullet">
/// <item>the token's own word-only features, and the features that its neighbours read from it (two words either
/// side), from per-word-form memos (<see cref="WordScoreCache"/>), scattered to the tokens that read them;</item>
/// <item>features that read only tags or previous classes, from tables computed at load (<see cref="GroupTables"/>);</item>
/// <item>the rest (word pairs, and features of memo misses), looked up in batches of 32 tokens
/// (<see cref="PerceptronModel.Locate"/>), so that their memory reads overlap instead of each costing a latency;</item>
/// <item>the two features per token that read the previous class together with a word, on the greedy path: looked up
/// a batch ahead for the class the scores so far predict, and looked up again only where the choice differs.</item>
/// </list>
/// A token's own properties (<see cref="TokenInfo"/>) and fixed class are also read from a per-word-form memo
/// (<see cref="TokenInfoCache"/>). Most tokens are not scored at all: a fixed word of the part-of-speech model (<see cref="FixedClasses"/>, 71% of the
/// training tokens) gets its tag outright, and the recognizer scores only tokens that may start an entity or continue an
/// open one (<see cref="EntityGate"/>, about 16% of them); the others still give their neighbours the features read from them.
/// Scores are integer sums, so the grouping and order do not change them: tags and confidences are exactly those of
/// adding every feature of <see cref="FeatureTemplates.Pos"/> and <see cref="FeatureTemplates.Ner"/> one by one at the
/// tokens that are scored (a test checks this against such a reference).
/// </remarks>
internal sealed class Tagger
{
    private const string PosResource = "pos.bin";
    private const string NerResource = "ner.bin";

    private static readonly Lazy<Tagger> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    // Word memos and batch buffers (see TaggerScratch), lent to one call at a time from a small lock-free pool, so that
    // the memos stay warm across calls and threads (a batch's worker threads are new for each batch).
    private readonly ScratchPool<TaggerScratch> _scratch;

    private readonly PerceptronModel _pos;
    private readonly PerceptronModel _ner;
    private readonly GroupTables _tables;

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
        _tables = new GroupTables(pos, ner);
        _scratch = new ScratchPool<TaggerScratch>(() => new TaggerScratch(_tables));
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
        var scratch = _scratch.Rent();
        try
        {
            var text = analysis.Text.AsSpan();
            var sentences = analysis.Sentences;
            if (sentences.IsEmpty)
            {
                TagSentence(text, tokens, 0, n, infoArray, pos, entityTags, confidenceArray, scratch);
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
                        TagSentence(text, tokens, next, sentence.FirstToken - next, infoArray, pos, entityTags, confidenceArray, scratch);
                    }

                    int first = Math.Max(sentence.FirstToken, next);
                    int end = Math.Min(sentence.EndToken, n);
                    if (end > first)
                    {
                        TagSentence(text, tokens, first, end - first, infoArray, pos, entityTags, confidenceArray, scratch);
                        next = end;
                    }
                }

                if (next < n)
                {
                    TagSentence(text, tokens, next, n - next, infoArray, pos, entityTags, confidenceArray, scratch);
                }
            }

            return entityTags is null ? [] : Mentions(tokens, entityTags, confidenceArray);
        }
        finally
        {
            ArrayPool<TokenInfo>.Shared.Return(infoArray);
            ArrayPool<float>.Shared.Return(confidenceArray);
            _scratch.Return(scratch);
        }
    }

    private void TagSentence(
        ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int first, int count,
        TokenInfo[] infoArray, PosTag[] posArray, EntityTag[]? entityArray, float[] confidenceArray, TaggerScratch scratch)
    {
        var info = infoArray.AsSpan(first, count);
        var known = scratch.Known(count);
        var fixedWords = _pos.Fixed;
        var memo = scratch.TokenInfos;
        for (int i = 0; i < count; i++)
        {
            var token = tokens[first + i];
            known[i] = memo.Get(text, token.Start, token.End, i == 0, fixedWords, out info[i]);
        }

        var pos = posArray.AsSpan(first, count);
        Score<PosGroups>(_pos, _tables.PosWidth, info, default, known, scratch);
        ChoosePartsOfSpeech(info, known, pos, scratch);
        if (entityArray is not null)
        {
            for (int i = 0; i < count; i++)
            {
                known[i] = EntityGate.MayStart(info[i]) ? -1 : 0;
            }

            Score<NerGroups>(_ner, _tables.NerWidth, info, pos, known, scratch);
            ChooseEntities(info, pos, known, entityArray.AsSpan(first, count), confidenceArray.AsSpan(first, count), scratch);
        }
    }

    // A token's score under either model is a sum of feature groups (see FeatureTemplates.Groups), added in two steps.
    // First, for every token of the sentence, the groups that do not read earlier decisions: the token's own word-only
    // features and the features its neighbours read from it, both memoised per word form; the tag groups, from tables;
    // and the pair features. The lookups of memo misses and pairs are batched over a chunk of tokens, so that their
    // memory reads overlap instead of costing a memory latency each. Then the greedy left-to-right pass adds the history
    // groups: tables, and two lookups per token that are issued a chunk ahead for the previous class the scores so far
    // predict, and redone only where the greedy choice differs. Integer sums do not depend on order: the scores are
    // exactly those of adding the full template one feature at a time. Score is the first step for either model;
    // TGroups (PosGroups, NerGroups) says where each of its groups comes from. Tokens whose class is known without
    // scoring (known[i] ≥ 0: the tagger's fixed words, the recognizer's gated tokens) are skipped, except for the
    // neighbour features that scored tokens read from them.
    private void Score<TGroups>(PerceptronModel model, int width, ReadOnlySpan<TokenInfo> info, ReadOnlySpan<PosTag> pos, ReadOnlySpan<int> known, TaggerScratch scratch)
        where TGroups : struct, IModelGroups
    {
        int count = info.Length;
        int misses = scratch.PrepareRows(count);
        var rows = scratch.Rows;
        rows.AsSpan(0, count * width).Clear();
        var keys = scratch.Keys.AsSpan();
        var targets = scratch.Targets.AsSpan();
        for (int a = 0; a < count; a += TaggerScratch.Chunk)
        {
            int b = Math.Min(count, a + TaggerScratch.Chunk);
            int k = 0, wordMisses = 0, neighbourMisses = 0;
            for (int i = a; i < b; i++)
            {
                ref readonly var token = ref info[i];
                if (known[i] < 0)
                {
                    var row = rows.AsSpan(i * width, width);
                    if (TGroups.Words(scratch).TryGet(token.Raw, token.Norm, TGroups.WordKey(token, pos, i), out var word))
                    {
                        ScoreRows.Add(row, word);
                    }
                    else
                    {
                        int at = misses + ((i - a) * width);
                        rows.AsSpan(at, width).Clear();
                        k += Emit(targets[k..], TGroups.Word(token, pos, i, keys[k..]), at);
                        scratch.WordMisses[wordMisses++] = i;
                    }

                    TGroups.AddTables(_tables, pos, i, count, row);
                    k += Emit(targets[k..], TGroups.Pairs(info, pos, i, keys[k..]), i * width);
                }

                if (!IsRead(known, i))
                {
                    continue;
                }

                if (TGroups.Neighbours(scratch).TryGet(token.Raw, token.Norm, 0, out var sums))
                {
                    Scatter(sums, rows, i, count, width, known);
                }
                else
                {
                    int at = misses + (TaggerScratch.Chunk * width) + ((i - a) * 4 * width);
                    rows.AsSpan(at, 4 * width).Clear();
                    k += Emit(targets[k..], TGroups.Before1(info, i, keys[k..]), at);
                    k += Emit(targets[k..], TGroups.Before2(info, i, keys[k..]), at + width);
                    k += Emit(targets[k..], TGroups.After1(info, i, keys[k..]), at + (2 * width));
                    k += Emit(targets[k..], TGroups.After2(info, i, keys[k..]), at + (3 * width));
                    scratch.NeighbourMisses[neighbourMisses++] = i;
                }
            }

            AddBatch(model, keys[..k], targets[..k], scratch.Found, rows, width);
            for (int m = 0; m < wordMisses; m++)
            {
                int i = scratch.WordMisses[m];
                var sum = rows.AsSpan(misses + ((i - a) * width), width);
                TGroups.Words(scratch).Store(info[i].Raw, info[i].Norm, TGroups.WordKey(info[i], pos, i), sum);
                ScoreRows.Add(rows.AsSpan(i * width, width), sum);
            }

            for (int m = 0; m < neighbourMisses; m++)
            {
                int i = scratch.NeighbourMisses[m];
                var sums = rows.AsSpan(misses + (TaggerScratch.Chunk * width) + ((i - a) * 4 * width), 4 * width);
                TGroups.Neighbours(scratch).Store(info[i].Raw, info[i].Norm, 0, sums);
                Scatter(sums, rows, i, count, width, known);
            }
        }
    }

    private void ChoosePartsOfSpeech(ReadOnlySpan<TokenInfo> info, ReadOnlySpan<int> known, Span<PosTag> pos, TaggerScratch scratch)
    {
        int count = info.Length;
        int width = _tables.PosWidth;
        int classes = _pos.ClassCount;
        var rows = scratch.Rows;
        Span<ulong> features = stackalloc ulong[FeatureTemplates.MaxFeatures];
        Span<int> scores = stackalloc int[width];
        int previous1 = 0, previous2 = 0;
        for (int a = 0; a < count; a += TaggerScratch.Chunk)
        {
            int b = Math.Min(count, a + TaggerScratch.Chunk);
            LookUpAhead<PosGroups>(_pos, info, known, a, b, previous1, width, scratch);
            for (int i = a; i < b; i++)
            {
                int best = known[i];
                if (best < 0)
                {
                    rows.AsSpan(i * width, width).CopyTo(scores);
                    ScoreRows.Add(scores, _tables.PosTagHistory(previous1, previous2));
                    AddHistory<PosGroups>(_pos, info, i, previous1, scratch, i - a, features, scores);
                    best = ScoreRows.ArgMax(scores[..classes]);
                }

                pos[i] = PosTags.FromClass(best);
                previous2 = previous1;
                previous1 = best + 1;
            }
        }
    }

    private void ChooseEntities(ReadOnlySpan<TokenInfo> info, ReadOnlySpan<PosTag> pos, ReadOnlySpan<int> known, Span<EntityTag> entities, Span<float> confidence, TaggerScratch scratch)
    {
        int count = info.Length;
        int width = _tables.NerWidth;
        int classes = _ner.ClassCount;
        var rows = scratch.Rows;
        Span<ulong> features = stackalloc ulong[FeatureTemplates.MaxFeatures];
        Span<int> row = stackalloc int[width];
        var scores = row[..classes];
        int last = 0, previous1 = 0, previous2 = 0;
        for (int a = 0; a < count; a += TaggerScratch.Chunk)
        {
            int b = Math.Min(count, a + TaggerScratch.Chunk);
            LookUpAhead<NerGroups>(_ner, info, known, a, b, previous1, width, scratch);
            for (int i = a; i < b; i++)
            {
                int best = known[i];
                bool final = i == count - 1;
                if (best < 0)
                {
                    rows.AsSpan(i * width, width).CopyTo(row);
                    ScoreRows.Add(row, _tables.NerClassHistory(previous1, previous2));
                    ScoreRows.Add(row, _tables.NerTagHistory(previous1, pos[i]));
                    AddHistory<NerGroups>(_ner, info, i, previous1, scratch, i - a, features, row);
                    best = BestAllowed(scores, last, final);
                }
                else if (!Bilou.CanEnd(last))
                {
                    // A token the gate skipped, inside an open entity (rare): add its features one by one (see EntityGate).
                    row.Clear();
                    _ner.Score(features[..FeatureTemplates.Ner(info, pos, i, previous1, previous2, features)], row);
                    best = BestAllowed(scores, last, final);
                }

                entities[i] = Bilou.FromClass(best);
                // Confidence only matters inside entities; most tokens are outside, so skip the exponentials there.
                confidence[i] = best == 0 ? 0f : _ner.Confidence(Margin(scores, best, last, final) * _ner.Scale);
                last = best;
                previous2 = previous1;
                previous1 = best + 1;
            }
        }
    }

    /// <summary>
    /// Looks up the word history group of tokens [<paramref name="a"/>, <paramref name="b"/>) ahead of the greedy pass,
    /// for the previous class the scores so far predict (the chunk's first token knows its real one).
    /// </summary>
    private static void LookUpAhead<TGroups>(PerceptronModel model, ReadOnlySpan<TokenInfo> info, ReadOnlySpan<int> known, int a, int b, int previous1, int width, TaggerScratch scratch)
        where TGroups : struct, IModelGroups
    {
        var rows = scratch.Rows;
        var keys = scratch.Keys.AsSpan();
        int classes = model.ClassCount;
        int k = 0;
        for (int i = a; i < b; i++)
        {
            // A token Score skipped has no scores, but (almost always) its known class.
            int guess = i == a ? previous1 : known[i - 1] >= 0 ? known[i - 1] + 1 : ScoreRows.ArgMax(rows.AsSpan((i - 1) * width, classes)) + 1;
            scratch.Guess[i - a] = guess;
            scratch.GuessKeys[i - a] = k;
            if (known[i] < 0)
            {
                k += TGroups.WordHistory(info, i, guess, keys[k..]);
            }
        }

        scratch.GuessKeys[b - a] = k;
        model.Locate(keys[..k], scratch.Found);
    }

    /// <summary>Adds the word history group of token <paramref name="i"/>: from the keys found ahead when the guess was right, else looked up now.</summary>
    private static void AddHistory<TGroups>(
        PerceptronModel model, ReadOnlySpan<TokenInfo> info, int i, int previous1, TaggerScratch scratch, int slot,
        Span<ulong> features, Span<int> row)
        where TGroups : struct, IModelGroups
    {
        if (scratch.Guess[slot] == previous1)
        {
            for (int k = scratch.GuessKeys[slot]; k < scratch.GuessKeys[slot + 1]; k++)
            {
                model.Add(scratch.Found[k], row);
            }
        }
        else
        {
            model.Score(features[..TGroups.WordHistory(info, i, previous1, features)], row);
        }
    }

    /// <summary>Whether a token scored in the first step (<paramref name="known"/> &lt; 0) lies within two tokens of token <paramref name="j"/>, and so reads its neighbour features.</summary>
    private static bool IsRead(ReadOnlySpan<int> known, int j) =>
        Scored(known, j - 2) || Scored(known, j - 1) || Scored(known, j + 1) || Scored(known, j + 2);

    private static bool Scored(ReadOnlySpan<int> known, int i) => (uint)i < (uint)known.Length && known[i] < 0;

    /// <summary>Sends the <paramref name="n"/> keys just written to the batch to the row at <paramref name="target"/>.</summary>
    private static int Emit(Span<int> targets, int n, int target)
    {
        targets[..n].Fill(target);
        return n;
    }

    /// <summary>Looks up a batch of keys together, then adds each one's weights to its target row.</summary>
    private static void AddBatch(PerceptronModel model, ReadOnlySpan<ulong> keys, ReadOnlySpan<int> targets, uint[] found, int[] rows, int width)
    {
        model.Locate(keys, found);
        for (int k = 0; k < keys.Length; k++)
        {
            model.Add(found[k], rows.AsSpan(targets[k], width));
        }
    }

    /// <summary>
    /// Adds the neighbour-word sums of token <paramref name="j"/> (before-1, before-2, after-1, after-2, one row each)
    /// to the rows of the tokens that read them, j + 1, j + 2, j − 1 and j − 2, where those are scored (<paramref name="known"/>
    /// &lt; 0). Nothing reads the rows of the others, and most tokens are not scored: leaving their rows out spares
    /// most of the adds, and the memo lines of the rows no one reads are not loaded at all.
    /// </summary>
    private static void Scatter(ReadOnlySpan<int> sums, int[] rows, int j, int count, int width, ReadOnlySpan<int> known)
    {
        if (j + 1 < count && known[j + 1] < 0)
        {
            ScoreRows.Add(rows.AsSpan((j + 1) * width, width), sums[..width]);
        }

        if (j + 2 < count && known[j + 2] < 0)
        {
            ScoreRows.Add(rows.AsSpan((j + 2) * width, width), sums.Slice(width, width));
        }

        if (j >= 1 && known[j - 1] < 0)
        {
            ScoreRows.Add(rows.AsSpan((j - 1) * width, width), sums.Slice(2 * width, width));
        }

        if (j >= 2 && known[j - 2] < 0)
        {
            ScoreRows.Add(rows.AsSpan((j - 2) * width, width), sums.Slice(3 * width, width));
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
}

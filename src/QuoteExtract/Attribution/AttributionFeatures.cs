using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// The hashed features the learned scorer sees for one candidate: its rule, cue word and category, the kind of
/// speaker, content length, how the content starts and ends, quote state and position. Shared by training and
/// scoring, so any change here needs a retrained model (train attribution).
/// </summary>
internal static class AttributionFeatures
{
    /// <summary>Longest lower-cased word kept on the stack; longer ones (never a cue in practice) take the string path.</summary>
    internal const int MaxWord = 64;

    /// <summary>
    /// Room for one candidate's features. <see cref="Collect"/> writes at most 64 today (61 always, one of 62/63, 64 and
    /// 65); the spare room keeps a new template from being dropped silently by the bound check in <c>Add</c>.
    /// </summary>
    internal const int MaxFeatures = 80;

    // Values of a few fixed texts, with their hashes (features hash the text; the hash is the same every time).
    private static readonly ulong[] GapHashes = Hashes(["-3", "-2", "-1", "0", "1", "2", "3", "4"]);
    private static readonly ulong[] CueLengthHashes = Hashes(["0", "1", "2", "3", "4"]);
    private static readonly ulong[] InsideHashes = Hashes(["inside0", "inside1", "inside2"]);
    private static readonly string[] LengthBuckets = ["1", "2", "3-5", "6-10", "11-20", "21-40", "41+"];
    private static readonly ulong[] LengthBucketHashes = Hashes(LengthBuckets);
    private static readonly ulong[] EndsHashes = Hashes(["quote", "noun", "other"]);
    private static readonly ulong BiasHash = FeatureHash.Raw("bias"), StartHash = FeatureHash.Raw("start"), InsideHash = FeatureHash.Raw("inside");
    private static readonly ulong OneHash = FeatureHash.Raw("one"), SplitHash = FeatureHash.Raw("split"), DashHash = FeatureHash.Raw("-");
    private static readonly ulong SecondCuedBar = Bar(FeatureHash.Raw("second-cued")), SecondBareBar = Bar(FeatureHash.Raw("second-bare"));

    // Each feature hashes text values such as "rule|speaker". They are hashed piece by piece, exactly as
    // FeatureHash.Raw hashes the joined string, so that no string is built per candidate.
    public static int Collect(TaggedText text, Candidate c, Span<ulong> features)
    {
        var shared = default(SharedFeatures);
        Share(text, c, ref shared, hashes: null);
        return Write(text, c, in shared, features, withShared: true, hashes: null);
    }

    /// <summary>
    /// The features of <see cref="Collect"/> that <see cref="Share"/> did not compute (in <see cref="Collect"/>'s
    /// order): with the shared ones, exactly <see cref="Collect"/>'s features. <paramref name="hashes"/> (optional)
    /// remembers hashes of texts that continue with a string, which changes no feature.
    /// </summary>
    public static int CollectOwn(TaggedText text, Candidate c, in SharedFeatures shared, Span<ulong> features, TextHashCache? hashes = null) =>
        Write(text, c, in shared, features, withShared: false, hashes);

    /// <summary>
    /// Computes the features that depend only on what <see cref="SharedFeatures.Key"/> holds (rule, speaker, cue,
    /// category, content start, speaker choice), in <see cref="Collect"/>'s order, and the hashes the other features
    /// start from. The variants of a family share all of them. <paramref name="hashes"/> as in <see cref="CollectOwn"/>.
    /// </summary>
    public static void Share(TaggedText text, Candidate c, ref SharedFeatures shared, TextHashCache? hashes = null)
    {
        var analysis = text.Analysis;
        var rule = c.Rule;
        Span<char> cueBuffer = stackalloc char[MaxWord];
        int cueHead = c.Cue.IsNone ? -1 : CueHeadIndex(text, c);
        ReadOnlySpan<char> cue = cueHead < 0 ? "-" : Lower(analysis.TokenText(cueHead), cueBuffer);
        var speaker = AttributionScorer.SpeakerType(text, c);
        Span<char> firstBuffer = stackalloc char[MaxWord];
        var first = c.Content.Start < analysis.Tokens.Length ? Lower(analysis.TokenText(c.Content.Start), firstBuffer) : "";
        var firstPos = EnumNames<PosTag>.Of(text.Pos[c.Content.Start]);
        var firstWord = first is "that" or "to" or "the" or "a" or "an" or "he" or "she" or "they" or "it" or "we" or "i" or "if" or "whether" or "what" or "how" or "why" or "for" or "of" or "about" or "on" or "in" or "as" or "with" or "at" or "his" or "her" or "their" or "this" or "by" or "when"
            ? first : "other";
        int sentence = AttributionExtractor.SentenceOf(analysis, c.Cue.IsNone ? c.Content.Start : c.Cue.Start);
        var s = analysis.Sentences[sentence];
        bool speakerAtStart = !c.Speaker.IsNone && c.Speaker.Start == s.FirstToken;
        string before = c.Speaker.IsNone || c.Speaker.Start == 0 ? "none" : EnumNames<PosTag>.Of(text.Pos[c.Speaker.Start - 1]);
        int gap = c.Speaker.IsNone || c.Cue.IsNone ? -1 : Math.Clamp(c.Cue.Start - c.Speaker.End, -3, 4);
        var cueLength = c.Cue.IsNone ? 0 : Math.Min(c.Cue.Length, 4);
        var category = EnumNames<QuoteCategory>.Of(c.Category);

        shared.Key = SharedFeatures.KeyOf(c);
        shared.CueHead = cueHead;
        shared.Speaker = speaker;
        ulong ruleHash = TextHashCache.Raw(hashes, rule), ruleBar = shared.RuleBar = Bar(ruleHash);
        ulong cueHash = FeatureHash.Raw(cue), cueBar = shared.CueBar = Bar(cueHash);
        ulong categoryHash = EnumNames<QuoteCategory>.Hash(c.Category);
        shared.CategoryBar = Bar(categoryHash);
        Span<ulong> features = shared.Values;
        int n = 0;
        Add(features, ref n, 1, BiasHash);
        Add(features, ref n, 2, ruleHash);
        Add(features, ref n, 3, cueHash);
        Add(features, ref n, 4, categoryHash);
        Add(features, ref n, 5, TextHashCache.Raw(hashes, speaker));
        Add(features, ref n, 6, TextHashCache.Continue(hashes, ruleBar, speaker));
        Add(features, ref n, 7, cueBar, speaker);
        Add(features, ref n, 11, firstWord);
        Add(features, ref n, 12, EnumNames<PosTag>.Hash(text.Pos[c.Content.Start]));
        Add(features, ref n, 13, cueBar, firstWord);
        Add(features, ref n, 14, cueBar, firstPos);
        Add(features, ref n, 15, speakerAtStart ? StartHash : InsideHash);
        Add(features, ref n, 16, TextHashCache.Raw(hashes, before));
        Add(features, ref n, 17, GapHashes[gap + 3]);
        Add(features, ref n, 19, CueLengthHashes[cueLength]);
        Add(features, ref n, 34, ruleBar, cue);
        Add(features, ref n, 36, ruleBar, firstWord);
        Span<char> lastSpeakerBuffer = stackalloc char[MaxWord];
        Add(features, ref n, 25, c.Speaker.IsNone ? "-" : Lower(analysis.TokenText(c.Speaker.End - 1), lastSpeakerBuffer));

        // The cue's stem pools its inflections ("endorse", "endorsed", "endorsing"); the word before the cue tells
        // infinitives, modals and negation ("to criticize", "would vote", "did not say") from plain reports.
        var stem = Stem(cue);
        ulong stemHash = FeatureHash.Raw(stem), stemBar = shared.StemBar = Bar(stemHash);
        Span<char> beforeCueBuffer = stackalloc char[MaxWord];
        var beforeCue = c.Cue.IsNone || c.Cue.Start == 0 ? "none" : BeforeCue(text, c.Cue.Start - 1, beforeCueBuffer);
        Add(features, ref n, 37, stemHash);
        Add(features, ref n, 38, beforeCue);
        Add(features, ref n, 39, stemBar, beforeCue);
        Add(features, ref n, 41, TextHashCache.Continue(hashes, stemBar, firstPos));
        Add(features, ref n, 42, TextHashCache.Continue(hashes, stemBar, rule));
        Add(features, ref n, 43, TextHashCache.Continue(hashes, Bar(EnumNames<EntityType>.Hash(text.EntityTags[c.Content.Start].Type)), category));
        Add(features, ref n, 44, first.Length > 0 && char.IsLetter(first[0]) ? first : "punct");

        // The cue's form: "said" (VBD), "says" (VBZ), "saying" (VBG), "is expected" (VBN), a noun.
        ulong cueTagBar = Bar(cueHead < 0 ? DashHash : EnumNames<PosTag>.Hash(text.Pos[cueHead]));
        Add(features, ref n, 58, TextHashCache.Continue(hashes, cueTagBar, rule));
        Add(features, ref n, 59, cueTagBar, stem);

        // Which reading of the speaker a candidate takes (see SpeakerReadings).
        if (c.SpeakerChoice != "-")
        {
            ulong choiceBar = Bar(TextHashCache.Raw(hashes, c.SpeakerChoice));
            Add(features, ref n, 64, TextHashCache.Continue(hashes, choiceBar, rule));
            Add(features, ref n, 65, TextHashCache.Continue(hashes, choiceBar, speaker));
        }

        shared.Count = n;
    }

    /// <summary>
    /// Writes the candidate's features in their training order, the shared ones (<see cref="Share"/>) taken from
    /// <paramref name="shared"/> when <paramref name="withShared"/>, left out otherwise.
    /// </summary>
    private static int Write(TaggedText text, Candidate c, in SharedFeatures shared, Span<ulong> features, bool withShared, TextHashCache? hashes)
    {
        var analysis = text.Analysis;
        int n = 0, s = 0;
        ReadOnlySpan<ulong> sharedValues = shared.Values[..shared.Count];
        var rule = c.Rule;
        var cut = c.CutKind ?? "full";
        Span<char> cueBuffer = stackalloc char[MaxWord];
        ReadOnlySpan<char> cue = shared.CueHead < 0 ? "-" : Lower(analysis.TokenText(shared.CueHead), cueBuffer);
        var speaker = shared.Speaker;
        int length = c.ContentEnd - c.Content.Start;
        int lengthIndex = length switch { 1 => 0, 2 => 1, <= 5 => 2, <= 10 => 3, <= 20 => 4, <= 40 => 5, _ => 6 };
        var lengthBucket = LengthBuckets[lengthIndex];
        var last = analysis.Tokens[c.ContentEnd - 1];
        int endsIndex = last.Kind == TokenKind.QuoteMark ? 0 : text.Pos[c.ContentEnd - 1] is var p && (p is PosTag.NN or PosTag.NNS or PosTag.NNP or PosTag.NNPS) ? 1 : 2;
        var category = EnumNames<QuoteCategory>.Of(c.Category);
        var kind = EnumNames<QuoteKind>.Of(c.Kind);

        // A value that starts several pairs ("rule|…") is hashed once with its bar; each pair continues from there.
        // Pairs whose second part is a string from a small set (rule, cut, kind, category, speaker type) are
        // remembered by the cache, when there is one.
        ulong ruleBar = shared.RuleBar, cueBar = shared.CueBar, categoryBar = shared.CategoryBar;
        ulong kindHash = EnumNames<QuoteKind>.Hash(c.Kind);
        ulong cutHash = TextHashCache.Raw(hashes, cut), cutBar = Bar(cutHash);
        Take(features, ref n, sharedValues, ref s, withShared, 7); // 1 bias … 7 cue|speaker
        Add(features, ref n, 8, LengthBucketHashes[lengthIndex]);
        Add(features, ref n, 9, ruleBar, lengthBucket);
        Add(features, ref n, 10, kindHash);
        Take(features, ref n, sharedValues, ref s, withShared, 7); // 11 first word … 17 gap
        Add(features, ref n, 18, EndsHashes[endsIndex]);
        Take(features, ref n, sharedValues, ref s, withShared, 1); // 19 cue length
        Add(features, ref n, 20, c.Content2.IsNone ? OneHash : SplitHash);
        Add(features, ref n, 21, categoryBar, lengthBucket);
        Add(features, ref n, 22, TextHashCache.Continue(hashes, Bar(kindHash), speaker));
        Add(features, ref n, 23, cueBar, lengthBucket);
        Add(features, ref n, 24, TextHashCache.Continue(hashes, ruleBar, kind));
        Add(features, ref n, 26, cutHash);
        Add(features, ref n, 27, cutBar, lengthBucket);
        Add(features, ref n, 28, cutBar, cue);
        Add(features, ref n, 29, cutBar, RemainingBucket(analysis, c));
        Span<char> afterBuffer = stackalloc char[(2 * MaxWord) + 1];
        var after = AfterEnd(text, c, afterBuffer);
        Add(features, ref n, 32, cutBar, after);
        Add(features, ref n, 33, categoryBar, after);
        Take(features, ref n, sharedValues, ref s, withShared, 1); // 34 rule|cue
        Add(features, ref n, 35, TextHashCache.Continue(hashes, cueBar, kind));
        Take(features, ref n, sharedValues, ref s, withShared, 1); // 36 rule|first word
        Add(features, ref n, 30, InsideHashes[Math.Min(c.CuesInside, 2)]);
        Add(features, ref n, 31, TextHashCache.Continue(hashes, cutBar, category));
        Take(features, ref n, sharedValues, ref s, withShared, 4); // 25 speaker's last word, 37 stem, 38 before cue, 39 stem|before cue

        var stem = Stem(cue);
        ulong stemBar = shared.StemBar;
        Add(features, ref n, 40, TextHashCache.Continue(hashes, Bar(TextHashCache.Continue(hashes, stemBar, speaker)), kind));
        Take(features, ref n, sharedValues, ref s, withShared, 4); // 41 stem|first tag … 44 first word or punctuation

        // Where the content stops: the next word (function words by themselves), and whether a time expression
        // ends the content or follows it ("criticized [the NRA] in February": the gold leaves the date out).
        Span<char> nextBuffer = stackalloc char[MaxWord];
        var nextWord = NextWord(text, c, nextBuffer);
        Add(features, ref n, 45, cutBar, nextWord);
        Add(features, ref n, 46, categoryBar, nextWord);
        Add(features, ref n, 47, TextHashCache.Continue(hashes, IsTemporal(analysis.TokenText(c.ContentEnd - 1)) ? EndsTemporalTrueBar : EndsTemporalFalseBar, cut));
        Add(features, ref n, 48, CoordinatedCueInside(text, c) ? CoordinatedCueTrue : CoordinatedCueFalse);

        // The content's end among its variants' ends, with what the end is (cut kind, next word, rule).
        ulong positionHash = TextHashCache.Raw(hashes, c.VariantPosition), positionBar = Bar(positionHash);
        Add(features, ref n, 49, positionHash);
        Add(features, ref n, 50, TextHashCache.Continue(hashes, positionBar, cut));
        Add(features, ref n, 51, positionBar, nextWord);
        Add(features, ref n, 52, TextHashCache.Continue(hashes, positionBar, rule));
        Add(features, ref n, 53, positionBar, cue);
        ulong shareBar = Bar(TextHashCache.Raw(hashes, c.VariantShare));
        Add(features, ref n, 54, TextHashCache.Continue(hashes, shareBar, cut));
        Add(features, ref n, 55, TextHashCache.Continue(hashes, shareBar, rule));

        // A clause (a finite verb in the content) or a noun phrase: "said [the plan will fail]" against "criticized [the plan]".
        ulong shapeBar = HasFiniteVerb(text, c) ? ClauseBar : PhraseBar;
        Add(features, ref n, 56, shapeBar, stem);
        Add(features, ref n, 57, TextHashCache.Continue(hashes, Bar(TextHashCache.Continue(hashes, shapeBar, rule)), cut));
        Take(features, ref n, sharedValues, ref s, withShared, 2); // 58 cue tag|rule, 59 cue tag|stem

        // A content that is one short quotation: a title ("watched “Big Sky”"), a scare quote or a real quote.
        ulong quotationBar = Bar(TextHashCache.Raw(hashes, QuotationShape(analysis, c)));
        Add(features, ref n, 60, TextHashCache.Continue(hashes, quotationBar, category));
        Add(features, ref n, 61, quotationBar, stem);

        // The first other cue inside the content, by what comes before it and its tag: ", saying", "but insists", "and called".
        if (c.FirstCueInside > 0)
        {
            int at = c.FirstCueInside;
            Span<char> insideBuffer = stackalloc char[MaxWord];
            var lead = Lower(analysis.TokenText(at - 1), insideBuffer) is var w && w is "," or "and" or "but" or "then" or "also" or "while" or "as" or "after" or "before" ? w : "other";
            ulong insideBar = Bar(FeatureHash.Raw(lead));
            Add(features, ref n, 66, TextHashCache.Continue(hashes, Bar(TextHashCache.Continue(hashes, insideBar, EnumNames<PosTag>.Of(text.Pos[at]))), cut));
            Add(features, ref n, 67, TextHashCache.Continue(hashes, Bar(TextHashCache.Continue(hashes, insideBar, kind)), category));
        }

        Take(features, ref n, sharedValues, ref s, withShared, sharedValues.Length - s); // 64, 65 speaker choice, when there is one

        // A second fragment whose sentence has a cue of its own (“A,” she said. “B,” she added.) is rarely this attribution's.
        if (!c.Content2.IsNone)
        {
            Add(features, ref n, 62, TextHashCache.Continue(hashes, c.SecondCued ? SecondCuedBar : SecondBareBar, cut));
        }
        else if (c.NextQuotation != "-")
        {
            Add(features, ref n, 63, TextHashCache.Continue(hashes, Bar(TextHashCache.Raw(hashes, c.NextQuotation)), cut));
        }

        return n;
    }

    /// <summary>Copies the next <paramref name="count"/> shared features when <paramref name="withShared"/>, skips them otherwise.</summary>
    private static void Take(Span<ulong> features, ref int n, ReadOnlySpan<ulong> shared, ref int s, bool withShared, int count)
    {
        if (withShared)
        {
            foreach (var feature in shared.Slice(s, count))
            {
                if (n < features.Length)
                {
                    features[n++] = feature;
                }
            }
        }

        s += count;
    }

    /// <summary>A crude inflection-free key for a cue word: "endorsed", "endorses", "endorsing" → "endors".</summary>
    internal static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    /// <summary>The token before the cue: auxiliaries, modals, negation and "to" by their word, others by their tag.</summary>
    private static ReadOnlySpan<char> BeforeCue(TaggedText text, int token, Span<char> buffer)
    {
        var word = Lower(text.Analysis.TokenText(token), buffer);
        return word is "to" or "not" or "n't" or "never" or "would" or "will" or "could" or "can" or "may" or "might" or "should" or "must"
            or "has" or "have" or "had" or "is" or "was" or "are" or "were" or "did" or "does" or "do" or "also" or "and" or "but" or "who" or ","
            ? word
            : EnumNames<PosTag>.Of(text.Pos[token]);
    }

    /// <summary>The word after the content in its sentence: function words by themselves, others by their tag.</summary>
    private static ReadOnlySpan<char> NextWord(TaggedText text, Candidate c, Span<char> buffer)
    {
        var analysis = text.Analysis;
        int t = NextTokenInSentence(analysis, c, out int sentenceEnd);
        if (t < 0)
        {
            return "end";
        }
        if (IsTemporal(analysis.TokenText(t)) || (t + 1 < sentenceEnd && text.Pos[t] == PosTag.IN && IsTemporal(analysis.TokenText(t + 1))))
        {
            return "temporal";
        }

        return text.Pos[t] is PosTag.IN or PosTag.CC or PosTag.TO or PosTag.WDT or PosTag.WP or PosTag.DT ? Lower(analysis.TokenText(t), buffer) : EnumNames<PosTag>.Of(text.Pos[t]);
    }

    /// <summary>The first token after the content when the content's sentence goes on past it (not just its final mark), or -1.</summary>
    private static int NextTokenInSentence(AnalyzedText analysis, Candidate c, out int sentenceEnd)
    {
        sentenceEnd = analysis.Sentences[AttributionExtractor.SentenceOf(analysis, c.ContentEnd - 1)].EndToken;
        return c.ContentEnd >= sentenceEnd - 1 ? -1 : c.ContentEnd;
    }

    // The grammar's "time" word class (attribution.lexicon), so that rules and features agree on what a time word is.
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWords =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(
            LexiconSet.Parse(GrammarResources.Read("attribution.lexicon"), "attribution.lexicon").Words("time"),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that make a time expression: "in February", "on Monday", "last week", "earlier this year".</summary>
    internal static bool IsTemporal(ReadOnlySpan<char> word) => TimeWords.Contains(word);

    /// <summary>True when every token of <paramref name="range"/> is a time word, a determiner, an adjective or a number ("last Tuesday", "October 2015").</summary>
    internal static bool IsTemporalPhrase(TaggedText text, TokenRange range)
    {
        for (int t = range.Start; t < range.End; t++)
        {
            if (text.Pos[t] is not (PosTag.DT or PosTag.JJ or PosTag.CD) && !IsTemporal(text.Analysis.TokenText(t)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the content holds a finite verb or a modal.</summary>
    private static bool HasFiniteVerb(TaggedText text, Candidate c)
    {
        for (int t = c.Content.Start; t < c.ContentEnd; t++)
        {
            if (text.Pos[t] is PosTag.VBD or PosTag.VBZ or PosTag.VBP or PosTag.MD)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "title" when the content is exactly one quotation of at most six words that all start with a capital letter,
    /// "short" for another quotation of at most three words, "quotation" for a longer one, "-" when the content is not
    /// one quotation.
    /// </summary>
    internal static string QuotationShape(AnalyzedText analysis, Candidate c)
    {
        if (!c.Content2.IsNone || analysis.QuotationAt(c.Content.Start) is not (>= 0 and var q)
            || analysis.Quotations[q].OpenToken != c.Content.Start || analysis.Quotations[q].CloseToken != c.Content.End - 1)
        {
            return "-";
        }

        int words = 0, capitalized = 0;
        for (int t = c.Content.Start + 1; t < c.Content.End - 1; t++)
        {
            if (analysis.Tokens[t].Kind == TokenKind.Word)
            {
                words++;
                capitalized += char.IsUpper(analysis.TokenText(t)[0]) ? 1 : 0;
            }
        }

        return words <= 6 && capitalized == words && words > 0 ? "title" : words <= 3 ? "short" : "quotation";
    }

    /// <summary>True when the content holds "and/but + a cue verb" outside quotations: "said A and added B".</summary>
    private static bool CoordinatedCueInside(TaggedText text, Candidate c)
    {
        var analysis = text.Analysis;
        Span<char> buffer = stackalloc char[MaxWord];
        for (int t = c.Content.Start + 1; t < c.ContentEnd - 1; t++)
        {
            if (text.Pos[t] == PosTag.CC && text.Pos[t + 1] is PosTag.VBD or PosTag.VBZ && analysis.TokenText(t) is "and" or "but"
                && Stem(Lower(analysis.TokenText(t + 1), buffer)) is "add" or "said" or "say" or "told" or "tell" or "warn" or "insist" or "argu" or "call")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the cue's head: its last verb, noun or adjective ("pointed" in "pointed out").</summary>
    private static int CueHeadIndex(TaggedText text, Candidate c)
    {
        for (int t = c.Cue.End - 1; t >= c.Cue.Start; t--)
        {
            if (text.Pos[t] is >= PosTag.VB and <= PosTag.VBZ or PosTag.NN or PosTag.NNS or PosTag.JJ || text.Analysis.TokenText(t) is "according")
            {
                return t;
            }
        }

        return c.Cue.End - 1;
    }

    /// <summary>The word lower-cased as <see cref="string.ToLowerInvariant()"/> does, in <paramref name="buffer"/> when it fits.</summary>
    internal static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length)
        {
            return word.ToString().ToLowerInvariant();
        }

        return buffer[..InvariantLowerCase.Write(word, buffer)];
    }

    /// <summary>What follows the content's end in its sentence: the next two tokens' tags, or "end" (written to <paramref name="buffer"/>).</summary>
    private static ReadOnlySpan<char> AfterEnd(TaggedText text, Candidate c, Span<char> buffer)
    {
        var analysis = text.Analysis;
        int t = NextTokenInSentence(analysis, c, out int sentenceEnd);
        if (t < 0)
        {
            return "end";
        }

        var first = analysis.TokenText(t);
        ReadOnlySpan<char> head = first.Length == 1 && !char.IsLetterOrDigit(first[0]) ? first : EnumNames<PosTag>.Of(text.Pos[t]);
        ReadOnlySpan<char> second = t + 1 < sentenceEnd ? EnumNames<PosTag>.Of(text.Pos[t + 1]) : "end";
        if (head.Length + 1 + second.Length > buffer.Length)
        {
            return string.Concat(head, "+", second);
        }

        head.CopyTo(buffer);
        buffer[head.Length] = '+';
        second.CopyTo(buffer[(head.Length + 1)..]);
        return buffer[..(head.Length + 1 + second.Length)];
    }

    /// <summary>How many tokens of the sentence the content leaves out after its end.</summary>
    private static string RemainingBucket(AnalyzedText analysis, Candidate c)
    {
        var sentence = analysis.Sentences[AttributionExtractor.SentenceOf(analysis, c.ContentEnd - 1)];
        int rest = sentence.EndToken - c.ContentEnd;
        return rest switch { <= 1 => "0", <= 4 => "1-4", <= 10 => "5-10", _ => "11+" };
    }

    // Hashes of the constant starts of pairs, the same FeatureHash.Raw gives for the joined text.
    private static readonly ulong EndsTemporalTrueBar = Bar(FeatureHash.RawContinue(Bar(FeatureHash.Raw("ends-temporal")), "True"));
    private static readonly ulong EndsTemporalFalseBar = Bar(FeatureHash.RawContinue(Bar(FeatureHash.Raw("ends-temporal")), "False"));
    private static readonly ulong CoordinatedCueTrue = FeatureHash.RawContinue(Bar(FeatureHash.Raw("coordinated-cue")), "True");
    private static readonly ulong CoordinatedCueFalse = FeatureHash.RawContinue(Bar(FeatureHash.Raw("coordinated-cue")), "False");
    private static readonly ulong ClauseBar = Bar(FeatureHash.Raw("clause"));
    private static readonly ulong PhraseBar = Bar(FeatureHash.Raw("phrase"));

    private static ulong[] Hashes(string[] texts) => [.. texts.Select(text => FeatureHash.Raw(text))];

    /// <summary>The hash of the text hashed to <paramref name="hash"/> followed by "|": the start of a pair.</summary>
    private static ulong Bar(ulong hash) => FeatureHash.RawContinue(hash, "|");

    private static void Add(Span<ulong> features, ref int n, int template, ReadOnlySpan<char> value) =>
        Add(features, ref n, template, FeatureHash.Raw(value));

    /// <summary>The feature of a text already hashed (<see cref="FeatureHash.Raw"/>).</summary>
    private static void Add(Span<ulong> features, ref int n, int template, ulong hash)
    {
        if (n < features.Length)
        {
            features[n++] = FeatureHash.Feature(template + 1000, hash);
        }
    }

    /// <summary>The feature of the text <c>left + "|" + right</c>, the left part and its bar hashed to <paramref name="leftBar"/>.</summary>
    private static void Add(Span<ulong> features, ref int n, int template, ulong leftBar, ReadOnlySpan<char> right) =>
        Add(features, ref n, template, FeatureHash.RawContinue(leftBar, right));

    /// <summary>The feature of the text <c>a + "|" + b + "|" + c</c>, the first part and its bar hashed to <paramref name="aBar"/>.</summary>
    private static void Add(Span<ulong> features, ref int n, int template, ulong aBar, ReadOnlySpan<char> b, ReadOnlySpan<char> c) =>
        Add(features, ref n, template, FeatureHash.RawContinue(Bar(FeatureHash.RawContinue(aBar, b)), c));
}

using System.Buffers;
using System.Runtime.InteropServices;
using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// Finds a document's attributions: grammar matches become candidates, each is scored, and the best
/// non-conflicting ones are kept (one attribution per cue, contents never overlap, no cue inside another's
/// content). Quotations left without a cue then borrow the speaker of the attribution next to them.
/// Holds only shared read-only state; all per-document state lives in <see cref="Extract"/>.
/// </summary>
internal sealed class AttributionExtractor
{
    /// <summary>Quotations of fewer words with no cue are titles, nicknames or scare quotes, not attributions.</summary>
    private const int MinimumUncuedWords = 4;

    /// <summary>Words besides the speaker and cue allowed between two quotations that form one content.</summary>
    private const int MaxWordsBetween = 12;

    /// <summary>The same after <c>“A,” said X, a long appositive …</c>: the cue sentence of a direct quote before.</summary>
    private const int MaxWordsAfterDirect = 40;

    private readonly AttributionGrammar _grammar;
    private readonly AttributionScorer _scorer;

    // Per-call buffers (quotation index and quote state per token, matches, sort keys), lent to one call at a time.
    private readonly ScratchPool<AttributionScratch> _scratch = new(static () => new AttributionScratch());

    public AttributionExtractor(AttributionGrammar grammar, AttributionScorer scorer)
    {
        _grammar = grammar;
        _scorer = scorer;
    }

    public List<Candidate> Candidates(TaggedText text, CancellationToken ct)
    {
        var scratch = _scratch.Rent();
        try
        {
            return Candidates(text, scratch, ct);
        }
        finally
        {
            _scratch.Return(scratch);
        }
    }

    private List<Candidate> Candidates(TaggedText text, AttributionScratch scratch, CancellationToken ct)
    {
        int tokens = text.Analysis.Tokens.Length;
        scratch.Prepare(tokens);
        var reader = new CandidateReader(_grammar, text, scratch.QuotationByOpen, scratch.QuotationByClose);
        var states = scratch.States.AsSpan(0, tokens);
        reader.QuoteStates(states);
        var patterns = _grammar.Patterns;
        var matches = scratch.Matches;
        var whole = scratch.Whole;

        // One VM for both passes: the second reuses the token features the first computed.
        var vm = patterns.Rent();
        try
        {
            patterns.Match(text, states, 0, tokens, matches, MatchScope.Sentence, vm);
            WorkMeter.Add(matches.Steps + matches.Count);

            // The sentence splitter ends a sentence after ?" or !", so "…?” he said." needs a match across the boundary:
            // quotation-anchored rules (role "after") run once more over the whole text and keep their matches that cross
            // into a short sentence holding just the speaker and cue.
            patterns.Match(text, states, 0, tokens, whole, MatchScope.Range, vm, _grammar.WholeTextRules);
            WorkMeter.Add(whole.Steps + whole.Count);
        }
        finally
        {
            patterns.Return(vm);
        }

        var candidates = new List<Candidate>();
        foreach (ref readonly var match in matches.AsSpan())
        {
            ct.ThrowIfCancellationRequested();
            if (reader.Read(matches, match) is { } candidate && !Nested(text.Analysis, match.Start, candidate))
            {
                candidates.Add(candidate);
            }
        }

        foreach (ref readonly var match in whole.AsSpan())
        {
            var role = _grammar.Settings(whole.Rule(match)).Role;
            int last = SentenceOf(text.Analysis, match.End - 1);
            if (role is "after" && SentenceOf(text.Analysis, match.Start) != last
                && text.Analysis.Sentences[last].EndToken - match.End <= 6 // "he said." or "he said on Monday.", not a sentence of its own
                && !text.Analysis.Tokens[match.Start + 1].Has(TokenFlags.ParagraphBreakBefore)
                && reader.Read(whole, match) is { } candidate && !text.Analysis.IsInQuotation(candidate.Cue.Start))
            {
                candidates.Add(candidate);
            }
        }

        RemoveShorterCues(candidates, text.Analysis.Tokens.Length);

        // A content to the sentence end stops before the next attribution that starts inside it (its speaker or cue).
        int count = candidates.Count;
        ReadOnlySpan<int> starts = CollectionsMarshal.AsSpan(SortedPositions(candidates, scratch.Positions, static c => AttributionStart(c), distinct: false));
        for (int i = 0; i < count; i++)
        {
            var c = candidates[i];
            if (!c.RestOfSentence)
            {
                continue;
            }

            int next = LowerBound(starts, c.Content.Start + 1);
            int stop = next < starts.Length && starts[next] < c.Content.End ? starts[next] : int.MaxValue;
            if (stop != int.MaxValue && reader.CutBefore(c, stop, "attribution") is { } cut)
            {
                candidates.Add(cut);
            }

            reader.ClauseBoundaries(c.Content, Math.Min(stop, c.Content.End), scratch.Boundaries);
            foreach (var (at, kind) in scratch.Boundaries)
            {
                if (reader.CutBefore(c, at, kind) is { } variant)
                {
                    candidates.Add(variant);
                }
            }
        }

        SpeakerReadings.Add(text, candidates);
        AddContinuations(text.Analysis, candidates);
        AddSentenceStarts(text.Analysis, candidates);
        MarkVariantPositions(candidates, scratch.Families);
        ReadOnlySpan<int> cueStarts = CollectionsMarshal.AsSpan(SortedPositions(candidates, scratch.Positions, static c => c.Cue.Start, distinct: true));
        WorkMeter.Add(candidates.Count);
        foreach (var c in candidates)
        {
            c.CuesInside = CuesInside(cueStarts, c);
            c.FirstCueInside = FirstCueInside(cueStarts, c);
            c.SecondCued = SecondCued(text.Analysis, cueStarts, c);
            if (c.ContinuedFrom is { } single)
            {
                single.NextQuotation = c.SecondCued ? "next-cued" : "next-bare";
            }
        }

        _scorer.Score(text, candidates, scratch.SharedFeatures);
        _scorer.Rescore(candidates, scratch.Neighbours);
        return candidates;
    }

    /// <summary>The candidates' positions sorted (each once when <paramref name="distinct"/>), in <paramref name="buffer"/>, which the next call reuses.</summary>
    private static List<int> SortedPositions(List<Candidate> candidates, List<int> buffer, Func<Candidate, int> position, bool distinct)
    {
        buffer.Clear();
        foreach (var c in candidates)
        {
            buffer.Add(position(c));
        }

        if (distinct)
        {
            SortedDistinct.Apply(buffer);
        }
        else
        {
            buffer.Sort();
        }

        return buffer;
    }

    /// <summary>Sets each candidate's <see cref="Candidate.VariantPosition"/> and share among the candidates of its <see cref="Candidate.Family"/>.</summary>
    private static void MarkVariantPositions(List<Candidate> candidates, Dictionary<(string Rule, int Cue, int Speaker), (int Shortest, int Longest, int Count)> families)
    {
        families.Clear();
        foreach (var c in candidates)
        {
            int length = c.ContentEnd - c.ContentStart;
            ref var family = ref CollectionsMarshal.GetValueRefOrAddDefault(families, c.Family, out bool exists);
            family = exists ? (Math.Min(family.Shortest, length), Math.Max(family.Longest, length), family.Count + 1) : (length, length, 1);
        }

        foreach (var c in candidates)
        {
            var (shortest, longest, count) = families[c.Family];
            int length = c.ContentEnd - c.ContentStart;
            c.VariantPosition = count == 1 || shortest == longest ? "only" : length == longest ? "longest" : length == shortest ? "shortest" : "middle";
            c.VariantShare = (((4 * length) + longest - 1) / Math.Max(1, longest)) switch { <= 1 => "q1", 2 => "q2", 3 => "q3", _ => "q4" };
        }
    }

    /// <summary>
    /// Multi-word cues win: "responded … by saying" over "responded" for the same speaker, when both read their
    /// content on the same side of the cue ("“…,” Smith said of the plan." keeps its quotation). A candidate goes when
    /// another one's cue strictly contains its own.
    /// </summary>
    private static void RemoveShorterCues(List<Candidate> candidates, int tokenCount)
    {
        var byCue = TokenBuckets.Rent(tokenCount);
        foreach (var c in candidates)
        {
            byCue.Add(c, c.Cue);
        }

        // Every candidate is judged against all of them before any goes.
        var shorter = ArrayPool<bool>.Shared.Rent(candidates.Count);
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            shorter[i] = false;

            // A cue that contains c's cue also contains its first token.
            foreach (var o in byCue.Near(c.Cue.Start, c.Cue.Start))
            {
                if (o.Speaker.Start == c.Speaker.Start && o.Cue.Start <= c.Cue.Start && o.Cue.End >= c.Cue.End && o.Cue.Length > c.Cue.Length
                    && (o.Content.Start >= o.Cue.End) == (c.Content.Start >= c.Cue.End))
                {
                    shorter[i] = true;
                    break;
                }
            }
        }

        byCue.Return();
        int kept = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            if (!shorter[i])
            {
                candidates[kept++] = candidates[i];
            }
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
        ArrayPool<bool>.Shared.Return(shorter);
    }

    /// <summary>Where an attribution starts: its speaker or its cue, whichever comes first.</summary>
    private static int AttributionStart(Candidate c) => c.Speaker.IsNone ? c.Cue.Start : Math.Min(c.Speaker.Start, c.Cue.Start);

    /// <summary>How many of the sorted distinct <paramref name="cueStarts"/>, other than the candidate's own, lie in its content.</summary>
    /// <summary>The first cue start of another candidate inside the first content fragment (its own cue excluded), or -1.</summary>
    private static int FirstCueInside(ReadOnlySpan<int> cueStarts, Candidate c)
    {
        for (int i = LowerBound(cueStarts, c.Content.Start + 1); i < cueStarts.Length && cueStarts[i] < c.Content.End; i++)
        {
            if (cueStarts[i] != c.Cue.Start)
            {
                return cueStarts[i];
            }
        }

        return -1;
    }

    private static int CuesInside(ReadOnlySpan<int> cueStarts, Candidate c)
    {
        int inside = CountIn(cueStarts, c.Content.Start, c.Content.End);
        if (!c.Content2.IsNone)
        {
            inside += CountIn(cueStarts, c.Content2.Start, c.Content2.End)
                - CountIn(cueStarts, Math.Max(c.Content.Start, c.Content2.Start), Math.Min(c.Content.End, c.Content2.End));
        }

        return c.ContentContains(c.Cue.Start) ? inside - 1 : inside;
    }

    /// <summary>
    /// Whether another cue than the candidate's own lies in its second fragment's sentence (or in a short sentence right
    /// after it: the splitter ends a sentence after <c>?”</c>), outside the fragment.
    /// </summary>
    private static bool SecondCued(AnalyzedText analysis, ReadOnlySpan<int> cueStarts, Candidate c)
    {
        if (c.Content2.IsNone)
        {
            return false;
        }

        var sentences = analysis.Sentences;
        int first = SentenceOf(analysis, c.Content2.Start), last = SentenceOf(analysis, c.Content2.End - 1);
        int start = sentences[first].FirstToken, end = sentences[last].EndToken;
        if (last + 1 < sentences.Length && sentences[last + 1].EndToken - sentences[last + 1].FirstToken <= 6)
        {
            end = sentences[last + 1].EndToken;
        }

        int others = CountIn(cueStarts, start, end) - CountIn(cueStarts, c.Content2.Start, c.Content2.End);
        return (c.Cue.Start >= start && c.Cue.Start < end && !(c.Cue.Start >= c.Content2.Start && c.Cue.Start < c.Content2.End) ? others - 1 : others) > 0;
    }

    /// <summary>Number of values of <paramref name="sorted"/> in [start, end).</summary>
    private static int CountIn(ReadOnlySpan<int> sorted, int start, int end) => end <= start ? 0 : LowerBound(sorted, end) - LowerBound(sorted, start);

    /// <summary>Index of the first value of <paramref name="sorted"/> at least <paramref name="value"/> (its length if none).</summary>
    internal static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public List<Candidate> Extract(TaggedText text, CancellationToken ct) => Choose(text, Candidates(text, ct), _scorer.Thresholds);

    /// <summary>
    /// The attributions kept from scored <paramref name="candidates"/>, in text order: the greedy selection, first
    /// fragments, then quotations without a cue of their own. Training runs it on cross-fitted scores.
    /// </summary>
    internal static List<Candidate> Choose(TaggedText text, List<Candidate> candidates, SelectionThresholds thresholds)
    {
        var chosen = Select(candidates, thresholds);
        KeepFirstFragments(candidates, chosen, thresholds);
        AddUncuedQuotations(text, chosen);
        chosen.Sort((a, b) => a.ContentStart.CompareTo(b.ContentStart));
        return chosen;
    }

    /// <summary>
    /// <c>“A,” he said with disbelief. “B.”</c>: a quotation right after a direct quote's cue sentence usually goes on
    /// with the same words (the gold joins the two). Each such direct quote gets a variant holding both, so the scorer
    /// weighs the pair, not “A” alone (which the gold would count as wrong).
    /// </summary>
    private static void AddContinuations(AnalyzedText analysis, List<Candidate> candidates)
    {
        var quotations = analysis.Quotations;
        int count = candidates.Count;
        for (int i = 0; i < count; i++)
        {
            var c = candidates[i];
            if (c.Kind != QuoteKind.Direct || !c.Content2.IsNone || c.Cue.IsNone || c.Cue.Start < c.Content.End)
            {
                continue;
            }

            int after = Math.Max(c.Cue.End, c.Speaker.IsNone ? 0 : c.Speaker.End);
            int q = FirstQuotationFrom(quotations, after);

            // Short quotations inside the cue's clause (a title: “State of the Union”) are passed over: the continuation opens a sentence.
            int cueSentenceEnd = analysis.Sentences[SentenceOf(analysis, after - 1)].EndToken;
            while (q >= 0 && quotations[q].OpenToken < cueSentenceEnd && ShortQuotationAt(analysis, quotations[q].OpenToken, cueSentenceEnd) is not null)
            {
                q = FirstQuotationFrom(quotations, quotations[q].CloseToken + 1);
            }

            if (q < 0 || ParagraphOf(analysis, quotations[q].OpenToken) != ParagraphOf(analysis, c.Content.Start)
                || !OnlyAttributionBetween(analysis, c, c.ContentEnd, quotations[q].OpenToken, MaxWordsAfterDirect))
            {
                continue;
            }

            var continued = c.Variant();
            continued.Content2 = new TokenRange(quotations[q].OpenToken, quotations[q].CloseToken + 1);
            continued.CutKind = "continued";
            continued.ContinuedFrom = c;
            candidates.Add(continued);
        }
    }

    /// <summary>
    /// <c>Raising taxes “is a misguided approach,” said Tom Burke.</c>: a quotation that ends its sentence's content
    /// with a comma before its closing mark, after the writer's own words, is often the end of a mixed quote that runs
    /// from the sentence start (the gold takes the whole). Each such direct quote with its cue after it gets that
    /// variant too, and the scorer weighs both.
    /// </summary>
    private static void AddSentenceStarts(AnalyzedText analysis, List<Candidate> candidates)
    {
        var tokens = analysis.Tokens;
        int count = candidates.Count;
        for (int i = 0; i < count; i++)
        {
            var c = candidates[i];
            if (c.Kind != QuoteKind.Direct || !c.Content2.IsNone || c.Cue.Start < c.Content.End
                || analysis.QuotationAt(c.Content.Start) is not (>= 0 and var q) || analysis.Quotations[q].CloseToken != c.Content.End - 1
                || analysis.TokenText(c.Content.End - 2) is not ",")
            {
                continue;
            }

            var sentence = analysis.Sentences[SentenceOf(analysis, c.Content.Start)];
            int start = sentence.FirstToken;
            while (start < c.Content.Start && tokens[start].Kind is TokenKind.Punctuation or TokenKind.Dash)
            {
                start++;
            }

            // A phrase of the writer's (three words at least), and no quotation, between the sentence start and the quotation.
            bool plain = true;
            int words = 0;
            for (int t = start; plain && t < c.Content.Start; t++)
            {
                plain = tokens[t].Kind != TokenKind.QuoteMark || !MarksQuotation(analysis, t);
                words += tokens[t].Kind == TokenKind.Word ? 1 : 0;
            }

            if (!plain || words < 3)
            {
                continue;
            }

            var fromStart = c.Variant();
            fromStart.Content = new TokenRange(start, c.Content.End);
            fromStart.Kind = QuoteKind.Mixed;
            fromStart.CutKind = "sentence-start";
            candidates.Add(fromStart);
        }
    }

    /// <summary>The first closed outermost quotation opening at or after <paramref name="token"/>, or -1.</summary>
    private static int FirstQuotationFrom(ReadOnlySpan<Quotation> quotations, int token)
    {
        int lo = 0, hi = quotations.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (quotations[mid].OpenToken < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int q = lo; q < quotations.Length; q++)
        {
            if (quotations[q].Depth == 0)
            {
                return quotations[q].IsClosed ? q : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Greedy by score: a candidate is kept when it conflicts with nothing kept so far. Conflicting candidates
    /// share a token, so only the kept ones filed near the candidate are compared with it.
    /// </summary>
    public static List<Candidate> Select(List<Candidate> candidates, SelectionThresholds thresholds)
    {
        var chosen = new List<Candidate>();
        var order = ByScore(candidates, out int count);
        var kept = TokenBuckets.Rent(ExtentEnd(candidates));
        double lowest = thresholds.Lowest;
        foreach (var entry in order.AsSpan(0, count))
        {
            var c = entry.Candidate;
            if (c.Score < lowest)
            {
                break;
            }

            if (c.Score < thresholds.For(c.Kind))
            {
                continue;
            }

            bool conflict = false;
            var (start, end) = Extent(c);
            foreach (var k in kept.Near(start, end))
            {
                if (Conflict(k, c))
                {
                    conflict = true;
                    break;
                }
            }

            if (!conflict)
            {
                chosen.Add(c);
                kept.Add(c, start, end);
            }
        }

        kept.Return();
        ArrayPool<ScoreOrder>.Shared.Return(order, clearArray: true);
        return chosen;
    }

    /// <summary>
    /// The candidates by descending score, then content start, then list order (what a stable
    /// <c>OrderByDescending(Score).ThenBy(ContentStart)</c> gives), in the first <paramref name="count"/> entries of a
    /// pooled array for the caller to return (cleared).
    /// </summary>
    private static ScoreOrder[] ByScore(List<Candidate> candidates, out int count)
    {
        count = candidates.Count;
        var order = ArrayPool<ScoreOrder>.Shared.Rent(count);
        for (int i = 0; i < count; i++)
        {
            order[i] = new ScoreOrder(candidates[i], i);
        }

        Array.Sort(order, 0, count);
        return order;
    }

    /// <summary>One past the last token any candidate's extent takes (0 without candidates): the buckets selection needs.</summary>
    private static int ExtentEnd(List<Candidate> candidates)
    {
        int end = -1;
        foreach (var c in candidates)
        {
            end = Math.Max(end, Extent(c).End);
        }

        return end + 1;
    }

    /// <summary>
    /// <c>“A,” Trump said, adding later, “B.”</c>: when a two-fragment candidate lost only because its second fragment
    /// went to another attribution (here the one of "adding"), its first fragment still has this speaker and cue.
    /// Without this, quotation A would be left to <see cref="AddUncuedQuotations"/>, which may join it to the
    /// attribution before it.
    /// </summary>
    internal static void KeepFirstFragments(List<Candidate> candidates, List<Candidate> chosen, SelectionThresholds thresholds)
    {
        // Only two-fragment candidates that were not chosen count; most documents have none.
        var split = new List<Candidate>();
        HashSet<Candidate>? isChosen = null;
        foreach (var c in candidates)
        {
            if (!c.Content2.IsNone && c.Score >= thresholds.For(c.Kind) && !(isChosen ??= new(chosen, ReferenceEqualityComparer.Instance)).Contains(c))
            {
                split.Add(c);
            }
        }

        if (split.Count == 0)
        {
            return;
        }

        var kept = TokenBuckets.Rent(ExtentEnd(candidates));
        foreach (var k in chosen)
        {
            var (start, end) = Extent(k);
            kept.Add(k, start, end);
        }

        var order = ByScore(split, out int count);
        foreach (var entry in order.AsSpan(0, count))
        {
            var c = entry.Candidate;
            var first = c.Variant();
            first.Content2 = TokenRange.None;
            first.Score = c.Score;
            first.Confidence = c.Confidence;
            var (start, end) = Extent(first);
            if (!ConflictsWithAny(kept.Near(start, end), first))
            {
                chosen.Add(first);
                kept.Add(first, start, end);
            }
        }

        kept.Return();
        ArrayPool<ScoreOrder>.Shared.Return(order, clearArray: true);
    }

    private static bool ConflictsWithAny(List<Candidate> kept, Candidate c)
    {
        foreach (var k in kept)
        {
            if (Conflict(k, c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two attributions conflict when their contents overlap, their cues overlap, or one's content holds the other's cue.</summary>
    private static bool Conflict(Candidate a, Candidate b) =>
        a.ContentOverlaps(b) || Overlap(a.Cue, b.Cue) || a.ContentContains(b.Cue.Start) || b.ContentContains(a.Cue.Start);

    /// <summary>The tokens from the first to the last of the candidate's content, second fragment and cue.</summary>
    internal static (int Start, int End) Extent(Candidate c)
    {
        int start = c.Content.Start, end = c.Content.End;
        foreach (var range in (ReadOnlySpan<TokenRange>)[c.Content2, c.Cue])
        {
            if (!range.IsNone)
            {
                start = Math.Min(start, range.Start);
                end = Math.Max(end, range.End);
            }
        }

        return (start, end);
    }

    /// <summary>
    /// Quotations that no kept attribution covers. One right after or right before a kept attribution's content in
    /// the same paragraph (only that attribution's cue, speaker and punctuation between) continues that content:
    /// <c>“A,” he said. “B.”</c> is one attribution, as in the gold, whichever of A and B the kept attribution held. Other quotations of a few words or more are
    /// attributed to the speaker of the closest attribution before them in their paragraph (or after them) when they
    /// open their sentence; one inside a sentence without a cue is a title, slogan or the writer's words. A quotation
    /// opening a paragraph that has no attribution continues the content of the attribution that ends the paragraph
    /// before (<c>“A,” he said.</c> ¶ <c>“B.”</c>).
    /// </summary>
    private static void AddUncuedQuotations(TaggedText text, List<Candidate> chosen)
    {
        var analysis = text.Analysis;
        var sentences = analysis.Sentences;
        var quotations = analysis.Quotations;
        var added = new List<Candidate>();

        // Quotations only ever meet attributions near them: file the kept ones by the tokens they take and by the
        // ends of their contents, and file them again when a quotation extends them.
        var neighbours = UncuedNeighbours.Rent(analysis, chosen);
        for (int q = 0; q < quotations.Length; q++)
        {
            var quotation = quotations[q];
            if (quotation.Depth != 0 || !quotation.IsClosed)
            {
                continue;
            }

            var range = new TokenRange(quotation.OpenToken, quotation.CloseToken + 1);
            if (neighbours.Taken(range))
            {
                continue;
            }

            int paragraph = sentences[SentenceOf(analysis, quotation.OpenToken)].Paragraph;
            var previous = neighbours.Previous(range, paragraph);
            previous = neighbours.OuterDirectQuote(previous, range.Start) ?? previous;
            if (previous is not null && OnlyAttributionBetween(analysis, previous, previous.ContentEnd, range.Start,
                    previous.Kind == QuoteKind.Direct && previous.Cue.Start >= previous.ContentEnd ? MaxWordsAfterDirect : MaxWordsBetween))
            {
                previous.Content2 = new TokenRange(previous.Content2.IsNone ? range.Start : previous.Content2.Start, range.End);
                previous.Kind = previous.Kind == QuoteKind.Indirect ? QuoteKind.Mixed : previous.Kind;
                neighbours.Refile(previous);
                continue;
            }

            var next = neighbours.Next(range, paragraph);
            if (next is not null && next.Kind == QuoteKind.Direct && next.Cue.Start >= range.End && next.Cue.End <= next.ContentStart
                && OnlyAttributionBetween(analysis, next, range.End, next.ContentStart, MaxWordsBetween))
            {
                // “A,” he said. “B.” where the kept attribution holds only “B”: “A” opens the same content.
                next.Content2 = new TokenRange(next.Content.Start, next.ContentEnd);
                next.Content = range;
                next.Kind = next.Kind == QuoteKind.Indirect ? QuoteKind.Mixed : next.Kind;
                neighbours.Refile(next);
                continue;
            }

            if (previous is null && next is null && paragraph > 0 && StartsParagraph(analysis, quotation.OpenToken)
                && neighbours.Previous(range, paragraph - 1) is { } above && ContinuesIntoNextParagraph(analysis, above, range.Start))
            {
                // A paragraph that opens with a quotation and has no attribution of its own, right after a paragraph
                // whose last attribution ends it: the gold reads the quotation as more of the same words.
                above.Content2 = new TokenRange(above.Content2.IsNone ? range.Start : above.Content2.Start, range.End);
                above.Kind = above.Kind == QuoteKind.Indirect ? QuoteKind.Mixed : above.Kind;
                neighbours.Refile(above);
                continue;
            }

            if (Words(analysis, quotation) < MinimumUncuedWords || !StartsSentence(analysis, quotation.OpenToken))
            {
                continue;
            }

            var context = (previous ?? next) is { Speaker.IsNone: false } c0 ? c0 : null;
            if (context is null)
            {
                continue;
            }

            added.Add(neighbours.Taking(new Candidate
            {
                Rule = "context",
                Speaker = context.Speaker,
                Cue = TokenRange.None,
                Content = range,
                Kind = QuoteKind.Direct,
                Category = context.Category,
                FromContext = true,
                Context = context,
                Prior = 0.5,
                Score = context.Score * 0.8,
                Confidence = context.Confidence * 0.8,
            }));
        }

        neighbours.Release();
        chosen.AddRange(added);
    }

    /// <summary>
    /// True when tokens [from, to) hold nothing but the attribution's own speaker and cue, punctuation and a few words
    /// of the cue's clause. A short title in quotation marks inside that clause (<c>said on CNN’s “State of the
    /// Union.”</c>) counts as words, not as someone's quotation.
    /// </summary>
    private static bool OnlyAttributionBetween(AnalyzedText analysis, Candidate c, int from, int to, int maxWords)
    {
        int words = 0;
        for (int t = from; t < to; t++)
        {
            var token = analysis.Tokens[t];
            if (token.Kind == TokenKind.QuoteMark && ShortQuotationAt(analysis, t, to) is { } shortQuotation)
            {
                words += shortQuotation.Words;
                t = shortQuotation.Close;
                continue;
            }

            bool own = (t >= c.Cue.Start && t < c.Cue.End) || (!c.Speaker.IsNone && t >= c.Speaker.Start && t < c.Speaker.End);
            if ((token.Kind == TokenKind.QuoteMark && MarksQuotation(analysis, t)) || token.Has(TokenFlags.ParagraphBreakBefore)
                || (!own && token.Kind is TokenKind.Word or TokenKind.Number && ++words > maxWords))
            {
                WorkMeter.Add(t - from + 1);
                return false;
            }
        }

        WorkMeter.Add(to - from);
        return true;
    }

    /// <summary>
    /// Attributions never nest: a cue inside a quotation is part of someone's words, not a new attribution. The
    /// exception is a feed that opens every transcript turn with a quotation mark it never closes (<c>"WALLACE: …</c>):
    /// a match that starts at such a mark, first in its sentence, reads the turn.
    /// </summary>
    private static bool Nested(AnalyzedText analysis, int matchStart, Candidate c)
    {
        int q = analysis.QuotationAt(c.Cue.Start);
        return q >= 0 && (analysis.Quotations[q].IsClosed || analysis.Tokens[matchStart].Kind != TokenKind.QuoteMark
                          || analysis.Sentences[SentenceOf(analysis, matchStart)].FirstToken != matchStart);
    }

    /// <summary>True when token <paramref name="t"/> opens or closes a quotation (a stray mark, as in "the Democrats' event", does not).</summary>
    private static bool MarksQuotation(AnalyzedText analysis, int t) =>
        analysis.QuotationAt(t) is >= 0 and var q && (analysis.Quotations[q].OpenToken == t || analysis.Quotations[q].CloseToken == t);

    /// <summary>True when only punctuation precedes the token in its sentence.</summary>
    private static bool StartsSentence(AnalyzedText analysis, int token)
    {
        WorkMeter.Add(token - analysis.Sentences[SentenceOf(analysis, token)].FirstToken);
        for (int t = analysis.Sentences[SentenceOf(analysis, token)].FirstToken; t < token; t++)
        {
            if (analysis.Tokens[t].Kind is not (TokenKind.Punctuation or TokenKind.QuoteMark or TokenKind.Dash))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="c"/> is the last thing in its paragraph (after its content, only its own cue and
    /// speaker and a few words before <paramref name="nextParagraph"/>) and a second fragment can grow over the next
    /// paragraph without taking in words between.
    /// </summary>
    private static bool ContinuesIntoNextParagraph(AnalyzedText analysis, Candidate c, int nextParagraph)
    {
        if (!OnlyAttributionBetween(analysis, c, c.ContentEnd, nextParagraph, MaxWordsBetween))
        {
            return false;
        }

        for (int t = c.Content2.IsNone ? nextParagraph : c.Content2.End; t < nextParagraph; t++)
        {
            if (analysis.Tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsParagraph(AnalyzedText analysis, int token) =>
        token == 0 || analysis.Tokens[token].Has(TokenFlags.ParagraphBreakBefore);

    /// <summary>The closed quotation of at most six words, within one sentence, that opens at <paramref name="t"/> and closes before <paramref name="to"/>.</summary>
    private static (int Close, int Words)? ShortQuotationAt(AnalyzedText analysis, int t, int to)
    {
        if (analysis.QuotationAt(t) is not (>= 0 and var q) || analysis.Quotations[q] is not { IsClosed: true } quotation
            || quotation.OpenToken != t || quotation.CloseToken >= to || SentenceOf(analysis, quotation.CloseToken) != SentenceOf(analysis, t))
        {
            return null;
        }

        int words = Words(analysis, quotation);
        return words <= 6 ? (quotation.CloseToken, words) : null;
    }

    private static int Words(AnalyzedText analysis, Quotation q)
    {
        int words = 0;
        for (int t = q.FirstInnerToken; t < q.EndInnerToken; t++)
        {
            words += analysis.Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return words;
    }

    internal static int SentenceOf(AnalyzedText analysis, int token)
    {
        var sentences = analysis.Sentences;
        int lo = 0, hi = sentences.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (sentences[mid].FirstToken <= token)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    internal static int ParagraphOf(AnalyzedText analysis, int token) =>
        token < 0 ? -1 : analysis.Sentences[SentenceOf(analysis, token)].Paragraph;

    internal static bool Overlap(TokenRange a, TokenRange b) => !a.IsNone && !b.IsNone && a.Start < b.End && b.Start < a.End;
}

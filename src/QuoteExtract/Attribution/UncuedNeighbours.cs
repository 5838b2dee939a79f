using QuoteExtract.Matching;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// The lookups that give a quotation without a cue its neighbouring attributions (see
/// <see cref="AttributionExtractor"/>): whether a kept attribution or an added quotation already takes its tokens,
/// and the kept attribution whose content ends last before it, or starts first after it, in its paragraph. Each
/// answers from the buckets near the quotation; ties go to the attribution kept first, as a scan in keeping order
/// would find. Attributions grow as quotations join them, so they are filed again after each change.
/// </summary>
internal sealed class UncuedNeighbours
{
    private readonly AnalyzedText _analysis;
    private readonly TokenBuckets _taken;
    private readonly TokenBuckets _byEnd;
    private readonly TokenBuckets _byStart;
    private readonly Dictionary<Candidate, int> _order = new(ReferenceEqualityComparer.Instance);

    public UncuedNeighbours(AnalyzedText analysis, List<Candidate> chosen)
    {
        _analysis = analysis;
        int tokens = analysis.Tokens.Length;
        _taken = new TokenBuckets(tokens);
        _byEnd = new TokenBuckets(tokens);
        _byStart = new TokenBuckets(tokens);
        foreach (var c in chosen)
        {
            _order[c] = _order.Count;
            Refile(c);
        }
    }

    /// <summary>Files a kept attribution (again) under its content, cue and content ends.</summary>
    public void Refile(Candidate c)
    {
        _taken.Add(c, c.Content);
        _taken.Add(c, c.Content2);
        _taken.Add(c, c.Cue);
        _byEnd.Add(c, c.ContentEnd - 1, c.ContentEnd - 1);
        _byStart.Add(c, c.ContentStart, c.ContentStart);
    }

    /// <summary>Files a quotation added with a borrowed speaker, so that no later quotation overlaps it; returns it.</summary>
    public Candidate Taking(Candidate added)
    {
        _taken.Add(added, added.Content);
        return added;
    }

    /// <summary>Whether a kept attribution's content or cue, or an added quotation, overlaps <paramref name="range"/>.</summary>
    public bool Taken(TokenRange range)
    {
        foreach (var c in _taken.Near(range.Start, range.End))
        {
            if (AttributionExtractor.Overlap(c.Content, range) || AttributionExtractor.Overlap(c.Content2, range) || AttributionExtractor.Overlap(c.Cue, range))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The kept attribution of <paramref name="paragraph"/> whose content ends last at or before the start of <paramref name="range"/>.</summary>
    public Candidate? Previous(TokenRange range, int paragraph)
    {
        int paragraphStart = FirstToken(paragraph);
        for (int b = TokenBuckets.BucketOf(range.Start - 1); b >= 0 && ((b + 1) << 6) > paragraphStart; b--)
        {
            Candidate? best = null;
            foreach (var c in _byEnd.InBucket(b))
            {
                if (c.ContentEnd <= range.Start && !c.FromContext && AttributionExtractor.ParagraphOf(_analysis, c.ContentEnd - 1) == paragraph
                    && (best is null || c.ContentEnd > best.ContentEnd || (c.ContentEnd == best.ContentEnd && _order[c] < _order[best])))
                {
                    best = c;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The kept attribution of <paramref name="paragraph"/> whose content starts first at or after the end of <paramref name="range"/>.</summary>
    public Candidate? Next(TokenRange range, int paragraph)
    {
        int paragraphEnd = EndToken(paragraph);
        for (int b = TokenBuckets.BucketOf(range.End); b < _byStart.BucketCount && (b << 6) < paragraphEnd; b++)
        {
            Candidate? best = null;
            foreach (var c in _byStart.InBucket(b))
            {
                if (c.ContentStart >= range.End && !c.FromContext && AttributionExtractor.ParagraphOf(_analysis, c.ContentStart) == paragraph
                    && (best is null || c.ContentStart < best.ContentStart || (c.ContentStart == best.ContentStart && _order[c] < _order[best])))
                {
                    best = c;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>“A,” said X, who likened it to a crash. “B.”</c>: an attribution inside the cue sentence of a direct quote
    /// (a relative clause, a participle, an appositive's own cue) is an aside; the next quotation continues X's words.
    /// Returns the direct quote whose cue comes last before <paramref name="previous"/>'s cue in that sentence, or null.
    /// </summary>
    public Candidate? OuterDirectQuote(Candidate? previous, int before)
    {
        if (previous is null || previous.Cue.IsNone)
        {
            return null;
        }

        int first = _analysis.Sentences[AttributionExtractor.SentenceOf(_analysis, previous.Cue.Start)].FirstToken;
        Candidate? outer = null;
        foreach (var c in _taken.Near(first, previous.Cue.Start))
        {
            if (c != previous && !c.FromContext && c.Kind == QuoteKind.Direct && !c.Cue.IsNone && c.Cue.Start >= c.ContentEnd
                && c.Cue.Start >= first && c.Cue.Start < previous.Cue.Start && c.ContentEnd <= before
                && (outer is null || c.Cue.Start > outer.Cue.Start))
            {
                outer = c;
            }
        }

        return outer;
    }

    // Sentences of one paragraph are consecutive, so its tokens are one run.
    private int FirstToken(int paragraph) => _analysis.Sentences[_analysis.Paragraphs[paragraph].FirstSentence].FirstToken;

    private int EndToken(int paragraph)
    {
        var p = _analysis.Paragraphs[paragraph];
        return _analysis.Sentences[p.FirstSentence + p.SentenceCount - 1].EndToken;
    }
}

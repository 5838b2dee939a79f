namespace QuoteExtract.Rendering;

/// <summary>One quote's span covering a piece of text.</summary>
/// <param name="Quote">Index of the quote in the result.</param>
/// <param name="Role">Which of its spans.</param>
internal readonly record struct HighlightMark(int Quote, SpanRole Role);

/// <summary>A maximal run of text covered by the same spans.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Marks">The spans covering the run, by quote then role; empty for plain text.</param>
/// <param name="ContentStarts">Indexes of the quotes whose content begins at <see cref="Start"/>.</param>
internal sealed record HighlightPiece(int Start, int End, IReadOnlyList<HighlightMark> Marks, IReadOnlyList<int> ContentStarts);

/// <summary>
/// Cuts a text into pieces at every span boundary, so that overlapping spans (a speaker inside another quote's
/// content, two quotes sharing a cue) become a flat sequence that HTML can mark up without improper nesting.
/// A discontinuous content contributes its fragments, not the covering span, so the cue between them is not content.
/// </summary>
internal static class HighlightLayout
{
    public static IReadOnlyList<HighlightPiece> Cut(string text, IReadOnlyList<Quote> quotes)
    {
        var spans = new List<(int Start, int End, HighlightMark Mark)>();
        var contentStarts = new Dictionary<int, List<int>>();
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            var fragments = q.ContentFragments is { Count: > 0 } parts ? parts : [q.Content];
            foreach (var f in fragments)
            {
                Add(spans, text, f, new HighlightMark(i, SpanRole.Content));
            }

            Add(spans, text, q.Cue, new HighlightMark(i, SpanRole.Cue));
            Add(spans, text, q.Speaker, new HighlightMark(i, SpanRole.Speaker));
            var first = Math.Clamp(fragments.Min(f => f.Start), 0, text.Length);
            if (!contentStarts.TryGetValue(first, out var starting))
            {
                contentStarts[first] = starting = [];
            }

            starting.Add(i);
        }

        var boundaries = new SortedSet<int> { 0, text.Length };
        foreach (var (start, end, _) in spans)
        {
            boundaries.Add(start);
            boundaries.Add(end);
        }

        var opening = spans.OrderBy(s => s.Start).ToList();
        var closing = spans.OrderBy(s => s.End).ToList();
        var active = new List<HighlightMark>();
        var pieces = new List<HighlightPiece>();
        int nextOpen = 0, nextClose = 0, previous = -1;
        foreach (var boundary in boundaries)
        {
            if (previous >= 0 && boundary > previous)
            {
                var marks = active.Count == 0
                    ? (IReadOnlyList<HighlightMark>)[]
                    : [.. active.OrderBy(m => m.Quote).ThenBy(m => m.Role)];
                pieces.Add(new HighlightPiece(
                    previous, boundary, marks, contentStarts.TryGetValue(previous, out var starts) ? starts : []));
            }

            for (; nextClose < closing.Count && closing[nextClose].End == boundary; nextClose++)
            {
                active.Remove(closing[nextClose].Mark);
            }

            for (; nextOpen < opening.Count && opening[nextOpen].Start == boundary; nextOpen++)
            {
                active.Add(opening[nextOpen].Mark);
            }

            previous = boundary;
        }

        return pieces;
    }

    private static void Add(List<(int, int, HighlightMark)> spans, string text, TextSpan? span, HighlightMark mark)
    {
        if (span is not { } s)
        {
            return;
        }

        // Spans of a result built by hand may not fit the text; keep what lies inside it.
        int start = Math.Clamp(s.Start, 0, text.Length), end = Math.Clamp(s.End, 0, text.Length);
        if (end > start)
        {
            spans.Add((start, end, mark));
        }
    }
}

using QuoteExtract.Rendering;

namespace QuoteExtract.Tests.Rendering;

public sealed class HighlightLayoutTests
{
    private const string Nested = "Okoro said that Ruiz believes it works.";

    // Okoro said [that Ruiz believes it works]; inside it, Ruiz believes [it works].
    private static readonly Quote Outer = new(
        QuoteKind.Indirect, QuoteCategory.Speech, TextSpan.Of(Nested, 11, 38), TextSpan.Of(Nested, 6, 10), TextSpan.Of(Nested, 0, 5), null, 0.8);

    private static readonly Quote Inner = new(
        QuoteKind.Indirect, QuoteCategory.Belief, TextSpan.Of(Nested, 30, 38), TextSpan.Of(Nested, 21, 29), TextSpan.Of(Nested, 16, 20), null, 0.7);

    [Fact]
    public void Pieces_cover_the_text_in_order_without_gaps()
    {
        var pieces = HighlightLayout.Cut(Nested, [Outer, Inner]);

        pieces[0].Start.Should().Be(0);
        pieces[^1].End.Should().Be(Nested.Length);
        pieces.Zip(pieces.Skip(1)).Should().OnlyContain(p => p.First.End == p.Second.Start && p.First.Start < p.First.End);
    }

    [Fact]
    public void A_speaker_inside_another_quotes_content_carries_both_marks()
    {
        var pieces = HighlightLayout.Cut(Nested, [Outer, Inner]);

        Piece(Nested, pieces, "Ruiz").Marks.Should().Equal(new HighlightMark(0, SpanRole.Content), new HighlightMark(1, SpanRole.Speaker));
        Piece(Nested, pieces, "it works").Marks.Should().Equal(new HighlightMark(0, SpanRole.Content), new HighlightMark(1, SpanRole.Content));
        Piece(Nested, pieces, "Okoro").Marks.Should().Equal(new HighlightMark(0, SpanRole.Speaker));
        Piece(Nested, pieces, " ").Marks.Should().BeEmpty();
    }

    [Fact]
    public void Each_quote_is_labelled_where_its_content_starts()
    {
        var pieces = HighlightLayout.Cut(Nested, [Outer, Inner]);

        pieces.Where(p => p.ContentStarts.Count > 0).Select(p => (p.Start, p.ContentStarts.Single()))
            .Should().Equal((11, 0), (30, 1));
    }

    [Fact]
    public void The_cue_between_two_content_fragments_is_not_content()
    {
        const string text = "“We tried,” she said, “and we failed.”";
        var quote = new Quote(QuoteKind.Direct, QuoteCategory.Speech, TextSpan.Of(text, 0, text.Length), TextSpan.Of(text, 16, 20), TextSpan.Of(text, 12, 15), null, 0.9)
        {
            ContentFragments = [TextSpan.Of(text, 0, 11), TextSpan.Of(text, 22, text.Length)],
        };

        var pieces = HighlightLayout.Cut(text, [quote]);

        Piece(text, pieces, "said").Marks.Should().Equal(new HighlightMark(0, SpanRole.Cue));
        Piece(text, pieces, ", ").Marks.Should().BeEmpty();
        Piece(text, pieces, "“and we failed.”").Marks.Should().Equal(new HighlightMark(0, SpanRole.Content));
    }

    [Fact]
    public void Spans_beyond_the_text_are_clipped_to_it()
    {
        var quote = new Quote(QuoteKind.Direct, QuoteCategory.Speech, new TextSpan(5, 500, "x"), new TextSpan(-3, 2, "x"), null, null, 0.5);

        var pieces = HighlightLayout.Cut("short text", [quote]);

        pieces.Select(p => (p.Start, p.End)).Should().Equal((0, 2), (2, 5), (5, 10));
        pieces[0].Marks.Should().Equal(new HighlightMark(0, SpanRole.Cue));
        pieces[2].Marks.Should().Equal(new HighlightMark(0, SpanRole.Content));
    }

    /// <summary>The first piece that reads <paramref name="piece"/>.</summary>
    private static HighlightPiece Piece(string text, IReadOnlyList<HighlightPiece> pieces, string piece) =>
        pieces.First(p => text[p.Start..p.End] == piece);
}

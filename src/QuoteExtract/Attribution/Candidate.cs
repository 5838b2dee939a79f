using QuoteExtract.Matching;

namespace QuoteExtract.Attribution;

/// <summary>
/// One possible attribution: a grammar match read into speaker, cue and content (token ranges; the content as
/// one or two fragments, the second for <c>“A,” he said, “B.”</c>), before scoring and selection.
/// </summary>
internal sealed class Candidate
{
    public required string Rule { get; init; }

    public required TokenRange Speaker { get; set; }

    public required TokenRange Cue { get; set; }

    /// <summary>First content fragment, tokens [Start, End).</summary>
    public required TokenRange Content { get; set; }

    /// <summary>Second content fragment of a split quotation, or <see cref="TokenRange.None"/>.</summary>
    public TokenRange Content2 { get; set; } = TokenRange.None;

    public QuoteKind Kind { get; set; }

    public QuoteCategory Category { get; set; }

    /// <summary>The rule's prior confidence (metadata), used as a feature and as the fallback score.</summary>
    public double Prior { get; init; }

    /// <summary>True when the speaker was taken from a neighbouring attribution (quotation without its own cue).</summary>
    public bool FromContext { get; init; }

    /// <summary>The attribution the speaker was borrowed from, for <see cref="FromContext"/>.</summary>
    public Candidate? Context { get; init; }

    /// <summary>The content runs from the cue to the sentence end (the rule had no content capture).</summary>
    public bool RestOfSentence { get; set; }

    /// <summary>Why the content was cut short of the sentence end ("attribution", "relative", …), or null.</summary>
    public string? CutKind { get; set; }

    public bool IsCut => CutKind is not null;

    /// <summary>How many other candidates' cues start inside this content (a long content swallowing attributions).</summary>
    public int CuesInside { get; set; }

    /// <summary>The first token of the first other candidate's cue inside the first content fragment, or -1.</summary>
    public int FirstCueInside { get; set; } = -1;

    /// <summary>
    /// True when the second fragment's sentence holds another candidate's cue outside the fragment
    /// (<c>“A,” she said. “B,” she added.</c>): that quotation likely has an attribution of its own.
    /// </summary>
    public bool SecondCued { get; set; }

    /// <summary>For a continuation (<see cref="CutKind"/> "continued"), the one-quotation candidate it extends.</summary>
    public Candidate? ContinuedFrom { get; set; }

    /// <summary>
    /// For a one-quotation candidate that has a continuation: "next-cued" when the next quotation has a cue of its own
    /// (see <see cref="SecondCued"/>), "next-bare" when not; "-" without a continuation.
    /// </summary>
    public string NextQuotation { get; set; } = "-";

    /// <summary>
    /// Where this content's end lies among its variants (same rule, cue and speaker): "only", "shortest", "longest"
    /// or "middle". The scorer weighs a boundary against the alternatives, not alone.
    /// </summary>
    public string VariantPosition { get; set; } = "only";

    /// <summary>The content's length as a share of its longest variant's, in quarters ("q1" … "q4").</summary>
    public string VariantShare { get; set; } = "q4";

    /// <summary>
    /// Which reading of the speaker this is, when there are two: "first" or "nearest" (a subject far from its cue),
    /// "inner" or "outer" (a speaker governed by a preposition, or a floating quantifier); "-" otherwise.
    /// </summary>
    public string SpeakerChoice { get; set; } = "-";

    public double Score { get; set; }

    /// <summary>The second scoring stage's margin from this candidate's own features (its neighbours' part is added later).</summary>
    public double OwnStageTwoMargin { get; set; }

    public double Confidence { get; set; }

    /// <summary>
    /// The candidates of one rule, cue and speaker are one family: variants of one attribution that differ only in
    /// where the content ends. Selection keeps at most one of them; the scorer learns to rank them.
    /// </summary>
    public (string Rule, int Cue, int Speaker) Family => (Rule, Cue.Start, Speaker.Start);

    /// <summary>
    /// A new candidate for another reading of this one: the same rule, speaker, cue, contents, kind, category, prior,
    /// cut and sentence extent, for the caller to change; scores and marks derived from the other candidates are not copied.
    /// </summary>
    public Candidate Variant() => new()
    {
        Rule = Rule,
        Speaker = Speaker,
        Cue = Cue,
        Content = Content,
        Content2 = Content2,
        Kind = Kind,
        Category = Category,
        Prior = Prior,
        RestOfSentence = RestOfSentence,
        CutKind = CutKind,
    };

    public int ContentStart => Content.Start;

    public int ContentEnd => Content2.IsNone ? Content.End : Content2.End;

    public bool ContentContains(int token) =>
        (token >= Content.Start && token < Content.End) || (!Content2.IsNone && token >= Content2.Start && token < Content2.End);

    public bool ContentOverlaps(Candidate other) =>
        Overlap(Content, other.Content) || Overlap(Content, other.Content2) || Overlap(Content2, other.Content) || Overlap(Content2, other.Content2);

    private static bool Overlap(TokenRange a, TokenRange b) => !a.IsNone && !b.IsNone && a.Start < b.End && b.Start < a.End;
}

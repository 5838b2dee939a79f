namespace QuoteExtract.Matching;

/// <summary>What an atomic token test looks at.</summary>
internal enum AtomKind : byte
{
    Any,
    Text,
    Lower,
    Lexicon,
    Pos,
    PosPrefix,
    Entity,
    Bilou,
    Shape,
    Kind,
    SentenceStart,
    SentenceEnd,
    InQuote,
    OpeningQuote,
    ClosingQuote,
}

/// <summary>
/// One atomic test on a token, e.g. <c>pos=NN*</c> or <c>lex=cue_verb</c>. Atoms are deduplicated across the
/// grammar: each distinct atom is evaluated once per token, into one bit.
/// </summary>
/// <param name="Kind">The attribute tested.</param>
/// <param name="Value">The string operand (text, lowercase text, lexicon class, tag prefix, collapsed shape), or empty.</param>
/// <param name="Code">The enum operand (tag, entity type, BILOU position, token kind), or 0.</param>
internal readonly record struct TokenAtom(AtomKind Kind, string Value, int Code)
{
    public override string ToString() => Kind switch
    {
        AtomKind.Any or AtomKind.SentenceStart or AtomKind.SentenceEnd or AtomKind.InQuote
            or AtomKind.OpeningQuote or AtomKind.ClosingQuote => Kind.ToString(),
        AtomKind.Pos or AtomKind.Entity or AtomKind.Bilou or AtomKind.Kind => $"{Kind}={Code}",
        _ => $"{Kind}=\"{Value}\"",
    };
}

namespace QuoteExtract.Matching;

/// <summary>Where a match may run.</summary>
internal enum MatchScope : byte
{
    /// <summary>Anywhere in the token range, across sentence boundaries (anchors still see sentences).</summary>
    Range,
    /// <summary>Within one sentence: each sentence in the range is matched separately.</summary>
    Sentence,
}

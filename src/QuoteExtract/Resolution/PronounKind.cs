namespace QuoteExtract.Resolution;

/// <summary>What a pronoun agrees with: gender for he/she/it, number for they, the speaker for I/we.</summary>
internal enum PronounKind
{
    Male,
    Female,
    Neuter,
    Plural,
    First,
    FirstPlural,
}

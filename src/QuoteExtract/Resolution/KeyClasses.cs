namespace QuoteExtract.Resolution;

/// <summary>
/// The lexicon tables a token's key belongs to that resolution asks about at every token, looked up once per distinct
/// key of a document (<see cref="DocumentView.ClassesOf"/>) instead of once per token and question.
/// </summary>
[Flags]
internal enum KeyClasses : byte
{
    None = 0,

    /// <summary>In <see cref="Lexicon.Honorifics"/> (<c>mr</c>, <c>dr</c>).</summary>
    Honorific = 1,

    /// <summary>In <see cref="Lexicon.UnnamedHeads"/> (<c>officials</c>, <c>sources</c>).</summary>
    UnnamedHead = 2,

    /// <summary>A <see cref="PronounKind.Male"/> pronoun of <see cref="Lexicon.Pronouns"/>.</summary>
    MalePronoun = 4,

    /// <summary>A <see cref="PronounKind.Female"/> pronoun of <see cref="Lexicon.Pronouns"/>.</summary>
    FemalePronoun = 8,
}

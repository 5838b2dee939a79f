namespace QuoteExtract.Resolution;

/// <summary>
/// One proper-name mention with its title stripped: the name tokens, the roles the text gives it where it
/// appears (<c>Russian President</c>, <c>, EU spokesperson</c>) and the gender its honorific states.
/// </summary>
/// <param name="FirstToken">First name token (after any title).</param>
/// <param name="EndToken">One past the last name token (possessive marker excluded).</param>
/// <param name="Start">Start offset of the name.</param>
/// <param name="End">End offset of the name.</param>
/// <param name="Kind">Person, organization, location or group.</param>
/// <param name="Keys">Normalised name tokens (no leading article, no possessive); an array, so that comparing names across the document enumerates nothing.</param>
/// <param name="Possessive">The name is a possessor (<c>Putin’s</c> adviser).</param>
/// <param name="Roles">Title and role words, lower case (usually none: then the shared empty array).</param>
/// <param name="Gender">Gender stated by an honorific or gendered title, else unknown.</param>
/// <param name="SpanStart">Start of the mention as reported: the name, or for organisations and places the name with its article.</param>
internal sealed record NameMention(
    int FirstToken,
    int EndToken,
    int Start,
    int End,
    EntityKind Kind,
    string[] Keys,
    bool Possessive,
    string[] Roles,
    Gender Gender,
    int SpanStart);

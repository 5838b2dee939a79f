namespace QuoteExtract;

/// <summary>An entity of the document that one or more quotes are attributed to.</summary>
/// <param name="Id">Identifier, unique within one result (<c>e1</c>, <c>e2</c>, …).</param>
/// <param name="Name">Canonical name: the fullest proper name the text gives, without titles; for unnamed sources the first description.</param>
/// <param name="Type">Person, organization, location, group or unnamed.</param>
/// <param name="Gender">Gender as the text states it.</param>
/// <param name="Mentions">Every mention of the entity in the text, in document order.</param>
public sealed record SpeakerEntity(
    string Id,
    string Name,
    EntityKind Type,
    Gender Gender,
    IReadOnlyList<TextSpan> Mentions);

namespace QuoteExtract.Tagging;

/// <summary>Named-entity classes of the recognizer (CoNLL four-class scheme).</summary>
internal enum EntityType : byte
{
    /// <summary>Not part of an entity.</summary>
    None = 0,
    /// <summary>A person.</summary>
    Person,
    /// <summary>An organization: company, party, agency, news outlet.</summary>
    Organization,
    /// <summary>A location: country, city, region.</summary>
    Location,
    /// <summary>Other names: nationalities, events, laws, titles of works.</summary>
    Misc,
}

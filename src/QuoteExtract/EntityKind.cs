using System.Text.Json.Serialization;

namespace QuoteExtract;

/// <summary>The type of a speaker entity.</summary>
public enum EntityKind
{
    /// <summary>A named person.</summary>
    [JsonStringEnumMemberName("person")]
    Person,

    /// <summary>A named organization, outlet, party or government body.</summary>
    [JsonStringEnumMemberName("organization")]
    Organization,

    /// <summary>A place speaking as a polity: a country, a capital standing for its government.</summary>
    [JsonStringEnumMemberName("location")]
    Location,

    /// <summary>A named or described group (<c>the West</c>, <c>Democrats</c>).</summary>
    [JsonStringEnumMemberName("group")]
    Group,

    /// <summary>
    /// An unnamed source (<c>a source</c>, <c>some observers</c>, <c>officials</c>). Listed in
    /// <see cref="QuoteExtractionResult.Entities"/> with its mentions; a quote from it has a null <see cref="Quote.Entity"/>.
    /// </summary>
    [JsonStringEnumMemberName("unnamed")]
    Unnamed,
}

using System.Text.Json.Serialization;

namespace QuoteExtract;

/// <summary>Grammatical gender of an entity, as the text states it (pronouns, honorifics).</summary>
public enum Gender
{
    /// <summary>The text does not say.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>Referred to as he/him or Mr.</summary>
    [JsonStringEnumMemberName("male")]
    Male,

    /// <summary>Referred to as she/her or Ms./Mrs.</summary>
    [JsonStringEnumMemberName("female")]
    Female,

    /// <summary>Referred to as it, or a non-person entity.</summary>
    [JsonStringEnumMemberName("neuter")]
    Neuter,
}

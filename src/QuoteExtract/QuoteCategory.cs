using System.Text.Json.Serialization;

namespace QuoteExtract;

/// <summary>What kind of attribution a cue expresses, so that users can keep only what they want.</summary>
public enum QuoteCategory
{
    /// <summary>Reported speech and writing: said, stated, told, according to, in a statement.</summary>
    [JsonStringEnumMemberName("speech")]
    Speech,

    /// <summary>Thought, belief and feeling: believes, thinks, worries, fears, hopes.</summary>
    [JsonStringEnumMemberName("belief")]
    Belief,

    /// <summary>Everything else that attributes content to a source: polls show, a report finds, accused, urged.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}

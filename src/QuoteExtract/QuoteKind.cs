using System.Text.Json.Serialization;

namespace QuoteExtract;

/// <summary>How the content of an attribution is reported.</summary>
public enum QuoteKind
{
    /// <summary>Verbatim, inside quotation marks: <c>“We see more unity,” he said.</c></summary>
    [JsonStringEnumMemberName("direct")]
    Direct,

    /// <summary>Paraphrased, without quotation marks: <c>He said that they see more unity.</c></summary>
    [JsonStringEnumMemberName("indirect")]
    Indirect,

    /// <summary>Paraphrase with a quoted fragment: <c>He said their cooperation “will steadily grow.”</c></summary>
    [JsonStringEnumMemberName("mixed")]
    Mixed,
}

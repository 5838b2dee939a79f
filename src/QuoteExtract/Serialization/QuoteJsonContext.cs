using System.Text.Json.Serialization;

namespace QuoteExtract.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for the result records: camelCase names, enums as
/// lowercase strings, the schema the command-line tool writes and <c>eval/score.py</c> reads.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(QuoteExtractionResult))]
[JsonSerializable(typeof(QuoteDocument))]
[JsonSerializable(typeof(IReadOnlyList<QuoteDocument>))]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(SpeakerEntity))]
public sealed partial class QuoteJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuoteExtract.Serialization;

/// <summary>
/// Writes a quote in the scorer's schema: <c>content</c> is one span object, or, for a discontinuous content
/// (<c>“A,” he said, “B.”</c>), the list of its fragments. Reading accepts both; a list is read back as
/// <see cref="Quote.ContentFragments"/> with <see cref="Quote.Content"/> covering them (its text is the fragments'
/// texts joined by a space, since the document is not at hand).
/// </summary>
public sealed class QuoteConverter : JsonConverter<Quote>
{
    private static readonly EntityReferenceConverter EntityConverter = new();

    /// <inheritdoc />
    public override Quote Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a quote object.");
        }

        var kind = QuoteKind.Indirect;
        var category = QuoteCategory.Speech;
        TextSpan content = default;
        List<TextSpan>? fragments = null;
        TextSpan? cue = null, speaker = null;
        SpeakerEntity? entity = null;
        double confidence = 0;
        double? entityConfidence = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "kind": kind = ParseEnum<QuoteKind>(reader.GetString()); break;
                case "category": category = ParseEnum<QuoteCategory>(reader.GetString()); break;
                case "content":
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        fragments = [];
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            fragments.Add(ReadSpan(ref reader));
                        }

                        content = fragments.Count == 0
                            ? default
                            : new TextSpan(fragments[0].Start, fragments[^1].End, string.Join(' ', fragments.Select(f => f.Text)));
                    }
                    else
                    {
                        content = ReadSpan(ref reader);
                    }

                    break;
                case "cue": cue = reader.TokenType == JsonTokenType.Null ? null : ReadSpan(ref reader); break;
                case "speaker": speaker = reader.TokenType == JsonTokenType.Null ? null : ReadSpan(ref reader); break;
                case "entity": entity = EntityConverter.Read(ref reader, typeof(SpeakerEntity), options); break;
                case "confidence": confidence = reader.GetDouble(); break;
                case "entityConfidence": entityConfidence = reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble(); break;
                default: reader.Skip(); break;
            }
        }

        return new Quote(kind, category, content, cue, speaker, entity, confidence) { ContentFragments = fragments, EntityConfidence = entityConfidence };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Quote value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", value.Kind.ToString().ToLowerInvariant());
        writer.WriteString("category", value.Category.ToString().ToLowerInvariant());
        writer.WritePropertyName("content");
        if (value.ContentFragments is { Count: > 1 } fragments)
        {
            writer.WriteStartArray();
            foreach (var f in fragments)
            {
                WriteSpan(writer, f);
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteSpan(writer, value.Content);
        }

        writer.WritePropertyName("cue");
        WriteSpan(writer, value.Cue);
        writer.WritePropertyName("speaker");
        WriteSpan(writer, value.Speaker);
        writer.WritePropertyName("entity");
        if (value.Entity is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            EntityConverter.Write(writer, value.Entity, options);
        }

        if (value.EntityConfidence is { } entityConfidence)
        {
            writer.WriteNumber("entityConfidence", entityConfidence);
        }
        else
        {
            writer.WriteNull("entityConfidence");
        }

        writer.WriteNumber("confidence", value.Confidence);
        writer.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter writer, TextSpan? span)
    {
        if (span is not { } s)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("start", s.Start);
        writer.WriteNumber("end", s.End);
        writer.WriteString("text", s.Text);
        writer.WriteEndObject();
    }

    private static TextSpan ReadSpan(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a span object.");
        }

        int start = 0, end = 0;
        string text = "";
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "start": start = reader.GetInt32(); break;
                case "end": end = reader.GetInt32(); break;
                case "text": text = reader.GetString() ?? ""; break;
                default: reader.Skip(); break;
            }
        }

        return new TextSpan(start, end, text);
    }

    private static T ParseEnum<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : throw new JsonException($"Unknown {typeof(T).Name} '{text}'.");
}

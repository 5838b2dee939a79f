using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuoteExtract.Serialization;

/// <summary>
/// Writes a quote's entity as a reference (id, name, type, gender) without its mentions, which the
/// result's entity list already carries; repeating them for every quote would bloat the output.
/// </summary>
public sealed class EntityReferenceConverter : JsonConverter<SpeakerEntity>
{
    /// <inheritdoc />
    public override SpeakerEntity? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an entity object.");
        }

        string id = "", name = "";
        var type = EntityKind.Person;
        var gender = Gender.Unknown;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "id": id = reader.GetString() ?? ""; break;
                case "name": name = reader.GetString() ?? ""; break;
                case "type": type = ParseEnum<EntityKind>(reader.GetString()); break;
                case "gender": gender = ParseEnum<Gender>(reader.GetString()); break;
                default: reader.Skip(); break;
            }
        }

        return new SpeakerEntity(id, name, type, gender, []);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SpeakerEntity value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("name", value.Name);
        writer.WriteString("type", EnumName(value.Type));
        writer.WriteString("gender", EnumName(value.Gender));
        writer.WriteEndObject();
    }

    private static string EnumName<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static T ParseEnum<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : throw new JsonException($"Unknown {typeof(T).Name} '{text}'.");
}

using System.Text.Json.Serialization;

namespace QuoteExtract;

/// <summary>
/// A range of the input text with its characters. Offsets are UTF-16 code units into the string
/// that was passed to <see cref="QuoteExtractor"/>; <see cref="End"/> is exclusive.
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Text">The characters of the range, <c>text[Start..End]</c>.</param>
public readonly record struct TextSpan(int Start, int End, string Text)
{
    /// <summary>Number of UTF-16 code units covered.</summary>
    [JsonIgnore]
    public int Length => End - Start;

    /// <summary>Creates a span over <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    /// <param name="text">The document text.</param>
    /// <param name="start">Offset of the first character.</param>
    /// <param name="end">Offset one past the last character.</param>
    /// <returns>The span, with its text copied out of <paramref name="text"/>.</returns>
    public static TextSpan Of(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        return new TextSpan(start, end, text[start..end]);
    }
}

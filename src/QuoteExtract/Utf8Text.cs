using System.Text;
using System.Text.Unicode;

namespace QuoteExtract;

/// <summary>
/// Decodes UTF-8 input the way offsets are defined: BOM removed, newlines untouched, invalid
/// bytes replaced by U+FFFD (and counted, so callers can report them rather than fail the document).
/// </summary>
public static class Utf8Text
{
    /// <summary>The result of decoding.</summary>
    /// <param name="Text">The decoded text without a byte-order mark.</param>
    /// <param name="InvalidBytes">Number of ill-formed byte sequences replaced by U+FFFD.</param>
    /// <param name="FirstInvalidByteOffset">Byte offset of the first ill-formed sequence, or -1.</param>
    public readonly record struct Decoded(string Text, int InvalidBytes, int FirstInvalidByteOffset);

    /// <summary>Decodes <paramref name="bytes"/> as UTF-8.</summary>
    /// <param name="bytes">The raw bytes.</param>
    /// <returns>The text and a count of invalid sequences.</returns>
    public static Decoded Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (Utf8.IsValid(bytes))
        {
            return new Decoded(Encoding.UTF8.GetString(bytes), 0, -1);
        }

        // Count ill-formed sequences the same way the decoder replaces them.
        int invalid = 0, first = -1, offset = 0;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid++;
                if (first < 0)
                {
                    first = offset;
                }
            }

            rest = rest[consumed..];
            offset += consumed;
        }

        return new Decoded(Encoding.UTF8.GetString(bytes), invalid, first);
    }

    /// <summary>The diagnostic that reports invalid UTF-8 in <paramref name="decoded"/>.</summary>
    /// <param name="decoded">A decoding with at least one invalid sequence.</param>
    /// <returns>An <c>invalid-utf8</c> diagnostic.</returns>
    public static ExtractionDiagnostic InvalidDiagnostic(Decoded decoded) => new(
        "invalid-utf8",
        $"{decoded.InvalidBytes} invalid UTF-8 sequence(s) replaced by U+FFFD; the first at byte {decoded.FirstInvalidByteOffset}.");
}

using System.Buffers;
using System.Text;

namespace QuoteExtract;

/// <summary>
/// Reads a document from a reader or a stream, but never more than one character past the document limit: the
/// pipeline then sees that the input is too long and truncates it with a diagnostic, and memory stays bounded
/// however long the input is.
/// </summary>
internal static class BoundedInput
{
    private const int ChunkLength = 1 << 16;

    /// <summary>At most <paramref name="maxLength"/> + 1 characters of <paramref name="reader"/>; <c>More</c> says the limit was reached.</summary>
    public static async Task<(string Text, bool More)> ReadAsync(TextReader reader, int maxLength, CancellationToken cancellationToken)
    {
        long limit = (long)maxLength + 1;
        var text = new StringBuilder();
        var chunk = ArrayPool<char>.Shared.Rent(ChunkLength);
        try
        {
            while (text.Length < limit)
            {
                int want = (int)Math.Min(chunk.Length, limit - text.Length);
                int read = await reader.ReadAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (text.ToString(), false);
                }

                text.Append(chunk, 0, read);
            }

            return (text.ToString(), true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// Decodes the UTF-8 of <paramref name="stream"/> up to enough bytes for <paramref name="maxLength"/> + 1 characters
    /// (three bytes each at most); <c>More</c> says bytes were left unread. A sequence cut by the limit is dropped, not
    /// counted as invalid.
    /// </summary>
    public static async Task<(Utf8Text.Decoded Decoded, bool More)> ReadUtf8Async(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
        long limit = Math.Min((3L * maxLength) + 4, Array.MaxLength);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkLength);
        bool more = false;
        try
        {
            while (true)
            {
                // One byte past the limit tells whether anything is left.
                int want = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
                int read = await stream.ReadAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (buffer.Length + read > limit)
                {
                    buffer.Write(chunk, 0, (int)(limit - buffer.Length));
                    more = true;
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return (Utf8Text.Decode(more ? bytes[..CompletePrefix(bytes)] : bytes), more);
    }

    /// <summary>The length of <paramref name="bytes"/> without a trailing multi-byte sequence that the cut left incomplete.</summary>
    internal static int CompletePrefix(ReadOnlySpan<byte> bytes)
    {
        // Step back over up to three continuation bytes to the lead byte of the last sequence.
        int lead = bytes.Length - 1;
        while (lead >= 0 && bytes.Length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80)
        {
            lead--;
        }

        if (lead < 0)
        {
            return bytes.Length;
        }

        byte b = bytes[lead];
        int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return bytes.Length - lead < needed ? lead : bytes.Length;
    }
}

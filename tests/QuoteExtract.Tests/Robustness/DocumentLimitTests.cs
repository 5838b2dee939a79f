using System.Text;
using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>
/// <see cref="QuoteExtractorOptions.MaxDocumentLength"/>: a longer document is cut there with a <c>text-truncated</c>
/// diagnostic, and readers and streams stop reading just past it, so an endless input neither hangs nor fills memory.
/// </summary>
public sealed class DocumentLimitTests
{
    private const int Limit = 50_000;

    private static readonly QuoteExtractor Extractor = new(new QuoteExtractorOptions { MaxDocumentLength = Limit });

    [Fact]
    public async Task An_endless_stream_is_read_only_up_to_the_limit()
    {
        var stream = new EndlessStream("“We will build it,” said Jane Okoro. "u8.ToArray());

        var result = await Extractor.ExtractAsync(stream);

        var cut = result.Diagnostics.Should().ContainSingle(d => d.Code == "text-truncated").Subject;
        cut.Offset.Should().Be(Limit);
        cut.Message.Should().Contain($"more than {Limit}");
        stream.BytesRead.Should().BeLessThan((3L * Limit) + (1 << 17), "reading stops once the limit is certain to be passed");
        result.Quotes.Should().HaveCountGreaterThan(1_000).And.OnlyContain(q => q.Content.End <= Limit);
    }

    [Fact]
    public async Task An_endless_reader_is_read_only_up_to_the_limit()
    {
        var reader = new EndlessReader("“We will build it,” said Jane Okoro. ");

        var result = await Extractor.ExtractAsync(reader);

        result.Diagnostics.Should().ContainSingle(d => d.Code == "text-truncated").Which.Offset.Should().Be(Limit);
        reader.CharactersRead.Should().BeLessThan(Limit + (1 << 17));
    }

    [Fact]
    public void Memory_longer_than_the_limit_is_cut_like_a_string()
    {
        var text = string.Concat(Enumerable.Repeat("“We will build it,” said Jane Okoro. ", 5_000));

        var fromMemory = Extractor.Extract(text.AsMemory());
        var fromString = Extractor.Extract(text);

        fromString.Quotes.Should().HaveCountGreaterThan(1_000);
        ResultInvariants.Fingerprint(fromMemory with { Diagnostics = [] })
            .Should().Be(ResultInvariants.Fingerprint(fromString with { Diagnostics = [] }), "the same text was read");
        fromString.Diagnostics.Single().Message.Should().Contain($"has {text.Length} characters");
        fromMemory.Diagnostics.Single().Message.Should().Contain($"more than {Limit}");
    }

    [Fact]
    public async Task A_stream_cut_inside_a_multibyte_character_reports_no_invalid_utf8()
    {
        // Three bytes per character: the byte limit falls inside one whatever its value.
        var bytes = Encoding.UTF8.GetBytes(new string('€', 3 * Limit));

        var result = await Extractor.ExtractAsync(new MemoryStream(bytes));

        result.Diagnostics.Select(d => d.Code).Should().Equal("text-truncated");
    }

    [Fact]
    public async Task A_stream_within_the_limit_is_read_whole()
    {
        var text = string.Concat(Enumerable.Repeat("“We will build it,” said Jane Okoro. ", 100));

        var result = await Extractor.ExtractAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        result.Diagnostics.Should().BeEmpty();
        result.Quotes.Should().HaveCount(100);
    }

    /// <summary>Repeats a pattern forever and counts what was read.</summary>
    private sealed class EndlessStream(byte[] pattern) : Stream
    {
        private long _position;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = pattern[(int)(_position++ % pattern.Length)];
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Repeats a pattern forever and counts what was read.</summary>
    private sealed class EndlessReader(string pattern) : TextReader
    {
        public long CharactersRead { get; private set; }

        public override int Read(Span<char> buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = pattern[(int)(CharactersRead++ % pattern.Length)];
            }

            return buffer.Length;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }
}

namespace QuoteExtract.Tests.Api;

public sealed class Utf8TextTests
{
    [Fact]
    public void Byte_order_mark_is_removed()
    {
        Utf8Text.Decode([0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']).Should().Be(new Utf8Text.Decoded("hi", 0, -1));
    }

    [Fact]
    public void Invalid_sequences_become_replacement_characters_and_are_counted()
    {
        var decoded = Utf8Text.Decode([(byte)'a', 0xFF, (byte)'b', 0xC3]);

        decoded.Text.Should().Be("a\uFFFDb\uFFFD");
        decoded.InvalidBytes.Should().Be(2);
        decoded.FirstInvalidByteOffset.Should().Be(1);
    }
}

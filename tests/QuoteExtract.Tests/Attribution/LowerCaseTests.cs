using QuoteExtract.Attribution;

namespace QuoteExtract.Tests.Attribution;

/// <summary>The attribution features' lower-casing is <see cref="string.ToLowerInvariant()"/>, with or without its ASCII shortcut.</summary>
public class LowerCaseTests
{
    [Theory]
    [InlineData("Said")]
    [InlineData("ACCORDING")]
    [InlineData("n't")]
    [InlineData("O’Brien")]
    [InlineData("ÉLYSÉE")]
    [InlineData("İstanbul")]
    [InlineData("[@`{Z]")]
    [InlineData("")]
    public void Lower_is_the_invariant_lower_case(string word)
    {
        Span<char> buffer = stackalloc char[AttributionFeatures.MaxWord];

        AttributionFeatures.Lower(word, buffer).ToString().Should().Be(word.ToLowerInvariant());
    }

    [Fact]
    public void A_word_longer_than_the_buffer_is_lower_cased_too()
    {
        var word = new string('A', AttributionFeatures.MaxWord + 3);
        Span<char> buffer = stackalloc char[AttributionFeatures.MaxWord];

        AttributionFeatures.Lower(word, buffer).ToString().Should().Be(word.ToLowerInvariant());
    }
}

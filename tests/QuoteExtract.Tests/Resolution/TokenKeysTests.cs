using QuoteExtract.Resolution;

namespace QuoteExtract.Tests.Resolution;

/// <summary>The resolver's token keys: normalised for word-list lookups, and shared rather than allocated per token.</summary>
public sealed class TokenKeysTests
{
    [Theory]
    [InlineData("Obama’s", "obama")]
    [InlineData("Putin's", "putin")]
    [InlineData("Sen.", "sen")]
    [InlineData("U.S.", "u.s")]
    [InlineData("HE", "he")]
    [InlineData("'s", "'s")]
    [InlineData(".", ".")]
    [InlineData("Ärzte", "ärzte")]
    public void A_key_is_lower_case_without_possessive_or_final_period(string word, string key) =>
        TokenKeys.Of(word).Should().Be(key);

    [Fact]
    public void A_word_longer_than_the_cache_limit_is_keyed_the_same_way()
    {
        var word = "HTTPS://EXAMPLE.COM/" + new string('A', 60) + "’s";
        TokenKeys.Of(word).Should().Be("https://example.com/" + new string('a', 60));
    }

    [Fact]
    public void The_same_word_gives_the_same_string_instance()
    {
        var first = TokenKeys.Of("Senator".AsSpan());
        var second = TokenKeys.Of("SENATOR".ToCharArray());
        second.Should().BeSameAs(first);
    }
}

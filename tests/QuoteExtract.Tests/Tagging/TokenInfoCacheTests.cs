using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Tagging;

/// <summary>
/// The tagger reads a token's spelling-only properties and fixed class from a per-word memo; whatever the memo holds,
/// what it gives must be exactly what computing them gives, context flags included.
/// </summary>
public class TokenInfoCacheTests
{
    // Repeated words in different places (sentence start, no space before or after), a word longer than the memo keeps,
    // short words, non-ASCII letters and digits.
    private const string Text =
        "The said \"the\" said. Said Mr. Smith, the chief-executive of Internationalisation Ltd., said 3.5% in Zürich (the city).";

    [Theory]
    [InlineData(1)] // two slots: almost every word evicts another, and words of different lengths share slots
    [InlineData(12)]
    public void Gives_what_computing_gives(int bits)
    {
        var fixedWords = Tagger.Default.PosModel.Fixed;
        var cache = new TokenInfoCache(bits);
        var tokens = QuoteExtract.Text.TextAnalyzer.Analyze(Text).Tokens.ToArray();
        tokens.Length.Should().BeGreaterThan(20);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int t = 0; t < tokens.Length; t++)
            {
                var token = tokens[t];
                bool start = t == 0 || t == 5;
                TokenInfo.Compute(Text, token.Start, token.End, start, out var expected);

                int known = cache.Get(Text, token.Start, token.End, start, fixedWords, out var info);

                info.Should().Be(expected, $"token {t} ({Text[token.Start..token.End]}) on pass {pass}");
                known.Should().Be(fixedWords.Of(expected.Raw));
            }
        }
    }
}

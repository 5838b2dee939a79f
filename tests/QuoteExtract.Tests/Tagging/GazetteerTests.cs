using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Tagging;

/// <summary>The gazetteer's shape filter only ever skips words the lists do not hold, in any letter case.</summary>
public class GazetteerTests
{
    [Fact]
    public void Every_listed_word_is_found_in_any_letter_case()
    {
        var entries = Gazetteer.Entries.ToList();

        entries.Should().HaveCountGreaterThan(300);
        foreach (var word in entries)
        {
            var flags = Gazetteer.Of(word);
            flags.Should().NotBe(Gazetteer.Flags.None, word);
            Gazetteer.Of(word.ToUpperInvariant()).Should().Be(flags, word);
            Gazetteer.Of(word.ToLowerInvariant()).Should().Be(flags, word);
            Gazetteer.Of(char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()).Should().Be(flags, word);
        }
    }

    [Theory]
    [InlineData("the")]
    [InlineData("Presidents")]
    [InlineData("résumé")]
    [InlineData("x")]
    public void Words_outside_the_lists_have_no_flags(string word) =>
        Gazetteer.Of(word).Should().Be(Gazetteer.Flags.None);

    [Fact]
    public void Listed_words_keep_their_flags()
    {
        Gazetteer.Of("said").Should().Be(Gazetteer.Flags.SpeechVerb);
        Gazetteer.Of("SEN.").Should().Be(Gazetteer.Flags.Title);
        (Gazetteer.Of("Director") & Gazetteer.Flags.Title).Should().Be(Gazetteer.Flags.Title);
    }
}

using QuoteExtract.Resolution;

namespace QuoteExtract.Tests.Resolution;

/// <summary>The key filter turns away only keys that no table of <see cref="KeyClasses"/> holds.</summary>
public sealed class KeyClassifierTests
{
    [Fact]
    public void Every_word_of_the_tables_passes_the_filter_and_gets_its_classes()
    {
        foreach (var word in Lexicon.Honorifics.Words)
        {
            KeyClassifier.MayBeListed(word).Should().BeTrue(word);
            (KeyClassifier.Classify(word) & KeyClasses.Honorific).Should().Be(KeyClasses.Honorific, word);
        }

        foreach (var word in Lexicon.UnnamedHeads.Words)
        {
            KeyClassifier.MayBeListed(word).Should().BeTrue(word);
            (KeyClassifier.Classify(word) & KeyClasses.UnnamedHead).Should().Be(KeyClasses.UnnamedHead, word);
        }

        foreach (var word in Lexicon.Pronouns.Words)
        {
            KeyClassifier.MayBeListed(word).Should().BeTrue(word);
        }

        KeyClassifier.Classify("he").Should().Be(KeyClasses.MalePronoun);
        KeyClassifier.Classify("herself").Should().Be(KeyClasses.FemalePronoun);
        KeyClassifier.Classify("they").Should().Be(KeyClasses.None, "only he and she pronouns are classed");
    }

    [Theory]
    [InlineData("the")]
    [InlineData("of")]
    [InlineData("")]
    [InlineData("über")]
    [InlineData("a-very-long-compound-word")]
    public void Common_and_odd_keys_are_turned_away(string key)
    {
        KeyClassifier.MayBeListed(key).Should().BeFalse();
        KeyClassifier.Classify(key).Should().Be(KeyClasses.None);
    }
}

using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Tagging;

public class FeatureHashTests
{
    [Theory]
    [InlineData("speaker_cue_content", "|person")]
    [InlineData("said", "")]
    [InlineData("", "“Quoted” ünïcode")]
    public void Hashing_a_text_in_pieces_equals_hashing_it_joined(string left, string right)
    {
        // The attribution features hash "rule|speaker" and the like piece by piece instead of building the string.
        FeatureHash.RawContinue(FeatureHash.Raw(left), right).Should().Be(FeatureHash.Raw(left + right));
        FeatureHash.RawContinue(FeatureHash.Raw(left), right).Should().NotBe(FeatureHash.Raw(right + left + "x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("He")]
    [InlineData("the")]
    [InlineData("SAID")]
    [InlineData("U.S.")]
    [InlineData("2016-17")]
    [InlineData("O’Brien’s")]
    [InlineData("ÉLYSÉE")]
    [InlineData("aaaBBBccc111---")]
    public void One_pass_word_hashes_equal_the_separate_ones(string word)
    {
        var norm = FeatureHash.Word(word, out var raw, out var shape, out var p1, out var p2, out var p3);

        norm.Should().Be(FeatureHash.Normalized(word, out var q1, out var q2, out var q3));
        (p1, p2, p3).Should().Be((q1, q2, q3));
        raw.Should().Be(FeatureHash.Raw(word));
        shape.Should().Be(FeatureHash.Shape(word));
    }
}

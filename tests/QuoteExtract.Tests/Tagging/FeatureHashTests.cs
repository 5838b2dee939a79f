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
}

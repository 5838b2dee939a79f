using QuoteExtract.Attribution;
using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Attribution;

public class TextHashCacheTests
{
    [Fact]
    public void Gives_the_hashes_computed_directly_for_repeated_and_look_alike_strings()
    {
        // Strings of one length and the same end characters share slots; equal texts in other objects are other keys.
        var texts = new[] { "abcd", "axxd", "ayyd", "only", "longest", "speaker_cue_content", new string("abcd".AsSpan()), "", "x" };
        var starts = new[] { FeatureHash.Raw("rule|"), FeatureHash.Raw("cut|"), FeatureHash.Raw([]), 0UL };
        var cache = new TextHashCache();
        var random = new Random(3);
        for (int i = 0; i < 5000; i++)
        {
            var text = texts[random.Next(texts.Length)];
            ulong start = starts[random.Next(starts.Length)];
            cache.Continue(start, text).Should().Be(FeatureHash.RawContinue(start, text));
            cache.Raw(text).Should().Be(FeatureHash.Raw(text));
        }
    }
}

using QuoteExtract.Resolution;

namespace QuoteExtract.Tests.Resolution;

public class WordFilterTests
{
    [Fact]
    public void Lets_every_word_of_the_set_through_and_turns_away_other_lengths_and_first_letters()
    {
        string[] words = ["mr", "mrs", "officials", "é-word", "", "a-very-long-word-beyond-the-last-length-row"];
        var filter = new WordFilter(words);

        words.Should().OnlyContain(w => filter.MayContain(w));
        filter.MayContain("ms").Should().BeTrue("same length and first letter as a word: a candidate for the set to decide");
        filter.MayContain("mister").Should().BeFalse();
        filter.MayContain("dr").Should().BeFalse();
        filter.MayContain("officers").Should().BeFalse();
        filter.MayContain("a-very-long-word-beyond-the-last-length-row-too").Should().BeTrue("long words share one row");
        filter.MayContain("ö-word").Should().BeTrue("non-ASCII first characters share one column");
    }

    [Fact]
    public void Word_sets_and_maps_answer_as_without_the_filter()
    {
        var set = new WordSet(["he", "she", "they"]);
        set.Contains("she").Should().BeTrue();
        set.Contains("sha").Should().BeFalse();
        set.Contains("it").Should().BeFalse();
        set.TryGetWord("they", out var stored).Should().BeTrue();
        stored.Should().Be("they");
        set.TryGetWord("them", out _).Should().BeFalse();

        var map = new WordMap<int>(new Dictionary<string, int> { ["mr"] = 1, ["mrs"] = 2 });
        map.TryGetValue("mrs", out int value).Should().BeTrue();
        value.Should().Be(2);
        map.TryGetValue("dr", out _).Should().BeFalse();
        map.ContainsKey("mr").Should().BeTrue();
        map.ContainsKey("ms").Should().BeFalse();
    }
}

namespace QuoteExtract.Tests.Resolution;

// All texts are invented for these tests.
public sealed class UnnamedSourceEntityTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    [Fact]
    public void Unnamed_group_is_listed_with_its_mentions_but_is_no_quote_entity()
    {
        const string text =
            "Mayor Helena Strand opened the new harbour bridge on Saturday. She said that the bridge would cut traffic in half.\n\n" +
            "Some engineers suggested that the steel frame had been rushed. They argued that the city council should order new tests.\n\n" +
            "Strand said that the frame had passed every inspection.";

        var result = Extractor.Extract(text);

        var engineers = result.Quotes.Where(q => q.Speaker?.Text is "Some engineers" or "They").ToList();
        engineers.Should().HaveCount(2);
        engineers.Should().OnlyContain(q => q.Entity == null);
        var group = result.Entities.Should().ContainSingle(e => e.Type == EntityKind.Unnamed).Subject;
        group.Mentions.Select(m => m.Text).Should().Contain(["Some engineers", "They"]);
        result.Quotes.Where(q => q.Speaker?.Text is "She" or "Strand").Should().OnlyContain(q => q.Entity!.Name == "Helena Strand");
    }
}

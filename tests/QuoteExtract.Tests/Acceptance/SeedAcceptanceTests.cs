using QuoteExtract.Training.Seed;

namespace QuoteExtract.Tests.Acceptance;

/// <summary>
/// The first acceptance test: the hand-made gold of the article the product was specified from
/// (../shared/seed/expected.json, read at run time, never copied). Every required attribution is found with its
/// speaker mention, cue and entity, no not-quote is reported, and the seven named people are listed.
/// </summary>
public sealed class SeedAcceptanceTests
{
    [SharedDataFact("seed")]
    public void Seed_article_meets_its_gold()
    {
        using var report = new StringWriter();

        var exitCode = SeedCheck.Run(SharedData.Find("seed")!, report);

        var text = report.ToString();
        exitCode.Should().Be(0, text);
        text.Should().Contain("seed-required-speaker-and-cue: 23/23")
            .And.Contain("seed-required-entity: 23/23")
            .And.Contain("seed-not-quotes-reported: 0")
            .And.Contain("seed-named-people-listed: 7/7");
    }
}

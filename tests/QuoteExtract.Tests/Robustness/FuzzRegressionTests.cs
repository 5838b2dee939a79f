using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>
/// Every finding of the fuzz harness (fuzz/QuoteExtract.Fuzz), shrunk, as a permanent case. Each input is the
/// harness's C# literal; the comment says what it found.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    public static TheoryData<string, string> Findings() => new()
    {
        // The CRLF check compared entity names literally, but a name that spans a line break ("St.\nDw", recognised
        // as a place) rightly carries the document's own line break: names are now compared with LF line ends.
        { "entity name across a line break", "l St.\nDw. in government den the report ,o s" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_former_finding_passes_every_check(string finding, string text)
    {
        var act = () => RobustnessChecks.Check(Extractor, text);

        act.Should().NotThrow(finding);
    }
}

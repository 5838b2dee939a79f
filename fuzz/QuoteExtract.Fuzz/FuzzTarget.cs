using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Fuzz;

/// <summary>
/// What one fuzz input goes through: the shared <see cref="RobustnessChecks"/> with default options, then the same
/// text read in tiny sections and cut by a tiny document limit (so that section merging and truncation see every
/// kind of text), with the work counted against the input's length.
/// </summary>
internal sealed class FuzzTarget
{
    /// <summary>
    /// Work units per character (over the three or four default runs of an input) above which it is reported as
    /// superlinear: fuzz inputs average about 20, news-like ones stay under 1,000, and a run of 2,000 straight
    /// quotation marks scored 2,044 before the quadratic lookup it exposed was fixed. The worst input of each run is
    /// printed at the end, to be looked at even when it stays under the bar.
    /// </summary>
    public const double MaxUnitsPerCharacter = 1_500;

    private readonly QuoteExtractor _default = QuoteExtractor.CreateDefault();
    private readonly QuoteExtractor _sectioned = new(new QuoteExtractorOptions { SectionLength = 300 });
    private readonly QuoteExtractor _truncating = new(new QuoteExtractorOptions { MaxDocumentLength = 500 });

    /// <summary>Runs every check; throws on the first broken one. Returns the work units of the default run.</summary>
    public long Run(string text)
    {
        var meter = new WorkMeter();
        using (meter.Attach())
        {
            RobustnessChecks.Check(_default, text);
        }

        // Three default runs (string, again, stream) happen above; the CRLF run may add a fourth.
        var sectioned = _sectioned.Extract(text);
        ResultInvariants.Check(text, sectioned);
        var truncated = _truncating.Extract(text);
        ResultInvariants.Check(text, truncated);
        if (text.Length > 500 && !truncated.Diagnostics.Any(d => d.Code == "text-truncated"))
        {
            throw new InvariantViolationException("a text over the limit has no text-truncated diagnostic");
        }

        return meter.Units;
    }
}

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
    /// superlinear: fuzz inputs average about 25 and the worst seen in calibration was under 1,000 (an all-capitals
    /// text, full of names); a quadratic loop over a 20,000-character input would pass 10,000.
    /// </summary>
    public const double MaxUnitsPerCharacter = 5_000;

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

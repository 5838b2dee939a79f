using CsCheck;
using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>
/// Properties over generated hostile documents (<see cref="FuzzText"/>), a few hundred per run: offsets inside the
/// text and on character boundaries, spans ordered, direct contents starting at their quotation mark, the same result
/// every time, through a UTF-8 stream and (at shifted offsets) for the CRLF version. The fuzz harness runs the same
/// checks for hours (docs/robustness.md); a failure here prints the seed that reproduces it.
/// </summary>
public sealed class PropertyTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    [Fact]
    public void Generated_documents_keep_every_invariant()
    {
        FuzzText.Document.Sample(text => RobustnessChecks.Check(Extractor, text), iter: 150, threads: 1, print: Print);
    }

    [Fact]
    public void Generated_documents_read_in_tiny_sections_keep_every_invariant()
    {
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SectionLength = 200 });
        FuzzText.MutatedNews.Sample(text => ResultInvariants.Check(text, extractor.Extract(text)), iter: 100, threads: 1, print: Print);
    }

    [Fact]
    public void A_truncated_document_reports_the_cut_and_has_nothing_beyond_it()
    {
        var generator = Gen.Select(FuzzText.MutatedNews, Gen.Int[1, 3_000]);
        generator.Sample((text, limit) =>
        {
            var result = new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = limit }).Extract(text);
            ResultInvariants.Check(text, result);
            var cut = result.Diagnostics.SingleOrDefault(d => d.Code == "text-truncated");
            return text.Length > limit
                ? cut?.Offset is { } at && at >= limit - 1 && at <= limit && result.Quotes.All(q => q.Content.End <= at)
                : cut is null;
        }, iter: 80, threads: 1);
    }

    private static string Print(string text) => $"\"{(text.Length > 500 ? text[..500] + "…" : text)}\" ({text.Length} characters)";
}

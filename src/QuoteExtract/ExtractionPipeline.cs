using QuoteExtract.Attribution;

namespace QuoteExtract;

/// <summary>
/// Runs the layers in order: text → tokens → tags → matches → attributions → resolved speakers → records.
/// Holds only immutable, shared state, so one instance serves every thread.
/// </summary>
internal sealed class ExtractionPipeline
{
    private readonly QuoteExtractorOptions _options;

    public ExtractionPipeline(QuoteExtractorOptions options) => _options = options;

    public QuoteExtractionResult Run(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<ExtractionDiagnostic>();
        if (text.Length > _options.MaxDocumentLength)
        {
            var cut = _options.MaxDocumentLength;
            if (char.IsLowSurrogate(text[cut]) && cut > 0)
            {
                cut--; // never split a surrogate pair
            }

            diagnostics.Add(new ExtractionDiagnostic(
                "text-truncated",
                $"The text has {text.Length} characters; only the first {cut} were read (MaxDocumentLength).",
                cut));
            text = text[..cut];
        }

        var quotes = BaselineAttributionFinder.Find(text, cancellationToken);
        var kept = quotes
            .Where(q => q.Confidence >= _options.MinimumConfidence)
            .Where(q => _options.Categories.Count == 0 || _options.Categories.Contains(q.Category))
            .ToList();
        return new QuoteExtractionResult(kept, [], diagnostics);
    }
}

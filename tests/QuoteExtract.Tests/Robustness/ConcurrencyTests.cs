using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>One shared extractor serves many threads: every result equals the sequential one, entities and diagnostics included.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Sixteen_tasks_on_one_extractor_get_exactly_the_sequential_results()
    {
        // Small sections, so that section merging runs concurrently too.
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SectionLength = 3_000 });
        var documents = Enumerable.Range(0, 24).Select(i => (i % 4) switch
        {
            0 => NewsText.Generate(i, 12),
            1 => HostileText.MixedScripts(i, 4_000),
            2 => HostileText.Crlf(NewsText.Generate(i, 6)),
            _ => HostileText.DenseAttributions(i, 4_000),
        }).ToList();
        var expected = documents.Select(d => ResultInvariants.Fingerprint(extractor.Extract(d))).ToList();
        using var start = new Barrier(16);

        var runs = await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();

                // Each task walks the documents from its own offset, so different documents run at the same time.
                return Enumerable.Range(0, documents.Count)
                    .Select(k => (t + k) % documents.Count)
                    .Select(i => (i, ResultInvariants.Fingerprint(extractor.Extract(documents[i]))))
                    .ToList();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        foreach (var run in runs)
        {
            foreach (var (i, fingerprint) in run)
            {
                fingerprint.Should().Be(expected[i], $"document {i}");
            }
        }
    }
}

using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>
/// Cancellation stops a long document or a batch promptly. Promptness is counted, not timed: the work done after
/// the request, measured by the <see cref="WorkMeter"/>, is a small part of the whole.
/// </summary>
public sealed class CancellationTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    [Fact]
    public async Task A_cancelled_token_stops_every_entry_point_before_any_work()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        const string text = "“We will build it,” said Jane Okoro.";

        Extractor.Invoking(x => x.Extract(text, cts.Token)).Should().Throw<OperationCanceledException>();
        Extractor.Invoking(x => x.Extract(text.AsMemory(), cts.Token)).Should().Throw<OperationCanceledException>();
        await Extractor.Awaiting(x => x.ExtractAsync(new StringReader(text), cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        await Extractor.Awaiting(x => x.ExtractAsync(new MemoryStream("x"u8.ToArray()), cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        Extractor.Invoking(x => x.ExtractMany([text], cancellationToken: cts.Token).ToList()).Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [InlineData(200_000, 100_000)]
    [InlineData(1_000_000, 100_000)]
    public void Cancelling_inside_a_long_document_stops_it_within_a_small_part_of_its_work(int length, int sectionLength)
    {
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SectionLength = sectionLength });
        var text = NewsText.OfLength(1, length);
        var full = new WorkMeter();
        using (full.Attach())
        {
            extractor.Extract(text);
        }

        var meter = new WorkMeter();
        using var cts = new CancellationTokenSource();
        long requestedAt = 0;
        var canceller = new Thread(() =>
        {
            // Cancel a third of the way through, wherever that falls.
            while (meter.Units < full.Units / 3)
            {
                Thread.SpinWait(100);
            }

            requestedAt = meter.Units;
            cts.Cancel();
        });
        canceller.Start();

        var act = () =>
        {
            using (meter.Attach())
            {
                extractor.Extract(text, cts.Token);
            }
        };

        act.Should().Throw<OperationCanceledException>();
        canceller.Join();
        (meter.Units - requestedAt).Should().BeLessThan(full.Units / 10, $"{full.Units:N0} units in all, cancelled at {requestedAt:N0}, stopped at {meter.Units:N0}");
    }

    [Fact]
    public void Cancelling_a_batch_stops_reading_documents_within_the_window_in_flight()
    {
        using var cts = new CancellationTokenSource();
        int read = 0;
        IEnumerable<string> Documents()
        {
            for (int i = 0; i < 10_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return NewsText.Generate(i, 3);
            }
        }

        int seen = 0;
        var act = () =>
        {
            foreach (var _ in Extractor.ExtractMany(Documents(), new BatchOptions { MaxDegreeOfParallelism = 2 }, cts.Token))
            {
                if (++seen == 10)
                {
                    cts.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        seen.Should().Be(10);
        read.Should().BeLessThanOrEqualTo(DocumentGroups.MaxDocuments * ((2 * 2) + 1), "at most two groups per thread are in flight");
    }

    [Fact]
    public async Task Cancelling_an_async_batch_stops_it()
    {
        using var cts = new CancellationTokenSource();
        int seen = 0;
        Func<Task> act = async () =>
        {
            await foreach (var _ in Extractor.ExtractManyAsync(Endless(), new BatchOptions { MaxDegreeOfParallelism = 2 }, cts.Token))
            {
                if (++seen == 5)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Be(5);
    }

    private static async IAsyncEnumerable<string> Endless()
    {
        for (int i = 0; ; i++)
        {
            await Task.Yield();
            yield return NewsText.Generate(i, 2);
        }
    }
}

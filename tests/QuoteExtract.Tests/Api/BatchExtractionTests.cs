namespace QuoteExtract.Tests.Api;

public sealed class BatchExtractionTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    private static List<string> Documents(int count) => Enumerable.Range(0, count)
        .Select(i => $"Paragraph {i}.\n\n“We will build wall number {i},” said Jane Okoro{i % 3}. " + new string('x', i * 37 % 500))
        .ToList();

    [Fact]
    public void Results_come_back_in_input_order_and_equal_sequential_extraction()
    {
        // Short documents: enough for several groups, so that the threads finish them out of order.
        int count = (3 * DocumentGroups.MaxDocuments) + 5;
        var documents = Documents(count);
        var sequential = documents.Select(d => Extractor.Extract(d)).ToList();

        var batch = Extractor.ExtractMany(documents, new BatchOptions { MaxDegreeOfParallelism = 4 }).ToList();

        batch.Should().HaveCount(count);
        for (int i = 0; i < batch.Count; i++)
        {
            batch[i].Quotes.Should().BeEquivalentTo(sequential[i].Quotes, o => o.WithStrictOrdering(), "entities are new objects per call, equal in content");
        }
    }

    [Fact]
    public void A_group_holding_sectioned_and_truncated_documents_equals_sequential_extraction()
    {
        // Groups are extracted stage by stage; documents that need sectioning or truncating take the one-document path.
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = 4_000, SectionLength = 700 });
        var documents = Documents(20);
        var longer = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"“Section {i} will pass,” said Mayor Ann Reyes{i % 2}."));
        documents.Insert(3, longer);
        documents.Insert(9, longer + "\n\n" + new string('y', 4_000));
        documents.Insert(17, string.Empty);
        var sequential = documents.Select(d => extractor.Extract(d)).ToList();

        var batch = extractor.ExtractMany(documents).ToList();

        batch.Should().HaveCount(documents.Count);
        sequential[3].Diagnostics.Should().Contain(d => d.Code == "text-sectioned");
        sequential[9].Diagnostics.Should().Contain(d => d.Code == "text-truncated");
        for (int i = 0; i < batch.Count; i++)
        {
            batch[i].Quotes.Should().BeEquivalentTo(sequential[i].Quotes, o => o.WithStrictOrdering());
            batch[i].Diagnostics.Should().Equal(sequential[i].Diagnostics);
            batch[i].Entities.Select(e => e.Name).Should().Equal(sequential[i].Entities.Select(e => e.Name));
        }
    }

    [Fact]
    public async Task Async_batch_keeps_input_order()
    {
        var documents = Documents(25);

        var results = new List<QuoteExtractionResult>();
        await foreach (var r in Extractor.ExtractManyAsync(ToAsync(documents), new BatchOptions { MaxDegreeOfParallelism = 3 }))
        {
            results.Add(r);
        }

        results.Select(r => r.Quotes.Single().Content.Text)
            .Should().Equal(documents.Select(d => Extractor.Extract(d).Quotes.Single().Content.Text));
    }

    [Fact]
    public void Progress_is_reported_once_per_document_with_running_totals()
    {
        var documents = Documents(10);
        var reports = new List<ExtractionProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var results = Extractor.ExtractMany(documents, new BatchOptions { Progress = progress }).ToList();

        results.Should().HaveCount(10);

        reports.Select(r => r.DocumentsCompleted).Should().Equal(Enumerable.Range(1, 10));
        reports[^1].CharactersProcessed.Should().Be(documents.Sum(d => (long)d.Length));
    }

    [Fact]
    public void Cancellation_stops_the_batch()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;

        var act = () =>
        {
            foreach (var _ in Extractor.ExtractMany(Documents(1000), new BatchOptions { MaxDegreeOfParallelism = 2 }, cts.Token))
            {
                if (++seen == 5)
                {
                    cts.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        seen.Should().BeLessThan(1000);
    }

    [Fact]
    public async Task Async_batch_reports_progress_once_per_document_with_running_totals()
    {
        var documents = Documents(12);
        var reports = new List<ExtractionProgress>();

        var count = 0;
        await foreach (var _ in Extractor.ExtractManyAsync(ToAsync(documents), new BatchOptions { MaxDegreeOfParallelism = 3, Progress = new SynchronousProgress(reports.Add) }))
        {
            count++;
            reports.Should().HaveCount(count, "each result is reported before it is yielded");
        }

        reports.Select(r => r.DocumentsCompleted).Should().Equal(Enumerable.Range(1, 12));
        reports.Select(r => r.CharactersProcessed).Should().Equal(documents.Select((_, i) => documents.Take(i + 1).Sum(d => (long)d.Length)));
    }

    [Fact]
    public async Task Cancellation_stops_the_async_batch()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;

        var act = async () =>
        {
            await foreach (var _ in Extractor.ExtractManyAsync(ToAsync(Documents(1000)), new BatchOptions { MaxDegreeOfParallelism = 2 }, cts.Token))
            {
                if (++seen == 5)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().BeLessThan(1000);
    }

    [Fact]
    public async Task Cancellation_through_WithCancellation_also_stops_the_async_batch()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;

        var act = async () =>
        {
            await foreach (var _ in Extractor.ExtractManyAsync(ToAsync(Documents(1000))).WithCancellation(cts.Token))
            {
                if (++seen == 3)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().BeLessThan(1000);
    }

    [Fact]
    public void Invalid_parallelism_fails_fast()
    {
        var act = () => Extractor.ExtractMany(["a"], new BatchOptions { MaxDegreeOfParallelism = 0 });

        act.Should().Throw<ArgumentException>().WithMessage("*MaxDegreeOfParallelism*");
    }

    [Fact]
    public void A_null_document_is_reported_as_an_argument_error()
    {
        var act = () => Extractor.ExtractMany(["ok", null!]).ToList();

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task One_shared_extractor_used_from_16_tasks_gives_the_sequential_results()
    {
        var documents = Documents(64);
        var expected = documents.Select(d => Extractor.Extract(d)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Run(() =>
            documents.Select(d => Extractor.Extract(d)).ToList())));

        foreach (var run in results)
        {
            for (int i = 0; i < documents.Count; i++)
            {
                run[i].Quotes.Should().BeEquivalentTo(expected[i].Quotes, o => o.WithStrictOrdering());
            }
        }
    }

    private static async IAsyncEnumerable<string> ToAsync(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order, at once.</summary>
    private sealed class SynchronousProgress(Action<ExtractionProgress> report) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => report(value);
    }
}

using System.Runtime.CompilerServices;

namespace QuoteExtract;

/// <summary>
/// Runs a function over a sequence with bounded parallelism and yields the results in input order.
/// At most <c>2 × degree</c> items are in flight, so memory stays flat however long the sequence is; once the token
/// is cancelled no further result is yielded.
/// </summary>
internal static class OrderedBatch
{
    public static IEnumerable<TOut> Run<TIn, TOut>(
        IEnumerable<TIn> items, Func<TIn, CancellationToken, TOut> work, int degree, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(degree);
        var window = new Queue<Task<TOut>>();
        try
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                window.Enqueue(Start(item, work, gate, cancellationToken));
                if (window.Count >= 2 * degree)
                {
                    yield return window.Dequeue().GetAwaiter().GetResult();
                }
            }

            while (window.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return window.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Let abandoned work finish before the gate is disposed.
            Task.WaitAll(window.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)).ToArray(), CancellationToken.None);
        }
    }

    public static async IAsyncEnumerable<TOut> RunAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> items,
        Func<TIn, CancellationToken, TOut> work,
        int degree,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(degree);
        var window = new Queue<Task<TOut>>();
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // Checked here too: a source that ignores the token must not keep the batch going.
                cancellationToken.ThrowIfCancellationRequested();
                window.Enqueue(Start(item, work, gate, cancellationToken));
                if (window.Count >= 2 * degree)
                {
                    yield return await window.Dequeue().ConfigureAwait(false);
                }
            }

            while (window.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return await window.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            await Task.WhenAll(window.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    private static Task<TOut> Start<TIn, TOut>(TIn item, Func<TIn, CancellationToken, TOut> work, SemaphoreSlim gate, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return work(item, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            },
            cancellationToken);
}

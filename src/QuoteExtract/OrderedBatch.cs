using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace QuoteExtract;

/// <summary>
/// Runs a function over a sequence with bounded parallelism and yields the results in input order.
/// At most <c>2 × degree</c> items are in flight, so memory stays flat however long the sequence is; once the token
/// is cancelled no further result is yielded.
/// </summary>
internal static class OrderedBatch
{
    /// <summary>
    /// The synchronous form runs the work on <paramref name="degree"/> dedicated threads that block while idle. Handing
    /// each item to the thread pool instead made idle pool workers and the waiting consumer spin on every hand-off:
    /// measured on the CLI, more than half of the process's CPU time, taken from the workers on a 2-core machine.
    /// The threads start with the enumeration and stop when the enumerator is disposed (as <c>foreach</c> does); they are
    /// background threads, so an enumerator that is dropped undisposed cannot keep the process alive.
    /// </summary>
    public static IEnumerable<TOut> Run<TIn, TOut>(
        IEnumerable<TIn> items, Func<TIn, CancellationToken, TOut> work, int degree, CancellationToken cancellationToken)
    {
        var workers = new Workers<TIn, TOut>(work, degree, cancellationToken);
        var window = new Queue<Workers<TIn, TOut>.Slot>();
        try
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                window.Enqueue(workers.Add(item));
                if (window.Count >= 2 * degree)
                {
                    yield return window.Dequeue().Result();
                }
            }

            while (window.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return window.Dequeue().Result();
            }
        }
        finally
        {
            // Items not started yet are dropped; the ones running finish before the enumerator is disposed.
            workers.Stop();
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

    /// <summary>A fixed set of threads taking items from a queue, each item's result or exception delivered through its slot.</summary>
    private sealed class Workers<TIn, TOut>
    {
        private readonly Func<TIn, CancellationToken, TOut> _work;
        private readonly CancellationToken _cancellationToken;
        private readonly Queue<Slot> _queue = new();
        private readonly Thread[] _threads;
        private bool _stopped;

        public Workers(Func<TIn, CancellationToken, TOut> work, int degree, CancellationToken cancellationToken)
        {
            _work = work;
            _cancellationToken = cancellationToken;
            _threads = new Thread[degree];
            for (int i = 0; i < degree; i++)
            {
                _threads[i] = new Thread(Loop) { IsBackground = true, Name = "QuoteExtract batch worker" };
                _threads[i].Start();
            }
        }

        public Slot Add(TIn item)
        {
            var slot = new Slot(item);
            lock (_queue)
            {
                _queue.Enqueue(slot);
                Monitor.Pulse(_queue);
            }

            return slot;
        }

        /// <summary>Drops the items not started and waits for the running ones.</summary>
        public void Stop()
        {
            lock (_queue)
            {
                _stopped = true;
                _queue.Clear();
                Monitor.PulseAll(_queue);
            }

            foreach (var thread in _threads)
            {
                thread.Join();
            }
        }

        private void Loop()
        {
            while (true)
            {
                Slot slot;
                lock (_queue)
                {
                    while (_queue.Count == 0 && !_stopped)
                    {
                        Monitor.Wait(_queue);
                    }

                    if (_queue.Count == 0)
                    {
                        return;
                    }

                    slot = _queue.Dequeue();
                }

                try
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    slot.Complete(_work(slot.Item, _cancellationToken), null);
                }
                catch (Exception e)
                {
                    slot.Complete(default!, ExceptionDispatchInfo.Capture(e));
                }
            }
        }

        /// <summary>One item: its result, or the exception its work threw, once a worker is done with it.</summary>
        public sealed class Slot(TIn item)
        {
            private readonly object _gate = new();
            private TOut _result = default!;
            private ExceptionDispatchInfo? _error;
            private bool _done;

            public TIn Item { get; } = item;

            public void Complete(TOut result, ExceptionDispatchInfo? error)
            {
                lock (_gate)
                {
                    _result = result;
                    _error = error;
                    _done = true;
                    Monitor.PulseAll(_gate);
                }
            }

            /// <summary>Blocks until the item is done; rethrows its exception as thrown.</summary>
            public TOut Result()
            {
                lock (_gate)
                {
                    while (!_done)
                    {
                        Monitor.Wait(_gate);
                    }
                }

                _error?.Throw();
                return _result;
            }
        }
    }
}

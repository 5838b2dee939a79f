namespace QuoteExtract;

/// <summary>
/// Counts the work of extractions run on one thread, in abstract units (characters scanned, automaton steps,
/// candidate and mention comparisons), so that tests can check that work grows linearly with the input by
/// counting rather than timing. Layers report the size of each loop they enter with <see cref="Add"/>, not each
/// iteration; when no meter is attached to the thread that is one thread-static read.
/// </summary>
internal sealed class WorkMeter
{
    [ThreadStatic]
    private static WorkMeter? t_current;

    private long _units;

    /// <summary>Units counted so far; safe to read from another thread while the extraction runs.</summary>
    public long Units => Volatile.Read(ref _units);

    /// <summary>Counts <paramref name="units"/> on the meter attached to this thread, if any.</summary>
    public static void Add(long units)
    {
        if (t_current is { } meter)
        {
            Volatile.Write(ref meter._units, meter._units + units);
        }
    }

    /// <summary>Attaches this meter to the current thread until the returned scope is disposed.</summary>
    public Scope Attach()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    /// <summary>Restores the meter that was attached before.</summary>
    internal readonly struct Scope(WorkMeter? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}

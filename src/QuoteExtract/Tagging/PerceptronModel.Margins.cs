using System.Runtime.CompilerServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// The margin table of a two-class model (the attribution scorer's): its only question is "class 1 minus class 0", so
/// each feature's two weights are kept as their difference, in a copy of the lookup table whose slot holds that
/// difference instead of where the weights are. One cache line per feature instead of two (bucket, then a 64-byte
/// dense row of which four bytes are used), and a table a fifth of the size, which stays in the caches between
/// candidates. The copy is filled in the same order with the same keys as the lookup table, so a key finds exactly
/// the slot it finds there (fingerprint collisions included), and the integer sum is the same as scoring both classes
/// and subtracting.
/// </summary>
internal sealed partial class PerceptronModel
{
    /// <summary>Models of this many classes get the margin table (and no dense rows: nothing reads them per token).</summary>
    private const int MarginClasses = 2;

    private readonly uint[]? _margins;
    private readonly int _marginBase;

    /// <summary>True for a two-class model, which <see cref="Margin"/> answers from its margin table.</summary>
    public bool HasMargins => _margins is not null;

    /// <summary>
    /// The integer score of class 1 minus that of class 0 over <paramref name="features"/>: what <see cref="Score"/>
    /// gives as <c>scores[1] - scores[0]</c>, for a two-class model only.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model does not have two classes.</exception>
    public int Margin(ReadOnlySpan<ulong> features)
    {
        if (_margins is null)
        {
            throw new InvalidOperationException($"Margins are kept for two-class models only; this one has {ClassCount} classes.");
        }

        // Every lookup is independent of the others, so the reads of all features are in flight together.
        var buckets = _margins.AsSpan(_marginBase);
        int margin = 0;
        foreach (var feature in features)
        {
            margin += (int)Find(buckets, feature);
        }

        return margin;
    }

    /// <summary>
    /// <see cref="Margin"/> of this model and of <paramref name="other"/> over the same features in one loop, so that
    /// both tables' reads for a feature are in flight together (the attribution scorer's two stages share features).
    /// </summary>
    /// <exception cref="InvalidOperationException">Either model does not have two classes.</exception>
    public (int Own, int Other) MarginPair(PerceptronModel other, ReadOnlySpan<ulong> features)
    {
        if (_margins is null || other._margins is null)
        {
            throw new InvalidOperationException("Margins are kept for two-class models only.");
        }

        var own = _margins.AsSpan(_marginBase);
        var theirs = other._margins.AsSpan(other._marginBase);
        int a = 0, b = 0;
        foreach (var feature in features)
        {
            a += (int)Find(own, feature);
            b += (int)other.Find(theirs, feature);
        }

        return (a, b);
    }

    /// <summary>One feature's class-1 weight minus its class-0 weight, from its packed (class, weight) entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MarginOf(ReadOnlySpan<uint> entries)
    {
        int margin = 0;
        foreach (var entry in entries)
        {
            margin += (entry >> 16) == 1 ? (short)entry : -(short)entry;
        }

        return margin;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuoteExtract.Tagging;

/// <summary>
/// Rows of integer class scores, padded to a whole number of 8-int vectors so that adding one row to another is a
/// few vector adds. Integer addition is exact and associative, so rows can be summed in any grouping and order.
/// </summary>
internal static class ScoreRows
{
    /// <summary>The padded row width for <paramref name="classCount"/> classes.</summary>
    public static int Width(int classCount) => (classCount + 7) & ~7;

    /// <summary>Adds <paramref name="source"/> to <paramref name="target"/> element-wise (equal lengths, a multiple of 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<int> target, ReadOnlySpan<int> source)
    {
        if (target.Length != source.Length || (source.Length & 7) != 0)
        {
            throw new ArgumentException("Rows must have the same padded width.", nameof(source));
        }

        ref int t = ref MemoryMarshal.GetReference(target);
        ref int s = ref MemoryMarshal.GetReference(source);
        if (Vector256.IsHardwareAccelerated)
        {
            for (nuint k = 0; k < (nuint)source.Length; k += 8)
            {
                (Vector256.LoadUnsafe(ref t, k) + Vector256.LoadUnsafe(ref s, k)).StoreUnsafe(ref t, k);
            }

            return;
        }

        for (int k = 0; k < source.Length; k++)
        {
            Unsafe.Add(ref t, k) += Unsafe.Add(ref s, k);
        }
    }

    /// <summary>The first index of the highest score (what a left-to-right scan keeping the first maximum gives).</summary>
    public static int ArgMax(ReadOnlySpan<int> scores)
    {
        int full = scores.Length & ~7;
        if (!Vector256.IsHardwareAccelerated || full == 0)
        {
            int best = 0;
            for (int c = 1; c < scores.Length; c++)
            {
                if (scores[c] > scores[best])
                {
                    best = c;
                }
            }

            return best;
        }

        ref int s = ref MemoryMarshal.GetReference(scores);
        var max = Vector256.LoadUnsafe(ref s);
        for (nuint c = 8; c < (nuint)full; c += 8)
        {
            max = Vector256.Max(max, Vector256.LoadUnsafe(ref s, c));
        }

        var half = Vector128.Max(max.GetLower(), max.GetUpper());
        int highest = Math.Max(Math.Max(half.GetElement(0), half.GetElement(1)), Math.Max(half.GetElement(2), half.GetElement(3)));
        for (int c = full; c < scores.Length; c++)
        {
            highest = Math.Max(highest, scores[c]);
        }

        var wanted = Vector256.Create(highest);
        for (nuint c = 0; c < (nuint)full; c += 8)
        {
            uint hits = Vector256.Equals(Vector256.LoadUnsafe(ref s, c), wanted).ExtractMostSignificantBits();
            if (hits != 0)
            {
                return (int)c + BitOperations.TrailingZeroCount(hits);
            }
        }

        return scores[full..].IndexOf(highest) + full;
    }
}

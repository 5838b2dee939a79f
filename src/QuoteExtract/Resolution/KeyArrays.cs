namespace QuoteExtract.Resolution;

/// <summary>Lookups in the small arrays of keys that names carry, by characters, without enumerators or LINQ.</summary>
internal static class KeyArrays
{
    /// <summary>Whether <paramref name="keys"/> holds <paramref name="key"/> (ordinal).</summary>
    public static bool Contains(string[] keys, ReadOnlySpan<char> key)
    {
        foreach (var k in keys)
        {
            if (key.SequenceEqual(k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the two arrays hold the same keys in the same order.</summary>
    public static bool SequenceEqual(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

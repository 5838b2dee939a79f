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

    /// <summary>
    /// A 64-bit summary of the keys (one bit per key, from its length and first character): two arrays that share a key
    /// have signatures that share a bit, so disjoint signatures rule out any shared key without comparing strings.
    /// </summary>
    public static ulong Signature(string[] keys)
    {
        ulong signature = 0;
        foreach (var key in keys)
        {
            signature |= 1UL << (((key.Length * 31) + (key.Length > 0 ? key[0] : 0)) & 63);
        }

        return signature;
    }
}

using System.Runtime.CompilerServices;

namespace QuoteExtract.Tagging;

/// <summary>
/// 64-bit hashing of feature strings and feature templates. Features are never materialised as strings:
/// a token's character hashes are computed once from its span, and a feature is a mix of a template id
/// with one or more of those hashes. Changing anything here invalidates trained models (bump
/// <see cref="PerceptronModel.FeatureVersion"/>).
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a of a span, lowercased, with every digit folded to 0 (numbers share statistics).</summary>
    public static ulong Normalized(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (var ch in s)
        {
            h = (h ^ Fold(ch)) * FnvPrime;
        }

        return h;
    }

    /// <summary><see cref="Normalized(ReadOnlySpan{char})"/>, also giving the prefix hashes of length 1 to 3 from the same pass.</summary>
    public static ulong Normalized(ReadOnlySpan<char> s, out ulong prefix1, out ulong prefix2, out ulong prefix3)
    {
        ulong h = FnvOffset;
        prefix1 = prefix2 = prefix3 = 0;
        for (int i = 0; i < s.Length; i++)
        {
            h = (h ^ Fold(s[i])) * FnvPrime;
            if (i < 3)
            {
                if (i == 0)
                {
                    prefix1 = h ^ (1UL << 56);
                }
                else if (i == 1)
                {
                    prefix2 = h ^ (2UL << 56);
                }
                else
                {
                    prefix3 = h ^ (3UL << 56);
                }
            }
        }

        // Words shorter than a prefix use the whole word.
        if (s.Length < 3)
        {
            prefix3 = h ^ (3UL << 56);
            if (s.Length < 2)
            {
                prefix2 = h ^ (2UL << 56);
                if (s.Length < 1)
                {
                    prefix1 = h ^ (1UL << 56);
                }
            }
        }

        return h;
    }

    /// <summary>FNV-1a of a span as written (case kept).</summary>
    public static ulong Raw(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset ^ 0x5bd1e995UL;
        foreach (var ch in s)
        {
            h = (h ^ ch) * FnvPrime;
        }

        return h;
    }

    /// <summary><see cref="Raw"/> of a text that starts with the text hashed to <paramref name="hash"/> and goes on with <paramref name="more"/>.</summary>
    public static ulong RawContinue(ulong hash, ReadOnlySpan<char> more)
    {
        foreach (var ch in more)
        {
            hash = (hash ^ ch) * FnvPrime;
        }

        return hash;
    }

    /// <summary>
    /// Word shape: X for upper, x for lower, d for digit, the character itself otherwise; runs of the same
    /// class longer than two are cut ("Xxx", "dd.dd", "X.X.").
    /// </summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset ^ 0x27d4eb2dUL;
        char previous = '\0';
        int run = 0;
        foreach (var ch in s)
        {
            char c = char.IsUpper(ch) ? 'X' : char.IsLetter(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run <= 2)
            {
                h = (h ^ c) * FnvPrime;
            }
        }

        return h;
    }

    /// <summary>Hash of the last <paramref name="n"/> normalized characters (the whole word if shorter).</summary>
    public static ulong Suffix(ReadOnlySpan<char> s, int n) => Normalized(s[Math.Max(0, s.Length - n)..]) ^ ((ulong)(n + 8) << 56);

    /// <summary>A feature: template id mixed with one value. Never zero (zero marks an empty table slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) => Finish(a ^ Template(template));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Finish(((a ^ Template(template)) * K1) + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Finish(((((a ^ Template(template)) * K1) + b) * K1) + c);

    private const ulong K1 = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Template(int template) => (ulong)template * 0xD6E8FEB86659FD93UL;

    // Two multiply-xorshift rounds: cheap, and the high bits (used for the table slot) depend on every input bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 31;
        h *= 0xbf58476d1ce4e5b9UL;
        h ^= h >> 29;
        h *= 0x94d049bb133111ebUL;
        h ^= h >> 32;
        return h | 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c switch
    {
        >= '0' and <= '9' => '0',
        >= 'A' and <= 'Z' => (char)(c + 32),
        < (char)128 => c,
        '\u2018' or '\u2019' => '\'',
        '\u2013' or '\u2014' or '\u2015' => '-',
        _ => char.ToLowerInvariant(c),
    };
}

namespace QuoteExtract.Resolution;

/// <summary>
/// Gives a key its <see cref="KeyClasses"/> from the lexicon. Most keys of running text belong to none of those tables,
/// so a small table of the (length, first character) pairs their words have turns most keys away before any lookup.
/// </summary>
internal static class KeyClassifier
{
    /// <summary>Keys longer than this are in none of the tables asked about (checked when the filter is built).</summary>
    private const int MaxLength = 15;

    // Bit (length * 128 + first character) is set when some word of the tables has that length and first character.
    private static readonly ulong[] Starts = BuildStarts();

    /// <summary>The tables of <see cref="KeyClasses"/> that hold <paramref name="key"/>.</summary>
    public static KeyClasses Classify(ReadOnlySpan<char> key)
    {
        if (!MayBeListed(key))
        {
            return KeyClasses.None;
        }

        var classes = KeyClasses.None;
        if (Lexicon.Honorifics.ContainsKey(key))
        {
            classes |= KeyClasses.Honorific;
        }

        if (Lexicon.UnnamedHeads.Contains(key))
        {
            classes |= KeyClasses.UnnamedHead;
        }

        if (Lexicon.Pronouns.TryGetValue(key, out var kind) && kind is PronounKind.Male or PronounKind.Female)
        {
            classes |= kind == PronounKind.Male ? KeyClasses.MalePronoun : KeyClasses.FemalePronoun;
        }

        return classes;
    }

    /// <summary>False when no word of the tables has the key's length and first character (so none can equal it).</summary>
    internal static bool MayBeListed(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || key.Length > MaxLength || key[0] >= 128)
        {
            return false;
        }

        int bit = (key.Length * 128) + key[0];
        return (Starts[bit >> 6] & (1UL << bit)) != 0;
    }

    private static ulong[] BuildStarts()
    {
        var starts = new ulong[(MaxLength + 1) * 128 / 64];
        foreach (var word in Lexicon.Honorifics.Words.Concat(Lexicon.UnnamedHeads.Words).Concat(Lexicon.Pronouns.Words))
        {
            if (word.Length is 0 or > MaxLength || word[0] >= 128)
            {
                throw new InvalidOperationException($"Lexicon word '{word}' is outside what the key filter covers.");
            }

            int bit = (word.Length * 128) + word[0];
            starts[bit >> 6] |= 1UL << bit;
        }

        return starts;
    }
}

namespace QuoteExtract.Tagging;

/// <summary>Character-level properties of a token, used by the feature templates.</summary>
[Flags]
internal enum CharacterFlags : ushort
{
    None = 0,
    InitialUpper = 1,
    AllUpper = 2,
    HasDigit = 4,
    HasHyphen = 8,
    HasPeriod = 16,
    SpaceBefore = 32,
    SpaceAfter = 64,
    SentenceStart = 128,
    AllLetters = 256,
    HasLower = 512,

    /// <summary>Some letter is upper case (what lets a token start an entity, see <see cref="EntityGate"/>).</summary>
    HasUpper = 1024,
}

/// <summary>
/// Everything the feature templates need from one token, computed once per token from its span so that the
/// templates only mix precomputed hashes (no strings, no allocation).
/// </summary>
internal struct TokenInfo
{
    public ulong Norm;
    public ulong Raw;
    public ulong Shape;
    public ulong Prefix1;
    public ulong Prefix2;
    public ulong Prefix3;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public CharacterFlags Flags;
    public Gazetteer.Flags Gazetteer;

    /// <summary>Flags that depend on where a token stands, not on its spelling (what <see cref="ComputeWord"/> leaves out).</summary>
    public const CharacterFlags ContextFlags = CharacterFlags.SpaceBefore | CharacterFlags.SpaceAfter | CharacterFlags.SentenceStart;

    /// <summary>Fills <paramref name="info"/> for the token <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/>.</summary>
    public static void Compute(ReadOnlySpan<char> text, int start, int end, bool sentenceStart, out TokenInfo info)
    {
        ComputeWord(text[start..end], out info);
        info.Flags |= Context(text, start, end, sentenceStart);
    }

    /// <summary>Everything of <see cref="Compute"/> that depends only on the spelling <paramref name="word"/> (no <see cref="ContextFlags"/>).</summary>
    public static void ComputeWord(ReadOnlySpan<char> word, out TokenInfo info)
    {
        info.Norm = FeatureHash.Normalized(word, out info.Prefix1, out info.Prefix2, out info.Prefix3);
        info.Raw = FeatureHash.Raw(word);
        info.Shape = FeatureHash.Shape(word);
        info.Suffix1 = FeatureHash.Suffix(word, 1);
        info.Suffix2 = FeatureHash.Suffix(word, 2);
        info.Suffix3 = FeatureHash.Suffix(word, 3);
        info.Suffix4 = FeatureHash.Suffix(word, 4);

        var flags = CharacterFlags.None;
        bool allUpper = true, allLetters = true;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    allUpper = false;
                    flags |= CharacterFlags.HasLower;
                }
                else if (char.IsUpper(c))
                {
                    flags |= CharacterFlags.HasUpper;
                }
            }
            else
            {
                allLetters = false;
                if (char.IsDigit(c))
                {
                    flags |= CharacterFlags.HasDigit;
                }
                else if (c is '-' or '\u2010' or '\u2011')
                {
                    flags |= CharacterFlags.HasHyphen;
                }
                else if (c == '.')
                {
                    flags |= CharacterFlags.HasPeriod;
                }
            }
        }

        if (word.Length > 0 && char.IsUpper(word[0]))
        {
            flags |= CharacterFlags.InitialUpper;
            if (allUpper)
            {
                flags |= CharacterFlags.AllUpper;
            }
        }

        if (allLetters)
        {
            flags |= CharacterFlags.AllLetters;
        }

        info.Flags = flags;
        // The lists hold only short words that start with a letter; skip the lookup for everything else.
        info.Gazetteer = word.Length is > 1 and <= 16 && char.IsLetter(word[0]) ? Tagging.Gazetteer.Of(word) : Tagging.Gazetteer.Flags.None;
    }

    /// <summary>The <see cref="ContextFlags"/> of the token <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/>.</summary>
    public static CharacterFlags Context(ReadOnlySpan<char> text, int start, int end, bool sentenceStart)
    {
        var flags = CharacterFlags.None;
        if (start == 0 || char.IsWhiteSpace(text[start - 1]))
        {
            flags |= CharacterFlags.SpaceBefore;
        }

        if (end >= text.Length || char.IsWhiteSpace(text[end]))
        {
            flags |= CharacterFlags.SpaceAfter;
        }

        if (sentenceStart)
        {
            flags |= CharacterFlags.SentenceStart;
        }

        return flags;
    }
}

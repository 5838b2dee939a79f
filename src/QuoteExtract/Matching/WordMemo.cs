using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuoteExtract.Matching;

/// <summary>
/// A small direct-mapped memo from a short token's exact text to the word part of its feature key (see
/// <see cref="TokenFeatures"/>: word-table entry, exact spellings, shapes), which depends on the text alone. A token of
/// at most <see cref="MaxLength"/> characters is read as two 64-bit numbers (its characters and its length), so a token
/// seen before costs two reads and one probe instead of a pass over its characters (hash and shape), a word-table probe
/// and spelling and shape comparisons; news text repeats its short words all the time. Tokens of up to
/// <see cref="MaxLongLength"/> characters (one in eight of news tokens, and the costliest to compute) have a table of their
/// own, keyed by four numbers. An entry a colliding word overwrites is computed again when next needed, so the memo is
/// exact and bounded. Scratch memory of one <see cref="PikeVm"/>; it survives calls and token-alphabet clears (it holds
/// no class numbers).
/// </summary>
internal sealed class WordMemo
{
    /// <summary>Longest token kept: seven characters leave the high 16 bits of the second number for the length.</summary>
    public const int MaxLength = 7;

    // 8,192 entries of three words (192 KB): most short word forms of a few documents stay.
    private const int SlotBits = 13;

    private readonly ulong[] _entries = new ulong[3 << SlotBits];

    /// <summary>Longest token kept in the table of long tokens: fifteen characters leave the high 16 bits of the fourth number for the length.</summary>
    public const int MaxLongLength = 15;

    // 4,096 entries of five words (160 KB) for tokens of 8 to 15 characters.
    private const int LongSlotBits = 12;

    private readonly ulong[] _longEntries = new ulong[5 << LongSlotBits];

    /// <summary>
    /// Packs the token of <paramref name="length"/> characters at <paramref name="start"/> of <paramref name="text"/> into
    /// <paramref name="low"/> (characters 0-3) and <paramref name="high"/> (characters 4-6 and the length); false when it is
    /// empty, longer than <see cref="MaxLength"/>, or too near the end of the text to read eight characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPack(ReadOnlySpan<char> text, int start, int length, out ulong low, out ulong high)
    {
        if ((uint)(length - 1) >= MaxLength || text.Length - start < 8)
        {
            low = high = 0;
            return false;
        }

        var bytes = MemoryMarshal.AsBytes(text.Slice(start, 8));
        low = MemoryMarshal.Read<ulong>(bytes);
        high = MemoryMarshal.Read<ulong>(bytes[8..]);
        if (length < 4)
        {
            low &= (1UL << (16 * length)) - 1;
            high = 0;
        }
        else
        {
            high &= (1UL << (16 * (length - 4))) - 1;
        }

        // The length tells "ab" from "ab\0": characters past it are masked to zero.
        high |= (ulong)length << 48;
        return true;
    }

    /// <summary>The word part remembered for the packed token, if its entry still holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong low, ulong high, out ulong word)
    {
        int at = Slot(low, high);
        var entries = _entries;
        if (entries[at] == low && entries[at + 1] == high)
        {
            word = entries[at + 2];
            return true;
        }

        word = 0;
        return false;
    }

    /// <summary>Remembers <paramref name="word"/> for the packed token, in place of whatever its entry held.</summary>
    public void Set(ulong low, ulong high, ulong word)
    {
        int at = Slot(low, high);
        _entries[at] = low;
        _entries[at + 1] = high;
        _entries[at + 2] = word;
    }

    /// <summary>
    /// Packs the token of 8 to <see cref="MaxLongLength"/> characters at <paramref name="start"/> of <paramref name="text"/>
    /// into <paramref name="key"/> (characters 0-14, the length in the last number's high 16 bits); false for any other length,
    /// or when the token is too near the end of the text to read sixteen characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPackLong(ReadOnlySpan<char> text, int start, int length, out LongKey key)
    {
        if ((uint)(length - (MaxLength + 1)) > MaxLongLength - (MaxLength + 1) || text.Length - start < 16)
        {
            key = default;
            return false;
        }

        var bytes = MemoryMarshal.AsBytes(text.Slice(start, 16));
        ulong a = MemoryMarshal.Read<ulong>(bytes), b = MemoryMarshal.Read<ulong>(bytes[8..]);
        ulong c = MemoryMarshal.Read<ulong>(bytes[16..]), d = MemoryMarshal.Read<ulong>(bytes[24..]);
        if (length < 12)
        {
            c &= (1UL << (16 * (length - 8))) - 1;
            d = 0;
        }
        else
        {
            d &= (1UL << (16 * (length - 12))) - 1;
        }

        key = new LongKey(a, b, c, d | ((ulong)length << 48));
        return true;
    }

    /// <summary>The word part remembered for the packed long token, if its entry still holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(in LongKey key, out ulong word)
    {
        int at = LongSlot(key);
        var entries = _longEntries;
        if (entries[at] == key.A && entries[at + 1] == key.B && entries[at + 2] == key.C && entries[at + 3] == key.D)
        {
            word = entries[at + 4];
            return true;
        }

        word = 0;
        return false;
    }

    /// <summary>Remembers <paramref name="word"/> for the packed long token, in place of whatever its entry held.</summary>
    public void Set(in LongKey key, ulong word)
    {
        int at = LongSlot(key);
        _longEntries[at] = key.A;
        _longEntries[at + 1] = key.B;
        _longEntries[at + 2] = key.C;
        _longEntries[at + 3] = key.D;
        _longEntries[at + 4] = word;
    }

    // The last number is never zero (it holds the length), so an unused entry matches no token.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LongSlot(in LongKey key) =>
        5 * (int)((((key.A ^ key.C) * 0x9E3779B97F4A7C15UL) ^ ((key.B ^ key.D) * 0xC2B2AE3D27D4EB4FUL)) >> (64 - LongSlotBits));

    // The high number is never zero (it holds the length), so an unused entry matches no token.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong low, ulong high) => 3 * (int)(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL)) >> (64 - SlotBits));

    /// <summary>A token of 8 to <see cref="MaxLongLength"/> characters, packed by <see cref="TryPackLong"/>.</summary>
    public readonly record struct LongKey(ulong A, ulong B, ulong C, ulong D);
}

using System.Globalization;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Text;

/// <summary>Character tests shared by the tokenizer and the quote analysis; ASCII first because news text is mostly ASCII.</summary>
internal static class CharClass
{
    /// <summary>Characters CoreNLP skips between tokens: whitespace, no-break and zero-width spaces, BOM, bidi marks, controls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSkippable(char c)
    {
        if (c < 128)
        {
            return c <= ' ' || c == '\x7F';
        }

        return c switch
        {
            '\u00A0' or '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u180E' => true,
            >= '\u202A' and <= '\u202E' => true,
            >= '\u0080' and <= '\u009F' => true,
            _ => char.IsWhiteSpace(c),
        };
    }

    /// <summary>Line breaks, for paragraph detection.</summary>
    public static bool IsNewline(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\f' or '\v';

    /// <summary>Letters, digits and combining marks: the body of a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == '\u00AD';
    }

    /// <summary>
    /// UTF-8 read as Windows-1252 or Latin-1 (<c>FranÃ§ois</c>, <c>GuantÃ¡namo</c>, <c>Trumpâ€™s</c>): after a lead
    /// character Ã, Â or â (or its decomposed tilde or circumflex), the symbols and punctuation that stand for
    /// continuation bytes stay inside the word instead of splitting the name (and <c>‚</c> opening a quotation).
    /// </summary>
    public static bool IsMojibakeContinuation(char previous, char c) =>
        previous is 'Ã' or 'Â' or 'â' or '€' or '\u0303' or '\u0302' && ((c >= '\u0080' && c <= '\u00BF' && c is not ('\u00A0' or '«' or '»'))
            || c is '€' or '‚' or 'ƒ' or '„' or '…' or '†' or '‡' or 'ˆ' or '‰' or 'Š' or '‹' or 'Œ' or 'Ž' or '‘' or '’' or '“' or '”' or '•' or '–' or '—' or '˜' or '™' or 'š' or '›' or 'œ' or 'ž' or 'Ÿ');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => c < 128 ? (uint)(c - 'A') <= 'Z' - 'A' : char.IsUpper(c);

    /// <summary>Straight and typographic apostrophes / single quotes that can sit inside a word.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’' or '\u02BC';

    /// <summary>Marks that open a bracket or quotation, after which a straight quote opens.</summary>
    public static bool IsOpener(char c) => c is '(' or '[' or '{' or '<' or '“' or '‘' or '«' or '‹' or '—' or '–' or '-' or '/';
}

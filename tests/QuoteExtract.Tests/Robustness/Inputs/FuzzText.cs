using System.Text;
using CsCheck;

namespace QuoteExtract.Tests.Robustness.Inputs;

/// <summary>
/// CsCheck generators of hostile documents: generated news mutated by insertions of quotation marks, apostrophes,
/// line ends, surrogates (paired and lone), right-to-left text, bidi and control characters and huge tokens, by
/// deletions, duplications and case changes; plus arbitrary UTF-16 and quote-mark soup. Shared by the property tests
/// (a few hundred cases) and the fuzz harness (hours of cases).
/// </summary>
internal static class FuzzText
{
    private static readonly string[] Snippets =
    [
        "“", "”", "‘", "’", "\"", "'", "«", "»", "‹", "›", "„", "`", "``", "''", "’”", "“‘", " “", "” ", "’s", "n’t", "'90s",
        "\r\n", "\r", "\n", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\u0085", "\f", "\v", "\t",
        "😀", "👩‍👩‍👧", "🇺🇳", "𝐀", "\uD83D", "\uDE00", "\uDC00\uD800", "\uFE0F",
        "مرحبا", "שלום", "\u202E", "\u202C", "\u200F", "\u200E", "\u200B", "\u200D", "\uFEFF", "\u00AD", "e\u0301", "日本",
        "\0", "\u0001", "\u001B", "\u007F", "\u0090", "\uFFFD", "\uFFFF",
        " said Jane Okoro.", " he said.", "According to officials, ", ": ", " told reporters that ", " Mr. ", " U.S. ", " Sen. Ada Walsh, ",
        "<a href=\"x\">", "</p>", "&amp;", "http://example.com/a?b=c", "jane@example.com", "...", "…", " -- ", "—", " - ", "4.5", "2,000",
        "!", "?", ".", ",", ";", "(", ")", "[", "]",
    ];

    private static readonly Gen<string> Payload = Gen.Frequency(
        (10, Gen.OneOf(Snippets)),
        (3, Gen.String[Gen.Char, 1, 6]),
        (1, Gen.Select(Gen.OneOf(Snippets), Gen.Int[2, 2000], (s, n) => string.Concat(Enumerable.Repeat(s, n)))),
        (1, Gen.Select(Gen.Char['a', 'z'], Gen.Int[100, 20_000], (c, n) => new string(c, n))));

    private static readonly Gen<Edit> Edits = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1000], Gen.Int[0, 1000], Payload,
        (kind, at, span, payload) => new Edit(kind, at, span, payload));

    /// <summary>Generated news of 1 to 12 paragraphs with up to 25 edits.</summary>
    public static Gen<string> MutatedNews { get; } = Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 12], Edits.Array[0, 25],
        (seed, paragraphs, edits) => Apply(NewsText.Generate(seed, paragraphs), edits));

    /// <summary>Mostly mutated news; sometimes arbitrary UTF-16 code units or a soup of marks and words.</summary>
    public static Gen<string> Document { get; } = Gen.Frequency(
        (8, MutatedNews),
        (1, Gen.String[Gen.Char, 0, 400]),
        (1, Gen.Select(Gen.OneOf(Snippets).Array[0, 300], parts => string.Concat(parts))));

    private static string Apply(string text, Edit[] edits)
    {
        var s = new StringBuilder(text);
        foreach (var e in edits)
        {
            int at = (int)((long)e.At * s.Length / 1000);
            int span = Math.Min(s.Length - at, (int)((long)e.Span * Math.Min(s.Length, 400) / 1000));
            switch (e.Kind)
            {
                case 0:
                    s.Insert(at, e.Payload);
                    break;
                case 1:
                    s.Remove(at, span);
                    break;
                case 2:
                    s.Insert(at, s.ToString(at, span));
                    break;
                case 3:
                    s.Remove(at, Math.Min(1, s.Length - at)).Insert(at, e.Payload);
                    break;
                case 4:
                    var upper = s.ToString(at, span).ToUpperInvariant();
                    s.Remove(at, span).Insert(at, upper);
                    break;
                default:
                    s.Replace("\n", "\r\n");
                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>One edit: its kind, where (per mille of the text), how much, and what to insert.</summary>
    private sealed record Edit(int Kind, int At, int Span, string Payload);
}

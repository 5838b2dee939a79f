using System.Text;

namespace QuoteExtract.Tests.Robustness.Inputs;

/// <summary>
/// The hostile inputs of the robustness policy (docs/robustness.md), each built at any size from a seed, so that
/// the tests run them small and the stress harness runs them at full size through the same code paths.
/// </summary>
internal static class HostileText
{
    private static readonly string[] Words =
        ["the", "council", "said", "Jane", "Okoro", "told", "reporters", "that", "plan", "would", "work", "he", "she",
         "according", "to", "officials", "David", "Chen", "warned", "budget", "city", "on", "Tuesday", "it", "was"];

    /// <summary>Scripts and code points that stress offsets: RTL, CJK, combining marks, emoji sequences, astral letters, bidi controls.</summary>
    private static readonly string[] Exotic =
    [
        "مرحبا بالعالم", "שלום עולם", "\u202Eevil\u202C", "\u200F", "\u200E", "\u200D", "日本語の文章", "Привет, мир",
        "नमस्ते", "e\u0301", "👩‍👩‍👧‍👦", "👍🏽", "🇺🇳", "😀", "𝐀𝐁𝐂", "\U0001F600\uFE0F", "«Да», — сказал он.", "„Ja“, sagte sie.",
        "「はい」と彼は言った。", "\uFEFF", "\u00A0", "\u2028", "\u2029", "\t", "\v", "\f", "\u0085",
    ];

    /// <summary>Generated news sentences on one line (no line break at all) of about <paramref name="length"/> characters.</summary>
    public static string SingleLine(int seed, int length) => NewsText.OfLength(seed, length, " ").Replace("  ", " ", StringComparison.Ordinal);

    /// <summary><paramref name="count"/> quotation marks that never close, of every style, between words and cues.</summary>
    public static string UnmatchedQuotes(int seed, int count)
    {
        var random = new Random(seed);
        string[] openers = ["“", "‘", "«", "„", "\"", "'", "‹", "``", "“‘"];
        var text = new StringBuilder(count * 12);
        for (int i = 0; i < count; i++)
        {
            text.Append(openers[random.Next(openers.Length)]).Append(Words[random.Next(Words.Length)]).Append(' ');
            if (random.Next(4) == 0)
            {
                text.Append("said Jane Okoro ");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// An attribution, then <paramref name="count"/> straight double quotation marks in a row: thousands of tiny
    /// quotations, each looking for an attribution before it (the fuzz harness found this quadratic).
    /// </summary>
    public static string StraightQuoteRun(int count) =>
        "According to Omar Haddad, the budget would cover the costs. \"The budget would cover " + new string('"', count) + " he said.";

    /// <summary>Quotations nested <paramref name="depth"/> deep in alternating styles, all closed, then a cue and a speaker.</summary>
    public static string NestedQuotes(int depth)
    {
        var text = new StringBuilder(depth * 12);
        for (int i = 0; i < depth; i++)
        {
            text.Append(i % 2 == 0 ? "“" : "‘").Append("level ");
        }

        text.Append("core");
        for (int i = depth - 1; i >= 0; i--)
        {
            text.Append(i % 2 == 0 ? "”" : "’").Append(i % 7 == 0 ? " said Jane Okoro " : " ");
        }

        return text.Append("said David Chen.").ToString();
    }

    /// <summary><paramref name="tokens"/> words with no punctuation at all: one sentence, one paragraph, many cues and names.</summary>
    public static string NoPunctuation(int seed, int tokens)
    {
        var random = new Random(seed);
        var text = new StringBuilder(tokens * 7);
        for (int i = 0; i < tokens; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(Words[random.Next(Words.Length)]);
        }

        return text.ToString();
    }

    /// <summary>Nothing but short attributions with names and pronouns, about <paramref name="length"/> characters on one line.</summary>
    public static string DenseAttributions(int seed, int length)
    {
        var random = new Random(seed);
        string[] names = ["Jane Okoro", "David Chen", "Okoro", "Chen", "he", "she", "they", "the senator", "officials"];
        string[] cues = ["said", "told reporters", "added", "warned"];
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            var name = names[random.Next(names.Length)];
            var cue = cues[random.Next(cues.Length)];
            text.Append(random.Next(3) switch
            {
                0 => $"“Yes,” {cue} {name}. ",
                1 => $"{char.ToUpperInvariant(name[0])}{name[1..]} {cue} it was so. ",
                _ => $"“No,” {name} {cue}, “never.” ",
            });
        }

        return text.ToString();
    }

    /// <summary>News paragraphs interleaved with right-to-left text, other scripts, emoji and surrogate pairs.</summary>
    public static string MixedScripts(int seed, int length)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 1024);
        var paragraph = new StringBuilder();
        while (text.Length < length)
        {
            paragraph.Clear();
            NewsText.AppendParagraph(paragraph, random);
            int n = random.Next(1, 5);
            for (int i = 0; i < n; i++)
            {
                // Anywhere, even inside a word or between the halves of an earlier surrogate pair.
                paragraph.Insert(random.Next(paragraph.Length + 1), " " + Exotic[random.Next(Exotic.Length)] + " ");
            }

            text.Append(paragraph).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>Uniformly random bytes.</summary>
    public static byte[] BinaryGarbage(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>UTF-8 news text with ill-formed sequences spliced in: stray continuation bytes, truncated and overlong forms, encoded surrogates.</summary>
    public static byte[] InvalidUtf8(int seed, int length)
    {
        byte[][] bad = [[0x80], [0xBF], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0xFE]];
        var random = new Random(seed);
        var good = Encoding.UTF8.GetBytes(NewsText.OfLength(seed, length));
        var output = new List<byte>(good.Length + (good.Length / 50));
        foreach (var b in good)
        {
            if (random.Next(200) == 0)
            {
                output.AddRange(bad[random.Next(bad.Length)]);
            }

            output.Add(b);
        }

        return output.ToArray();
    }

    /// <summary>The same text with every LF as CRLF.</summary>
    public static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);
}

using System.Text;

namespace QuoteExtract.Tests.Robustness.Inputs;

/// <summary>
/// Generated news-like text (never corpus text): paragraphs of direct, indirect and mixed quotes with named
/// speakers, pronouns, titles, numbers, abbreviations and plain narration, from a seeded random source so that
/// every size and seed is reproducible. Shared by the tests and the fuzz harness.
/// </summary>
internal static class NewsText
{
    private static readonly string[] Names =
        ["Jane Okoro", "David Chen", "Maria Lopez", "Tom Becker", "Elena Ruiz", "Sen. Ada Walsh", "Gov. Li Wei", "Omar Haddad"];

    private static readonly string[] Cues = ["said", "told reporters", "warned", "argued", "added", "insisted", "wrote"];

    private static readonly string[] Claims =
    [
        "the council cannot wait another year for a plan of this size",
        "the budget of $4.5 million would cover about 60% of the costs",
        "nobody in the U.S. government had seen the report before Tuesday",
        "the new bridge will open by the end of 2027",
        "voters deserve a clear answer on taxes",
        "the talks were productive but far from over",
    ];

    private static readonly string[] Narration =
    [
        "The city approved the project on Tuesday after months of debate.",
        "About 3,000 people attended the meeting at City Hall, officials said.",
        "The measure passed 7-2, with two members absent.",
        "Shares of the company fell 4.2% in early trading on Wall St.",
        "The committee's report, released late Friday, runs to 240 pages.",
    ];

    /// <summary>A document of about <paramref name="paragraphs"/> paragraphs joined by <paramref name="newline"/>.</summary>
    public static string Generate(int seed, int paragraphs, string newline = "\n")
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                text.Append(newline).Append(newline);
            }

            AppendParagraph(text, random);
        }

        return text.ToString();
    }

    /// <summary>Text of at least <paramref name="length"/> characters made of generated paragraphs, cut at a paragraph end.</summary>
    public static string OfLength(int seed, int length, string newline = "\n")
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 1024);
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                text.Append(newline).Append(newline);
            }

            AppendParagraph(text, random);
        }

        return text.ToString();
    }

    /// <summary>One paragraph: one to three sentences of quotes and narration.</summary>
    public static void AppendParagraph(StringBuilder text, Random random)
    {
        int sentences = random.Next(1, 4);
        for (int s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                text.Append(' ');
            }

            var name = Names[random.Next(Names.Length)];
            var cue = Cues[random.Next(Cues.Length)];
            var claim = Claims[random.Next(Claims.Length)];
            text.Append(random.Next(8) switch
            {
                0 => $"“{Capitalize(claim)},” {cue} {name}, who has led the effort since 2019.",
                1 => $"{name} {cue} that {claim}.",
                2 => $"\"{Capitalize(claim)},\" {name} {cue}. \"We won't stop now.\"",
                3 => $"According to {name}, {claim}.",
                4 => $"{name} {cue} the plan would “{claim}” and called it ‘a start.’",
                5 => $"“{Capitalize(claim)}. It's that simple,” she {cue}.",
                _ => Narration[random.Next(Narration.Length)],
            });
        }
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}

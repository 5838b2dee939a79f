namespace QuoteExtract.Benchmarks;

/// <summary>
/// Text to measure on: the PolNeAR dev texts read from ../shared at run time when present (never copied
/// into the repository), otherwise generated news-like text with quotes.
/// </summary>
internal static class BenchmarkCorpus
{
    public static IReadOnlyList<string> Documents { get; } = Load();

    public static long WordCount { get; } = Documents.Sum(CountWords);

    private static List<string> Load()
    {
        var dir = FindDevTexts();
        if (dir is not null)
        {
            var files = Directory.GetFiles(dir, "*.txt");
            Array.Sort(files, StringComparer.Ordinal);
            return files.Select(File.ReadAllText).ToList();
        }

        return Enumerable.Range(0, 80).Select(Generate).ToList();
    }

    private static string? FindDevTexts()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "data", "polnear", "dev", "text");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Generate(int seed)
    {
        var random = new Random(seed);
        string[] names = ["Jane Okoro", "David Chen", "Maria Lopez", "Tom Becker", "Elena Ruiz"];
        string[] verbs = ["said", "stated", "told reporters", "warned", "argued"];
        var writer = new StringWriter();
        for (int p = 0; p < 30; p++)
        {
            var name = names[random.Next(names.Length)];
            var verb = verbs[random.Next(verbs.Length)];
            writer.Write(random.Next(3) switch
            {
                0 => $"“The council cannot wait another year for a plan of this size,” {verb} {name}, who has led the effort since 2019.",
                1 => $"{name} {verb} that the budget of $4.5 million would cover about 60% of the costs in the first phase.",
                _ => $"The city approved the project on Tuesday after months of debate, and the U.S. government will pay for part of it.",
            });
            writer.Write("\n\n");
        }

        return writer.ToString();
    }

    private static long CountWords(string text)
    {
        long words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord)
            {
                words++;
            }

            inWord = isWordChar;
        }

        return words;
    }
}

using System.Reflection;

namespace QuoteExtract.Matching;

/// <summary>Grammar and lexicon files embedded under Resources/Grammar.</summary>
internal static class GrammarResources
{
    /// <summary>The text of the embedded file <paramref name="fileName"/> (e.g. <c>sample-attribution.patterns</c>).</summary>
    public static string Read(string fileName)
    {
        var assembly = typeof(GrammarResources).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("Grammar/" + fileName, StringComparison.Ordinal) || n.EndsWith("Grammar." + fileName, StringComparison.Ordinal))
            ?? throw new FileNotFoundException($"No embedded grammar resource '{fileName}'.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The sample attribution grammar compiled with its lexicon.</summary>
    public static CompiledPatterns CompileSample() =>
        PatternCompiler.Compile(Read("sample-attribution.patterns"), LexiconSet.Parse(Read("sample-attribution.lexicon"), "sample-attribution.lexicon"), "sample-attribution.patterns");
}

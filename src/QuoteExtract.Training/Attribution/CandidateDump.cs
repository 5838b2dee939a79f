using System.Text.Json;
using QuoteExtract.Attribution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Training.Attribution;

/// <summary>
/// Writes every grammar candidate of every text (before scoring and selection) in the scorer's prediction format,
/// so <c>score.py</c>'s any-overlap recall on it is the candidate coverage, per kind and per cue.
/// </summary>
internal static class CandidateDump
{
    public static int Run(string textDirectory, string outputPath, TextWriter output)
    {
        var extractor = new AttributionExtractor(AttributionGrammar.Create(new QuoteExtractorOptions()), AttributionScorer.Default);
        using var writer = new StreamWriter(outputPath);
        int documents = 0, candidates = 0;
        foreach (var path in Directory.EnumerateFiles(textDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            var tagged = Tagger.Default.Tag(TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph));
            candidates += WriteLine(writer, Path.GetFileName(path), tagged, extractor.Candidates(tagged, CancellationToken.None));
            documents++;
        }

        output.WriteLine($"documents {documents}, candidates {candidates}");
        return 0;
    }

    /// <summary>
    /// Writes one document's <paramref name="candidates"/> as a prediction line, each with its rule (or what
    /// <paramref name="ruleOf"/> names it); returns how many were written.
    /// </summary>
    public static int WriteLine(TextWriter writer, string source, TaggedText tagged, IEnumerable<Candidate> candidates, Func<Candidate, string>? ruleOf = null)
    {
        var analysis = tagged.Analysis;
        object? Span(int first, int end) => end <= first ? null : new { start = analysis.Tokens[first].Start, end = analysis.Tokens[end - 1].End };
        var quotes = candidates.Select(c => new
        {
            kind = c.Kind.ToString().ToLowerInvariant(),
            rule = ruleOf is null ? c.Rule : ruleOf(c),
            content = c.Content2.IsNone ? [Span(c.Content.Start, c.Content.End)] : new[] { Span(c.Content.Start, c.Content.End), Span(c.Content2.Start, c.Content2.End) },
            cue = c.Cue.IsNone ? null : Span(c.Cue.Start, c.Cue.End),
            speaker = c.Speaker.IsNone ? null : Span(c.Speaker.Start, c.Speaker.End),
            confidence = c.Score,
        }).Where(q => q.content[0] is not null).ToList();
        writer.WriteLine(JsonSerializer.Serialize(new { source, quotes }));
        return quotes.Count;
    }
}

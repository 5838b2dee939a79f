using QuoteExtract.Attribution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Training.Attribution;

/// <summary>Prints a text's tokens with their tags and every attribution candidate, to see why a rule did or did not fire.</summary>
internal static class AttributionDebug
{
    public static int Run(string file, string? grep, TextWriter output)
    {
        var text = File.ReadAllText(file);
        var analysis = TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph);
        var tagged = Tagger.Default.Tag(analysis);
        var extractor = new AttributionExtractor(AttributionGrammar.Create(new QuoteExtractorOptions()), AttributionScorer.Default);
        foreach (var sentence in analysis.Sentences)
        {
            var sentenceText = text[sentence.Start..sentence.End];
            if (grep is not null && !sentenceText.Contains(grep, StringComparison.Ordinal))
            {
                continue;
            }

            output.WriteLine(string.Join(' ', Enumerable.Range(sentence.FirstToken, sentence.TokenCount)
                .Select(t => $"{analysis.TokenText(t)}/{tagged.Pos[t]}{(tagged.EntityTags[t].Type == EntityType.None ? "" : "/" + tagged.EntityTags[t].Type)}")));
        }

        foreach (var q in analysis.Quotations)
        {
            if (grep is null || text[q.Start..q.End].Contains(grep, StringComparison.Ordinal))
            {
                output.WriteLine($"quotation depth {q.Depth}{(q.IsClosed ? "" : " unclosed")}: {text[q.Start..q.End]}");
            }
        }

        foreach (var c in extractor.Candidates(tagged, CancellationToken.None))
        {
            var content = Slice(analysis, c.Content.Start, c.ContentEnd);
            if (grep is not null && !content.Contains(grep, StringComparison.Ordinal) && !text[analysis.Tokens[c.Cue.Start].Start..].StartsWith(grep, StringComparison.Ordinal))
            {
                continue;
            }

            output.WriteLine($"{c.Score:0.00} {c.Rule} [{(c.Speaker.IsNone ? "-" : Slice(analysis, c.Speaker.Start, c.Speaker.End))}] <{Slice(analysis, c.Cue.Start, c.Cue.End)}> {c.Kind} {c.Category} «{content}»");
        }

        return 0;
    }

    private static string Slice(AnalyzedText analysis, int first, int end) =>
        analysis.Text[analysis.Tokens[first].Start..analysis.Tokens[end - 1].End];
}

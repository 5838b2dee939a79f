using System.Text.Json;

namespace QuoteExtract.Training.Seed;

/// <summary>
/// Checks the extractor against the hand-made gold of the seed article (../shared/seed/expected.json):
/// every required attribution found with its speaker mention, cue and entity, and no not-quote reported.
/// </summary>
internal static class SeedCheck
{
    public static int Run(string seedDirectory, TextWriter output)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(seedDirectory, "expected.json")));
        var root = expected.RootElement;
        var text = File.ReadAllText(Path.Combine(seedDirectory, root.GetProperty("document").GetString()!));
        var result = QuoteExtractor.CreateDefault().Extract(text);

        int required = 0, found = 0, speakerAndCue = 0, entity = 0, optionalFound = 0, optional = 0;
        foreach (var gold in root.GetProperty("attributions").EnumerateArray())
        {
            var isRequired = gold.GetProperty("required").GetBoolean();
            var content = gold.GetProperty("content").GetString()!;
            var speaker = gold.GetProperty("speaker").GetString();
            var cue = gold.GetProperty("cue").GetString();
            var entityName = gold.GetProperty("entity").GetString();
            var candidates = result.Quotes.Where(q => q.Content.Text.Contains(content, StringComparison.Ordinal)).ToList();
            var best = candidates.FirstOrDefault(q => SpeakerMatches(q, speaker) && CueMatches(q, cue)) ?? candidates.FirstOrDefault();
            var ok = best is not null;
            var structureOk = ok && SpeakerMatches(best!, speaker) && CueMatches(best!, cue);
            var entityOk = ok && best!.Entity?.Name == entityName;
            if (isRequired)
            {
                required++;
                found += ok ? 1 : 0;
                speakerAndCue += structureOk ? 1 : 0;
                entity += entityOk ? 1 : 0;
            }
            else
            {
                optional++;
                optionalFound += structureOk ? 1 : 0;
            }

            var mark = !ok ? "MISSING " : !structureOk ? "WRONG   " : !entityOk ? "ENTITY  " : "ok      ";
            output.WriteLine(
                $"{mark}{(isRequired ? "" : "(optional) ")}{speaker ?? "-"} / {cue ?? "-"} / {content}"
                + (ok ? $"   => {best!.Speaker?.Text ?? "-"} / {best.Cue?.Text ?? "-"} / entity {best.Entity?.Name ?? "null"}" : ""));
        }

        int notQuotes = 0;
        foreach (var notQuote in root.GetProperty("not_quotes").EnumerateArray())
        {
            var s = notQuote.GetString()!;
            foreach (var q in result.Quotes.Where(q => q.Content.Text.Contains(s, StringComparison.Ordinal) || s.Contains(q.Content.Text, StringComparison.Ordinal)))
            {
                notQuotes++;
                output.WriteLine($"NOT-QUOTE reported: {q.Content.Text}");
            }
        }

        int named = 0, namedFound = 0;
        foreach (var gold in root.GetProperty("entities").EnumerateArray())
        {
            if (gold.GetProperty("type").GetString() != "person")
            {
                continue;
            }

            named++;
            var name = gold.GetProperty("name").GetString();
            bool listed = result.Entities.Any(e => e.Type == EntityKind.Person && e.Name == name);
            namedFound += listed ? 1 : 0;
            if (!listed)
            {
                output.WriteLine($"ENTITY-LIST missing person {name}");
            }
        }

        output.WriteLine($"seed-required-found: {found}/{required}");
        output.WriteLine($"seed-required-speaker-and-cue: {speakerAndCue}/{required}");
        output.WriteLine($"seed-required-entity: {entity}/{required}");
        output.WriteLine($"seed-optional-found: {optionalFound}/{optional}");
        output.WriteLine($"seed-not-quotes-reported: {notQuotes}");
        output.WriteLine($"seed-predictions: {result.Quotes.Count}");
        output.WriteLine($"seed-named-people-listed: {namedFound}/{named}");
        return speakerAndCue == required && entity == required && notQuotes == 0 && namedFound == named ? 0 : 1;
    }

    private static bool SpeakerMatches(Quote quote, string? speaker) =>
        speaker is null || string.Equals(quote.Speaker?.Text, speaker, StringComparison.Ordinal);

    private static bool CueMatches(Quote quote, string? cue) =>
        cue is null || (quote.Cue?.Text.Contains(cue, StringComparison.Ordinal) ?? false);
}

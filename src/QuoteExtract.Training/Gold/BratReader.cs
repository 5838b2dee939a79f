using System.Globalization;
using System.Text.RegularExpressions;

namespace QuoteExtract.Training.Gold;

/// <summary>
/// Reads a PolNeAR split (text/ and attributions/ in brat standoff) with the same rules as eval/score.py:
/// the alphabetically first .ann per document, records that continue over several physical lines,
/// roles taken from the E line, relations without content left out.
/// </summary>
internal static partial class BratReader
{
    [GeneratedRegex(@"^(?:[TERAMN]\d+|#\d*|\*)\t")]
    private static partial Regex RecordStart();

    public static IEnumerable<GoldDocument> ReadSplit(string splitDirectory)
    {
        var annotations = Directory.GetFiles(Path.Combine(splitDirectory, "attributions"), "*.ann");
        Array.Sort(annotations, StringComparer.Ordinal);
        var firstByDocument = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ann in annotations)
        {
            var name = Path.GetFileNameWithoutExtension(ann);
            var cut = name.LastIndexOf('_');
            var document = cut > 0 && name.Length - cut - 1 == 4 ? name[..cut] : name;
            firstByDocument.TryAdd(document, ann);
        }

        var texts = Directory.GetFiles(Path.Combine(splitDirectory, "text"), "*.txt");
        Array.Sort(texts, StringComparer.Ordinal);
        foreach (var textPath in texts)
        {
            var name = Path.GetFileNameWithoutExtension(textPath);
            if (firstByDocument.TryGetValue(name, out var ann))
            {
                yield return new GoldDocument(name, File.ReadAllText(textPath), Parse(File.ReadAllText(ann)));
            }
        }
    }

    public static List<GoldAttribution> Parse(string content)
    {
        var records = new List<string>();
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (RecordStart().IsMatch(line))
            {
                records.Add(line);
            }
            else if (records.Count > 0)
            {
                records[^1] += "\n" + line;
            }
        }

        var spans = new Dictionary<string, List<GoldSpan>>(StringComparer.Ordinal);
        var relations = new List<string[]>();
        foreach (var record in records)
        {
            var fields = record.Split('\t');
            if (record[0] == 'T' && fields.Length >= 2)
            {
                var labelAndOffsets = fields[1].Split(' ', 2);
                if (labelAndOffsets.Length == 2)
                {
                    spans[fields[0]] = labelAndOffsets[1].Split(';')
                        .Select(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        .Select(p => new GoldSpan(int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))
                        .ToList();
                }
            }
            else if (record[0] == 'E' && fields.Length >= 2)
            {
                relations.Add(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var result = new List<GoldAttribution>();
        foreach (var args in relations)
        {
            List<GoldSpan> source = [], cue = [], contentSpans = [];
            foreach (var arg in args.Skip(1))
            {
                var parts = arg.Split(':', 2);
                if (parts.Length != 2 || !spans.TryGetValue(parts[1], out var fragments))
                {
                    continue;
                }

                if (parts[0].StartsWith("Content", StringComparison.Ordinal))
                {
                    contentSpans.AddRange(fragments);
                }
                else if (parts[0].StartsWith("Source", StringComparison.Ordinal))
                {
                    source.AddRange(fragments);
                }
                else if (parts[0].StartsWith("Cue", StringComparison.Ordinal))
                {
                    cue.AddRange(fragments);
                }
            }

            if (contentSpans.Count > 0)
            {
                result.Add(new GoldAttribution(source, cue, contentSpans));
            }
        }

        return result;
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace QuoteExtract.Training.Silver;

/// <summary>Reads <c>silver.tsv.gz</c>: <c># doc NAME</c> headers, 8-column token lines, a blank line after each sentence.</summary>
internal static class SilverReader
{
    public static IEnumerable<SilverDocument> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        string? name = null;
        var sentences = new List<IReadOnlyList<SilverToken>>();
        var sentence = new List<SilverToken>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith("# doc ", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    Flush();
                    yield return new SilverDocument(name, sentences);
                }

                name = line["# doc ".Length..].Trim();
                sentences = [];
                continue;
            }

            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 8)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 8 tab-separated columns, found {f.Length}.");
            }

            sentence.Add(new SilverToken(
                int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
                f[2], f[3], f[4], f[5], int.Parse(f[6], CultureInfo.InvariantCulture), f[7]));
        }

        Flush();
        if (name is not null)
        {
            yield return new SilverDocument(name, sentences);
        }

        void Flush()
        {
            if (sentence.Count > 0)
            {
                sentences.Add(sentence);
                sentence = [];
            }
        }
    }
}

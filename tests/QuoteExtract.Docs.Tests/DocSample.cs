using System.Text.RegularExpressions;

namespace QuoteExtract.Docs.Tests;

/// <summary>A fenced <c>```csharp</c> block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Line">1-based line of the opening fence.</param>
/// <param name="Code">The block's code.</param>
internal sealed partial record DocSample(string File, int Line, string Code)
{
    /// <summary>The C# blocks of a Markdown file, in order.</summary>
    public static IReadOnlyList<DocSample> Read(string relativePath)
    {
        var lines = System.IO.File.ReadAllLines(Repository.PathOf(relativePath));
        var samples = new List<DocSample>();
        for (int i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            // The block ends at a closing fence of the same character, at least as long and without an info string.
            var fence = open.Groups["fence"].Value;
            int end = i + 1;
            while (end < lines.Length && !(lines[end].TrimStart().StartsWith(fence, StringComparison.Ordinal) && lines[end].Trim().Trim(fence[0]).Length == 0))
            {
                end++;
            }

            if (open.Groups["info"].Value is "csharp" or "cs" or "c#")
            {
                samples.Add(new DocSample(relativePath, i + 1, string.Join('\n', lines[(i + 1)..end])));
            }

            i = end;
        }

        return samples;
    }

    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex(@"^\s{0,3}(?<fence>`{3,}|~{3,})\s*(?<info>[^\s`]*)")]
    private static partial Regex Fence();
}

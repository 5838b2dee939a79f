namespace QuoteExtract.Cli.Input;

/// <summary>
/// Turns the command line's PATH arguments into documents: a file is itself, a directory is its
/// <c>*.txt</c> files found recursively in ordinal path order, <c>-</c> is standard input.
/// Paths that cannot be used are reported as failures, never thrown.
/// </summary>
internal static class InputExpander
{
    public const string SampleSource = "sample-article.txt";

    public static (List<InputDocument> Documents, List<InputFailure> Failures) Expand(IReadOnlyList<string> paths, Func<Stream> stdin)
    {
        var documents = new List<InputDocument>();
        var failures = new List<InputFailure>();
        if (paths.Count == 0)
        {
            documents.Add(new InputDocument(SampleSource, OpenSample));
            return (documents, failures);
        }

        foreach (var path in paths)
        {
            if (path == "-")
            {
                documents.Add(new InputDocument("-", stdin));
            }
            else if (Directory.Exists(path))
            {
                try
                {
                    var files = Directory.EnumerateFiles(path, "*.txt", new EnumerationOptions
                    {
                        RecurseSubdirectories = true,
                        IgnoreInaccessible = true,
                        AttributesToSkip = FileAttributes.None,
                        MatchCasing = MatchCasing.CaseSensitive,
                    }).ToList();
                    files.Sort(StringComparer.Ordinal);
                    documents.AddRange(files.Select(f => new InputDocument(f, () => File.OpenRead(f))));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Add(new InputFailure(path, $"cannot list directory: {e.Message}"));
                }
            }
            else if (File.Exists(path))
            {
                documents.Add(new InputDocument(path, () => File.OpenRead(path)));
            }
            else
            {
                failures.Add(new InputFailure(path, "no such file or directory"));
            }
        }

        return (documents, failures);
    }

    private static Stream OpenSample() =>
        typeof(InputExpander).Assembly.GetManifestResourceStream("QuoteExtract.Cli.sample-article.txt")
        ?? throw new InvalidOperationException("The embedded sample article is missing from the tool.");
}

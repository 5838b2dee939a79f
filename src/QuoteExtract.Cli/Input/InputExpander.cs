namespace QuoteExtract.Cli.Input;

/// <summary>
/// Turns the command line's PATH arguments into documents: a file is itself, a directory is its
/// <c>*.txt</c> files found recursively (links to directories are not followed) in ordinal path order,
/// <c>-</c> is standard input. Paths that cannot be used are reported as failures, never thrown.
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
                var files = TextFilesBelow(path, failures);
                files.Sort(StringComparer.Ordinal);
                documents.AddRange(files.Select(f => new InputDocument(f, () => File.OpenRead(f), SizeOf(f))));
            }
            else if (File.Exists(path))
            {
                documents.Add(new InputDocument(path, () => File.OpenRead(path), SizeOf(path)));
            }
            else
            {
                failures.Add(new InputFailure(path, "no such file or directory"));
            }
        }

        return (documents, failures);
    }

    /// <summary>
    /// The <c>*.txt</c> files below <paramref name="root"/>, hidden ones included. Links to files are listed (a dangling
    /// one then fails alone when read); links to directories are not followed, so that a link loop cannot make the
    /// listing endless. A directory that cannot be listed is a failure; the rest is still listed.
    /// </summary>
    private static List<string> TextFilesBelow(string root, List<InputFailure> failures)
    {
        var files = new List<string>();
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options))
                {
                    var path = Path.Combine(directory, entry.Name);
                    if (entry is DirectoryInfo)
                    {
                        if (entry.LinkTarget is null)
                        {
                            pending.Push(path);
                        }
                    }
                    else if (entry.Name.EndsWith(".txt", StringComparison.Ordinal))
                    {
                        files.Add(path);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new InputFailure(directory, $"cannot list directory: {e.Message}"));
            }
        }

        return files;
    }

    /// <summary>The file's size in bytes, or 0 when it cannot be read now (reading it later reports the failure).</summary>
    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static Stream OpenSample() =>
        typeof(InputExpander).Assembly.GetManifestResourceStream("QuoteExtract.Cli.sample-article.txt")
        ?? throw new InvalidOperationException("The embedded sample article is missing from the tool.");
}

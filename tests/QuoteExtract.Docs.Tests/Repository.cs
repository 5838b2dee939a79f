namespace QuoteExtract.Docs.Tests;

/// <summary>Files of the repository these tests run in.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuoteExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QuoteExtract.sln not found above the test directory.");
    }
}

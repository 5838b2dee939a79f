namespace QuoteExtract.Tests.Acceptance;

/// <summary>
/// A test that reads the project's shared material (../shared next to the repository) at run time.
/// CI always has it; a clone without it skips these tests with the reason instead of failing.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedData.Find(relativePath) is null)
        {
            Skip = $"../shared/{relativePath} is not present next to the repository.";
        }
    }
}

/// <summary>Finds ../shared beside the repository (the folder above the one holding QuoteExtract.sln).</summary>
internal static class SharedData
{
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuoteExtract.sln")))
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", relativePath);
                return Directory.Exists(candidate) || File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}

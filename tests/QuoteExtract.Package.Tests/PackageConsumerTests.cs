using System.Diagnostics;
using System.IO.Compression;

namespace QuoteExtract.Package.Tests;

/// <summary>
/// Packs src/QuoteExtract into a local folder and builds a separate app that references the package by
/// version from that folder, as a user would. A package that only works as a project reference is not a package.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qx-pkg-" + Guid.NewGuid().ToString("N"));

    public PackageConsumerTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Packed_library_installs_from_a_folder_and_extracts_quotes()
    {
        var root = RepositoryRoot();
        var feed = Path.Combine(_work, "feed");
        var version = "0.0.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

        Run(root, "dotnet", "pack", "src/QuoteExtract/QuoteExtract.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}");

        var nupkg = Path.Combine(feed, $"QuoteExtract.{version}.nupkg");
        File.Exists(nupkg).Should().BeTrue();
        File.Exists(Path.Combine(feed, $"QuoteExtract.{version}.snupkg")).Should().BeTrue();
        using (var archive = ZipFile.OpenRead(nupkg))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            entries.Should().Contain("README.md");
            entries.Should().Contain("lib/net10.0/QuoteExtract.dll");
            entries.Should().Contain("lib/net10.0/QuoteExtract.xml");
        }

        var app = Path.Combine(_work, "app");
        Directory.CreateDirectory(app);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer")))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var sample = Path.Combine(_work, "article.txt");
        File.WriteAllText(sample, "The council met on Tuesday.\n\n“We will build it,” said Jane Okoro.\n");

        var packages = Path.Combine(_work, "packages");
        Run(app, "dotnet", "restore", "--packages", packages, $"-p:QuoteExtractVersion={version}");
        var output = Run(app, "dotnet", "run", "--no-restore", $"-p:QuoteExtractVersion={version}", "--", sample);

        output.Should().Contain("Jane Okoro\t“We will build it,”");
        Directory.Exists(Path.Combine(packages, "quoteextract", version)).Should().BeTrue("the app must use the packed package");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QuoteExtract.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("QuoteExtract.sln not found above the test directory.");
    }

    private static string Run(string workingDirectory, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A nested build must not inherit the MSBuild settings of the `dotnet test` that runs this test.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue($"{file} {string.Join(' ', args)} should finish");
        process.ExitCode.Should().Be(0, $"{file} {string.Join(' ', args)} failed:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}

using System.Diagnostics;
using FluentAssertions;

namespace QuoteExtract.Package.Tests;

/// <summary>
/// Packs src/QuoteExtract into a local folder and builds the Consumer app against it by version, once for all
/// tests: a separate app that references the package from that folder, as a user would.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qx-pkg-" + Guid.NewGuid().ToString("N"));

    public PackedPackage()
    {
        Directory.CreateDirectory(_work);
        Version = "0.0.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        Feed = Path.Combine(_work, "feed");
        Packages = Path.Combine(_work, "packages");
        Run(RepositoryRoot, "dotnet", "pack", "src/QuoteExtract/QuoteExtract.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}");

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
                <add key="local-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Run(app, "dotnet", "restore", "--packages", Packages, $"-p:QuoteExtractVersion={Version}");
        ConsumerOutput = Path.Combine(_work, "consumer");
        Run(app, "dotnet", "build", "--no-restore", "-c", "Release", "-o", ConsumerOutput, $"-p:QuoteExtractVersion={Version}");
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The package version packed for this run.</summary>
    public string Version { get; }

    /// <summary>The local folder the package was packed into.</summary>
    public string Feed { get; }

    /// <summary>The consumer's package folder (restore's <c>--packages</c>).</summary>
    public string Packages { get; }

    /// <summary>The built consumer app.</summary>
    public string ConsumerOutput { get; }

    public string Nupkg => Path.Combine(Feed, $"QuoteExtract.{Version}.nupkg");

    /// <summary>Runs the consumer app on a text file and returns what it printed.</summary>
    public string RunConsumer(string textPath) => Run(_work, "dotnet", Path.Combine(ConsumerOutput, "Consumer.dll"), textPath);

    /// <summary>Writes a file in the work folder and returns its path.</summary>
    public string WriteFile(string name, string contents)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string FindRepositoryRoot()
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

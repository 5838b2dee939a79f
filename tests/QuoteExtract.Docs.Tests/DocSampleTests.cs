using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace QuoteExtract.Docs.Tests;

/// <summary>
/// Every C# sample of the docs compiles and runs against the built library. A file's samples run in order as
/// script submissions, the way a reader pastes them one after another: a sample may use what an earlier one of
/// the same file declared. Each file starts from what a console app has at hand (its implicit usings), an
/// <c>article.txt</c> in the working directory, and the host objects samples leave to the reader's app
/// (<c>services</c>, <c>configuration</c>, <c>text</c>, <c>texts</c>), declared in <see cref="Prelude"/>.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed partial class DocSampleTests
{
    /// <summary>The Markdown files whose samples are checked; each must have at least one C# sample.</summary>
    private static readonly string[] DocFiles = ["README.md", "src/QuoteExtract/README.md", "docs/getting-started.md", "docs/patterns.md"];

    public static TheoryData<string> Files { get; } = [.. DocFiles];

    private const string Prelude = """
        Microsoft.Extensions.DependencyInjection.IServiceCollection services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.Configuration.IConfiguration configuration =
            Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
                new Microsoft.Extensions.Configuration.ConfigurationBuilder(),
                new Dictionary<string, string?> { ["QuoteExtraction:MinimumConfidence"] = "0.4" }).Build();
        string text = File.ReadAllText("article.txt");
        IEnumerable<string> texts = [text, text.ToUpperInvariant(), ""];
        """;

    // What `dotnet new console` imports implicitly.
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_csharp_sample_compiles_and_runs(string file)
    {
        var samples = DocSample.Read(file);
        samples.Should().NotBeEmpty($"{file} should show the library in C#");

        using var workspace = new SampleWorkspace();
        var options = Options();
        var state = await CSharpScript.RunAsync(Prelude, options);
        foreach (var sample in samples)
        {
            try
            {
                state = await state.ContinueWithAsync(AsSubmission(sample.Code), options);
            }
            catch (CompilationErrorException e)
            {
                throw new Xunit.Sdk.XunitException($"{sample} does not compile:\n{string.Join('\n', e.Diagnostics)}\n\n{sample.Code}");
            }
        }
    }

    [Fact]
    public void Every_doc_of_the_issue_exists()
    {
        foreach (var doc in new[] { "getting-started", "concepts", "patterns", "cli", "models", "performance", "design" })
        {
            File.Exists(Repository.PathOf($"docs/{doc}.md")).Should().BeTrue($"docs/{doc}.md is part of the documentation");
        }
    }

    [Fact]
    public void No_other_markdown_file_has_an_unchecked_csharp_sample()
    {
        var withSamples = Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repository.Root, "README.md", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => DocSample.Read(f).Count > 0);

        withSamples.Should().BeSubsetOf(DocFiles);
    }

    [Fact]
    public void The_design_doc_draws_the_data_flow_as_a_mermaid_diagram()
    {
        var design = File.ReadAllText(Repository.PathOf("docs/design.md"));

        design.Should().Contain("```mermaid\nflowchart");
        foreach (var layer in new[] { "Text/", "Tagging/", "Matching/", "Attribution/", "Resolution/" })
        {
            design.Should().Contain(layer);
        }
    }

    /// <summary>
    /// A sample as a script submission. Scripts cannot declare <c>using var</c> at their top level, which console
    /// apps (what the samples are written for) can; such a declaration is submitted as a plain <c>var</c>.
    /// </summary>
    private static string AsSubmission(string code) => UsingDeclaration().Replace(code, "${indent}var ");

    [GeneratedRegex(@"^(?<indent>[ \t]*)using var ", RegexOptions.Multiline)]
    private static partial Regex UsingDeclaration();

    private static ScriptOptions Options() => ScriptOptions.Default
        .AddReferences(
            typeof(Console).Assembly,
            typeof(System.Text.Json.JsonSerializer).Assembly,
            typeof(AsyncEnumerable).Assembly,
            typeof(QuoteExtractor).Assembly,
            typeof(IServiceCollection).Assembly,
            typeof(ServiceCollection).Assembly,
            typeof(ServiceProvider).Assembly,
            typeof(Microsoft.Extensions.Options.IOptions<>).Assembly,
            typeof(IConfiguration).Assembly,
            typeof(ConfigurationBuilder).Assembly,
            typeof(MemoryConfigurationBuilderExtensions).Assembly,
            typeof(OptionsConfigurationServiceCollectionExtensions).Assembly,
            typeof(ConfigurationBinder).Assembly)
        .WithImports(ImplicitUsings)
        .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);

    /// <summary>A temporary working directory with an <c>article.txt</c>, the file the samples read.</summary>
    private sealed class SampleWorkspace : IDisposable
    {
        private readonly string _previous = Directory.GetCurrentDirectory();
        private readonly string _path = Directory.CreateTempSubdirectory("qx-docs-").FullName;

        public SampleWorkspace()
        {
            // The CLI's embedded sample article is this project's own text.
            File.Copy(Repository.PathOf("src/QuoteExtract.Cli/Resources/sample-article.txt"), Path.Combine(_path, "article.txt"));
            Directory.SetCurrentDirectory(_path);
        }

        public void Dispose()
        {
            Directory.SetCurrentDirectory(_previous);
            Directory.Delete(_path, recursive: true);
        }
    }
}

/// <summary>Tests that change the process's working directory run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    public const string Name = "working directory";
}

using System.IO.Compression;
using QuoteExtract.Tests.Acceptance;

namespace QuoteExtract.Package.Tests;

/// <summary>The packed library, used by version from a local folder. A package that only works as a project reference is not a package.</summary>
public sealed class PackageConsumerTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private const string SeedArticle = "seed/000_63081724c1bcbc33.txt";

    [Fact]
    public void The_package_carries_the_library_its_docs_and_the_notebook_extension()
    {
        File.Exists(Path.ChangeExtension(package.Nupkg, ".snupkg")).Should().BeTrue();
        using var archive = ZipFile.OpenRead(package.Nupkg);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        entries.Should().Contain(["README.md", "lib/net10.0/QuoteExtract.dll", "lib/net10.0/QuoteExtract.xml", "interactive-extensions/dotnet/extension.dib"]);
        using var reader = new StreamReader(archive.GetEntry("interactive-extensions/dotnet/extension.dib")!.Open());
        reader.ReadToEnd().Should().Contain("#!csharp").And.Contain("Formatter.Register<QuoteExtract.QuoteExtractionResult>");
    }

    [Fact]
    public void A_consumer_app_resolves_the_extractor_and_prints_entities_and_contents()
    {
        var article = package.WriteFile("article.txt", "The council met on Tuesday.\n\n“We will build it,” said Jane Okoro.\n");

        var output = package.RunConsumer(article);

        output.Should().Contain("Jane Okoro\t“We will build it,”");
        Directory.Exists(Path.Combine(package.Packages, "quoteextract", package.Version)).Should().BeTrue("the app must use the packed package");
    }

    [SharedDataFact(SeedArticle)]
    public void On_the_seed_article_the_consumer_names_Vladimir_Putin_among_the_speakers()
    {
        var text = File.ReadAllText(SharedData.Find(SeedArticle)!);

        var lines = package.RunConsumer(SharedData.Find(SeedArticle)!).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCountGreaterThan(5);
        var names = lines.Select(l => l.Split('\t')[0]).ToList();
        names.Should().Contain("Vladimir Putin");
        lines.Select(l => l.Split('\t', 2)[1].TrimEnd('\r')).Should().OnlyContain(content => content.Length > 0 && text.Contains(content, StringComparison.Ordinal));
    }
}

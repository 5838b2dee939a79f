using PublicApiGenerator;

namespace QuoteExtract.Tests.Api;

/// <summary>
/// The public surface is deliberate: any change to it shows up here. When a change is intended, copy the
/// written <c>PublicApi.received.txt</c> over <c>tests/QuoteExtract.Tests/Api/PublicApi.approved.txt</c>.
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        var actual = typeof(QuoteExtractor).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"],
        }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "Api", "PublicApi.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (actual != approved)
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "Api", "PublicApi.received.txt"), actual);
        }

        actual.Should().Be(approved, "the public API changed; approve it by updating PublicApi.approved.txt");
    }

    [Fact]
    public void Every_public_type_is_sealed_or_static_or_a_value_type()
    {
        var open = typeof(QuoteExtractor).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed))
            .Select(t => t.FullName);

        open.Should().BeEmpty();
    }
}

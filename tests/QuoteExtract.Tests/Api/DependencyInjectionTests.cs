using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QuoteExtract.Tests.Api;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddQuoteExtraction_registers_one_shared_extractor()
    {
        using var provider = new ServiceCollection().AddQuoteExtraction().BuildServiceProvider();

        var first = provider.GetRequiredService<QuoteExtractor>();
        var second = provider.GetRequiredService<QuoteExtractor>();

        first.Should().BeSameAs(second);
    }

    [Fact]
    public void Configure_delegate_reaches_the_options()
    {
        using var provider = new ServiceCollection()
            .AddQuoteExtraction(o => o.MinimumConfidence = 0.7)
            .BuildServiceProvider();

        provider.GetRequiredService<IOptions<QuoteExtractorOptions>>().Value.MinimumConfidence.Should().Be(0.7);
    }

    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["QuoteExtraction:MinimumConfidence"] = "0.25",
                ["QuoteExtraction:MaxDocumentLength"] = "1000",
                ["QuoteExtraction:ExtraCueWords:0"] = "opined",
            })
            .Build();
        var services = new ServiceCollection();
        services.Configure<QuoteExtractorOptions>(configuration.GetSection("QuoteExtraction"));
        services.AddQuoteExtraction();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<QuoteExtractorOptions>>().Value;

        options.MinimumConfidence.Should().Be(0.25);
        options.MaxDocumentLength.Should().Be(1000);
        options.ExtraCueWords.Should().Equal("opined");
        provider.GetRequiredService<QuoteExtractor>().Should().NotBeNull();
    }

    [Fact]
    public void Categories_and_speaker_resolution_bind_from_configuration_and_reach_the_extractor()
    {
        const string text = "“We will build it,” said Jane Okoro.";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["QuoteExtraction:Categories:0"] = "Speech",
                ["QuoteExtraction:Categories:1"] = "Other",
                ["QuoteExtraction:ResolveSpeakers"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.Configure<QuoteExtractorOptions>(configuration.GetSection("QuoteExtraction"));
        services.AddQuoteExtraction();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<QuoteExtractorOptions>>().Value.Categories
            .Should().BeEquivalentTo([QuoteCategory.Speech, QuoteCategory.Other]);
        var quote = provider.GetRequiredService<QuoteExtractor>().Extract(text).Quotes.Should().ContainSingle().Subject;
        quote.Speaker!.Value.Text.Should().Be("Jane Okoro");
        quote.Entity.Should().BeNull("resolution is off");
    }

    [Fact]
    public void A_bound_category_filter_drops_other_categories()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["QuoteExtraction:Categories:0"] = "Belief" })
            .Build();
        var services = new ServiceCollection();
        services.Configure<QuoteExtractorOptions>(configuration.GetSection("QuoteExtraction"));
        services.AddQuoteExtraction();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<QuoteExtractor>().Extract("“We will build it,” said Jane Okoro.").Quotes.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_options_fail_when_the_extractor_is_resolved()
    {
        using var provider = new ServiceCollection()
            .AddQuoteExtraction(o => o.MinimumConfidence = 2)
            .BuildServiceProvider();

        var act = () => provider.GetRequiredService<QuoteExtractor>();

        act.Should().Throw<ArgumentException>().WithMessage("*MinimumConfidence*");
    }
}

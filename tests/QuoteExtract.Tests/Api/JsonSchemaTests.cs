using System.Text.Json;
using QuoteExtract.Serialization;

namespace QuoteExtract.Tests.Api;

public sealed class JsonSchemaTests
{
    private static readonly SpeakerEntity Okoro = new(
        "e1", "Jane Okoro", EntityKind.Person, Gender.Female, [new TextSpan(25, 35, "Jane Okoro")]);

    private static readonly Quote Sample = new(
        QuoteKind.Direct,
        QuoteCategory.Speech,
        new TextSpan(0, 19, "“We will build it,”"),
        new TextSpan(20, 24, "said"),
        new TextSpan(25, 35, "Jane Okoro"),
        Okoro,
        0.9);

    [Fact]
    public void Quote_is_written_in_the_scorer_schema()
    {
        var json = JsonSerializer.Serialize(Sample, QuoteJsonContext.Default.Quote);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.GetProperty("kind").GetString().Should().Be("direct");
        root.GetProperty("category").GetString().Should().Be("speech");
        root.GetProperty("content").GetProperty("start").GetInt32().Should().Be(0);
        root.GetProperty("content").GetProperty("end").GetInt32().Should().Be(19);
        root.GetProperty("content").GetProperty("text").GetString().Should().Be("“We will build it,”");
        root.GetProperty("content").TryGetProperty("length", out _).Should().BeFalse();
        root.GetProperty("cue").GetProperty("text").GetString().Should().Be("said");
        root.GetProperty("entity").GetProperty("name").GetString().Should().Be("Jane Okoro");
        root.GetProperty("entity").TryGetProperty("mentions", out _).Should().BeFalse("the result's entity list carries mentions");
        root.GetProperty("confidence").GetDouble().Should().Be(0.9);
    }

    [Fact]
    public void Missing_cue_and_speaker_are_written_as_null()
    {
        var json = JsonSerializer.Serialize(Sample with { Cue = null, Speaker = null, Entity = null }, QuoteJsonContext.Default.Quote);

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("cue").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("speaker").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("entity").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Document_round_trips()
    {
        var document = new QuoteDocument("a.txt", [Sample], [Okoro]);

        var json = JsonSerializer.Serialize(document, QuoteJsonContext.Default.QuoteDocument);
        var back = JsonSerializer.Deserialize(json, QuoteJsonContext.Default.QuoteDocument)!;

        back.Source.Should().Be("a.txt");
        back.Entities.Should().ContainSingle().Which.Mentions.Should().Equal(Okoro.Mentions);
        var quote = back.Quotes.Should().ContainSingle().Subject;
        quote.Should().BeEquivalentTo(Sample, o => o.Excluding(q => q.Entity!.Mentions));
        quote.Entity!.Id.Should().Be("e1");
    }

    [Fact]
    public void Discontinuous_content_is_written_as_a_list_of_fragments_and_read_back()
    {
        var split = Sample with
        {
            Content = new TextSpan(0, 40, "“We tried,” she said, “and we failed.”"),
            ContentFragments = [new TextSpan(0, 11, "“We tried,”"), new TextSpan(22, 40, "“and we failed.”")],
        };

        var json = JsonSerializer.Serialize(split, QuoteJsonContext.Default.Quote);
        using var doc = JsonDocument.Parse(json);
        var content = doc.RootElement.GetProperty("content");
        content.ValueKind.Should().Be(JsonValueKind.Array);
        content.GetArrayLength().Should().Be(2);
        content[1].GetProperty("start").GetInt32().Should().Be(22);

        var back = JsonSerializer.Deserialize(json, QuoteJsonContext.Default.Quote)!;
        back.ContentFragments.Should().Equal(split.ContentFragments);
        back.Content.Start.Should().Be(0);
        back.Content.End.Should().Be(40);
    }

    [Fact]
    public void Entity_confidence_is_written_and_read_back()
    {
        var quote = Sample with { EntityConfidence = 0.75 };

        var json = JsonSerializer.Serialize(quote, QuoteJsonContext.Default.Quote);
        var back = JsonSerializer.Deserialize(json, QuoteJsonContext.Default.Quote)!;

        JsonDocument.Parse(json).RootElement.GetProperty("entityConfidence").GetDouble().Should().Be(0.75);
        back.EntityConfidence.Should().Be(0.75);
        JsonSerializer.Deserialize(JsonSerializer.Serialize(Sample, QuoteJsonContext.Default.Quote), QuoteJsonContext.Default.Quote)!
            .EntityConfidence.Should().BeNull();
    }

    [Fact]
    public void An_extracted_result_round_trips_without_its_text()
    {
        const string text = "“We will build it,” said Jane Okoro. “We tried,” she said, “and we failed.” Then the lights went out.";
        var result = new QuoteExtractor(new QuoteExtractorOptions { MaxDocumentLength = 80 }).Extract(text);

        var json = JsonSerializer.Serialize(result, QuoteJsonContext.Default.QuoteExtractionResult);
        var back = JsonSerializer.Deserialize(json, QuoteJsonContext.Default.QuoteExtractionResult)!;

        result.Text.Should().Be(text[..80]);
        result.Quotes.Should().Contain(q => q.ContentFragments != null, "the sample should cover discontinuous content");
        JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("quotes", "entities", "diagnostics");
        back.Text.Should().BeNull();
        back.Diagnostics.Should().Equal(result.Diagnostics).And.ContainSingle(d => d.Code == "text-truncated");
        back.Entities.Should().BeEquivalentTo(result.Entities, o => o.WithStrictOrdering());
        // A discontinuous content is written as its fragments; the covering span's text is not kept (QuoteConverter).
        back.Quotes.Should().BeEquivalentTo(result.Quotes, o => o.WithStrictOrdering().Excluding(q => q.Entity!.Mentions).Excluding(q => q.Content.Text));
        back.Quotes.Zip(result.Quotes).Where(p => p.Second.ContentFragments is null)
            .Should().OnlyContain(p => p.First.Content.Text == p.Second.Content.Text);
    }
}

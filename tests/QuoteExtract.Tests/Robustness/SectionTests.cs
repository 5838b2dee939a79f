using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>
/// Long documents are read in sections (<see cref="DocumentSections"/>) and the sections' results merged: cut at the
/// best break, covering the text, offsets into the whole document, one entity per name.
/// </summary>
public sealed class SectionTests
{
    [Fact]
    public void Sections_cover_the_text_in_order_and_respect_the_length()
    {
        var text = NewsText.OfLength(1, 50_000);

        var sections = DocumentSections.Split(text, 4_000);

        sections[0].Start.Should().Be(0);
        sections.Zip(sections.Skip(1)).Should().OnlyContain(p => p.First.Start + p.First.Length == p.Second.Start);
        (sections[^1].Start + sections[^1].Length).Should().Be(text.Length);
        sections.Should().OnlyContain(s => s.Length <= 4_000 && (s.Length >= 2_000 || s.Start + s.Length == text.Length));
    }

    [Fact]
    public void A_section_ends_after_a_blank_line_when_there_is_one()
    {
        var text = NewsText.OfLength(2, 50_000);

        var sections = DocumentSections.Split(text, 4_000);

        sections.SkipLast(1).Should().OnlyContain(s => text.Substring(s.Start + s.Length - 2, 2) == "\n\n");
    }

    [Theory]
    [InlineData("one line of words with spaces only ", " ")]
    [InlineData("Sentence one, with words. Sentence two, with more words! ", ".!")]
    public void Without_line_breaks_a_section_ends_at_a_sentence_end_or_a_space(string block, string last)
    {
        var text = string.Concat(Enumerable.Repeat(block, 500));

        var sections = DocumentSections.Split(text, 1_000);

        sections.SkipLast(1).Should().OnlyContain(s => last.Contains(text[s.Start + s.Length - 1], StringComparison.Ordinal));
    }

    [Fact]
    public void A_hard_cut_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1_000));

        var sections = DocumentSections.Split(text, 101);

        sections.Should().OnlyContain(s => !char.IsLowSurrogate(text[s.Start]));
    }

    [Fact]
    public void Quotes_of_a_sectioned_document_are_those_of_its_sections_at_document_offsets()
    {
        var paragraph = "The council met on Tuesday.\n\n“We will build it,” said Jane Okoro, who leads the council.\n\n";
        var text = string.Concat(Enumerable.Repeat(paragraph, 40));
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SectionLength = 1_000 });

        var result = extractor.Extract(text);

        result.Diagnostics.Should().ContainSingle(d => d.Code == "text-sectioned");
        result.Quotes.Should().HaveCount(40);
        ResultInvariants.Check(text, result);
        result.Quotes.Select(q => q.Content.Start).Should().Equal(
            Enumerable.Range(0, 40).Select(i => (i * paragraph.Length) + paragraph.IndexOf('“', StringComparison.Ordinal)));
    }

    [Fact]
    public void One_name_in_many_sections_is_one_entity_with_all_its_mentions()
    {
        var paragraph = "“We will build it,” said Jane Okoro.\n\nThe unnamed officials said nothing.\n\n";
        var text = string.Concat(Enumerable.Repeat(paragraph, 30));
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SectionLength = 500 });

        var result = extractor.Extract(text);

        var jane = result.Entities.Should().ContainSingle(e => e.Name == "Jane Okoro").Subject;
        jane.Mentions.Should().HaveCount(30);
        result.Quotes.Where(q => q.Speaker?.Text == "Jane Okoro").Should().OnlyContain(q => ReferenceEquals(q.Entity, jane));
        result.Entities.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Two_entities_of_one_section_with_the_same_name_stay_two_and_mentions_stay_in_order()
    {
        // Found by the full-size stress run: a section with two people the resolver kept apart under one name.
        static SpeakerEntity Person(string id, params int[] starts) =>
            new(id, "Jane", EntityKind.Person, Gender.Unknown, starts.Select(s => new TextSpan(s, s + 4, "Jane")).ToArray());
        var first = Person("e1", 10);
        var again = Person("e1", 2);
        var other = Person("e2", 0, 30);
        var merger = new SectionMerger();

        merger.Add(0, new QuoteExtractionResult([], [first], []));
        merger.Add(100, new QuoteExtractionResult([], [again, other], []));
        var merged = merger.Build([]);

        merged.Entities.Select(e => e.Mentions.Select(m => m.Start)).Should().BeEquivalentTo(
            new[] { new[] { 10, 102 }, new[] { 100, 130 } }, o => o.WithStrictOrdering());
        merged.Entities.Select(e => e.Id).Should().Equal("e1", "e2");
    }
}

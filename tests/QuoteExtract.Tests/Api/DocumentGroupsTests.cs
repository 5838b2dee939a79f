namespace QuoteExtract.Tests.Api;

public sealed class DocumentGroupsTests
{
    [Fact]
    public void Short_documents_are_grouped_by_count()
    {
        var texts = Enumerable.Range(0, (2 * DocumentGroups.MaxDocuments) + 3).Select(i => $"text {i}").ToList();

        var groups = DocumentGroups.Of(texts).ToList();

        groups.Select(g => g.Length).Should().Equal(DocumentGroups.MaxDocuments, DocumentGroups.MaxDocuments, 3);
        groups.SelectMany(g => g).Should().Equal(texts);
    }

    [Fact]
    public void A_group_closes_with_the_document_that_reaches_the_character_budget()
    {
        var third = new string('a', (DocumentGroups.MaxCharacters / 3) + 1);
        var texts = new[] { third, third, third, "short", third };

        var groups = DocumentGroups.Of(texts).ToList();

        groups.Select(g => g.Length).Should().Equal(3, 2);
        groups.SelectMany(g => g).Should().Equal(texts);
    }

    [Fact]
    public void A_document_longer_than_the_budget_closes_the_group_it_joins()
    {
        var texts = new[] { "before", new string('a', DocumentGroups.MaxCharacters + 10), "after" };

        DocumentGroups.Of(texts).Select(g => g.Length).Should().Equal(2, 1);
    }

    [Fact]
    public async Task The_asynchronous_groups_are_the_same()
    {
        var texts = Enumerable.Range(0, 150).Select(i => new string('b', i * 101)).ToList();

        var groups = new List<string[]>();
        await foreach (var group in DocumentGroups.Of(texts.ToAsyncEnumerable()))
        {
            groups.Add(group);
        }

        groups.Should().BeEquivalentTo(DocumentGroups.Of(texts).ToList(), o => o.WithStrictOrdering());
    }
}

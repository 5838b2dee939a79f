using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Tagging;

public class BilouTests
{
    private const EntityType O = EntityType.None, P = EntityType.Person, L = EntityType.Location;

    [Fact]
    public void Classes_round_trip()
    {
        for (int c = 0; c < Bilou.ClassCount; c++)
        {
            Bilou.ToClass(Bilou.FromClass(c)).Should().Be(c);
        }

        Bilou.FromClass(0).Should().Be(EntityTag.Outside);
    }

    [Fact]
    public void Runs_of_the_same_label_become_entities()
    {
        var tags = new EntityTag[6];
        Bilou.FromRuns(new[] { P, P, P, O, L, P }, tags);

        tags.Select(t => t.Position).Should().Equal(
            BilouPosition.Begin, BilouPosition.Inside, BilouPosition.Last, BilouPosition.Outside, BilouPosition.Unit, BilouPosition.Unit);
        tags[4].Type.Should().Be(L);
    }

    [Fact]
    public void Allows_only_well_formed_transitions()
    {
        int beginPerson = Bilou.ToClass(new EntityTag(BilouPosition.Begin, P));
        int lastPerson = Bilou.ToClass(new EntityTag(BilouPosition.Last, P));
        int lastLocation = Bilou.ToClass(new EntityTag(BilouPosition.Last, L));
        int unitLocation = Bilou.ToClass(new EntityTag(BilouPosition.Unit, L));

        Bilou.IsAllowed(0, beginPerson).Should().BeTrue();
        Bilou.IsAllowed(0, lastPerson).Should().BeFalse();
        Bilou.IsAllowed(beginPerson, lastPerson).Should().BeTrue();
        Bilou.IsAllowed(beginPerson, lastLocation).Should().BeFalse();
        Bilou.IsAllowed(beginPerson, 0).Should().BeFalse();
        Bilou.IsAllowed(lastPerson, unitLocation).Should().BeTrue();
        Bilou.CanEnd(beginPerson).Should().BeFalse();
        Bilou.CanEnd(lastPerson).Should().BeTrue();
    }

    [Fact]
    public void Repairs_ill_formed_sequences()
    {
        EntityTag[] tags =
        [
            new(BilouPosition.Inside, P), new(BilouPosition.Last, P), // I L without B: one entity
            new(BilouPosition.Begin, L), // B with no L, then O: ends at the B
            EntityTag.Outside,
            new(BilouPosition.Begin, P), new(BilouPosition.Inside, L), // type change: two entities
            new(BilouPosition.Begin, P), // open at the end
        ];
        var spans = new (int, int, EntityType)[tags.Length];

        int count = Bilou.Spans(tags, spans);

        spans[..count].Should().Equal((0, 2, P), (2, 1, L), (4, 1, P), (5, 1, L), (6, 1, P));
    }

    [Theory]
    [InlineData("PRP$", "PRP_S")]
    [InlineData("WP$", "WP_S")]
    [InlineData("``", "OpenQuote")]
    [InlineData("-LRB-", "LeftBracket")]
    [InlineData("NNP", "NNP")]
    [InlineData(",", "Comma")]
    [InlineData("NFP", "Other")]
    public void Parses_penn_tags(string penn, string name)
    {
        var tag = Enum.Parse<PosTag>(name);
        PosTags.Parse(penn).Should().Be(tag);
        if (tag != PosTag.Other)
        {
            PosTags.ToPenn(tag).Should().Be(penn);
        }
    }
}

using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using static QuoteExtract.Tests.Resolution.AnnotatedText;

namespace QuoteExtract.Tests.Resolution;

// Speaker spans with inner structure, relative pronouns, untagged names. All texts are invented.
public sealed class SpeakerResolverStructureTests
{
    private static readonly SpeakerResolver Resolver = new();

    private static ResolutionResult Resolve(TaggedText text, params SpeakerMention[] speakers) =>
        Resolver.Resolve(text, speakers, CancellationToken.None);

    [Fact]
    public void Relative_pronoun_speaker_is_the_name_before_it()
    {
        var text = Build("The strike entered its third week. [Ana Ruiz]PER, who leads the union, said talks had stalled.");

        var result = Resolve(text, Speaker(text, "who"));

        result.Speakers[0].Entity!.Name.Should().Be("Ana Ruiz");
        result.Speakers[0].Entity!.Mentions.Select(m => m.Text).Should().Equal("Ana Ruiz", "who");
    }

    [Fact]
    public void Premodifying_name_and_name_in_a_prepositional_phrase_are_not_the_speaker()
    {
        var text = Build(
            "[Clinton]PER campaign spokesman [Brian Fallon]PER said the report was false.\n\n" +
            "A spokesman for [Lee]PER declined to comment.");

        var result = Resolve(text, Speaker(text, "Clinton campaign spokesman Brian Fallon"), Speaker(text, "A spokesman for Lee"));

        result.Speakers[0].Entity!.Name.Should().Be("Brian Fallon");
        result.Speakers[1].Entity!.Type.Should().Be(EntityKind.Unnamed);
    }

    [Fact]
    public void Surname_the_recognizer_missed_joins_the_named_person()
    {
        var text = Build(
            "[Kristen Day]PER, executive director of the group, spoke first.\n\n" +
            "Day said the platform had changed.");

        var result = Resolve(text, Speaker(text, "Day", 1));

        result.Speakers[0].Entity!.Name.Should().Be("Kristen Day");
    }

    [Fact]
    public void Untagged_proper_name_speaker_becomes_a_person_not_an_unnamed_source()
    {
        var text = Build("Turnout was low in the north. Okonkwo said voters were tired.");

        var result = Resolve(text, Speaker(text, "Okonkwo"));

        result.Speakers[0].Entity!.Type.Should().Be(EntityKind.Person);
        result.Speakers[0].Entity!.Name.Should().Be("Okonkwo");
    }

    [Fact]
    public void Organisation_nominal_prefers_the_organisation_its_head_names()
    {
        var text = Build(
            "The [Green Party]ORG met donors from [Acme Foods]ORG on Monday.\n\n" +
            "The party said the meeting was routine.");

        var result = Resolve(text, Speaker(text, "The party"));

        result.Speakers[0].Entity!.Name.Should().Be("Green Party");
    }

    [Fact]
    public void Definite_nominal_goes_to_the_organisation_whose_name_holds_its_head()
    {
        var text = Build(
            "The [Northern Relief Fund]ORG cut its forecast on Tuesday, citing the drought in [Kenya]LOC.\n\n" +
            "The fund said recovery would take two years.");

        var result = Resolve(text, Speaker(text, "The fund"));

        result.Speakers[0].Entity!.Name.Should().Be("Northern Relief Fund");
        result.Speakers[0].Entity!.Mentions.Select(m => m.Text).Should().Equal("The Northern Relief Fund", "The fund");
    }

    [Fact]
    public void A_name_inside_a_quotation_is_not_the_antecedent_of_the_speaker_pronoun()
    {
        var text = Build(
            "[John Reed]PER spoke to reporters after the vote.\n\n" +
            "\"[Marek Nowak]PER was wrong about the budget,\" he said.");

        var result = Resolve(text, Speaker(text, "he"));

        result.Speakers[0].Entity!.Name.Should().Be("John Reed");
    }

    [Fact]
    public void They_after_coordinated_people_is_the_pair()
    {
        var text = Build(
            "[Ana Ruiz]PER and [Ben Ito]PER left the talks early.\n\n" +
            "They said the offer was an insult.");

        var result = Resolve(text, Speaker(text, "They"));

        var pair = result.Speakers[0].Entity!;
        pair.Type.Should().Be(EntityKind.Group);
        pair.Name.Should().Be("Ana Ruiz and Ben Ito");
        result.Entities.Select(e => e.Name).Should().Equal("Ana Ruiz", "Ana Ruiz and Ben Ito", "Ben Ito");
    }

    [Fact]
    public void Resolution_is_thread_safe_and_gives_the_same_result_in_parallel()
    {
        var text = Build(
            "Prime Minister [Anna Berg]PER met [Tomas Lind]PER. Some analysts were cautious.\n\n" +
            "They argued the plan was late. \"We disagree,\" the prime minister said. She left.");
        var speakers = new[] { Speaker(text, "They"), Speaker(text, "the prime minister"), Speaker(text, "She") };
        var expected = Resolver.Resolve(text, speakers, CancellationToken.None);

        var results = new ResolutionResult[16];
        Parallel.For(0, results.Length, i => results[i] = Resolver.Resolve(text, speakers, CancellationToken.None));

        foreach (var result in results)
        {
            result.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        }
    }
}

using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using static QuoteExtract.Tests.Resolution.AnnotatedText;

namespace QuoteExtract.Tests.Resolution;

// All texts are invented for these tests. They cover tagger mistakes the resolver repairs in general ways.
public sealed class NameRepairTests
{
    private static readonly SpeakerResolver Resolver = new();

    private static ResolutionResult Resolve(TaggedText text, params SpeakerMention[] speakers) =>
        Resolver.Resolve(text, speakers, CancellationToken.None);

    [Fact]
    public void Organisation_span_shaped_like_a_name_whose_surname_is_a_person_elsewhere_is_that_person()
    {
        var text = Build(
            "[Marek Dolny]ORG has run the port authority since spring. He said that the new cranes would arrive in May.\n\n" +
            "The unions were sceptical. \"We have heard this before,\" said a dock worker.\n\n" +
            "[Dolny]PER insisted that the money was already set aside.");

        var result = Resolve(text, Speaker(text, "He"), Speaker(text, "Dolny", 1));

        var dolny = result.Speakers[1].Entity!;
        dolny.Name.Should().Be("Marek Dolny");
        dolny.Type.Should().Be(EntityKind.Person);
        result.Speakers[0].Entity.Should().BeSameAs(dolny);
    }

    [Fact]
    public void Organisation_span_given_a_persons_role_by_a_copula_is_a_person()
    {
        var text = Build(
            "Governor [Tom Hale]PER presented the budget on Monday. He said that taxes would fall.\n\n" +
            "[Ilse Varga]ORG is the governor's budget adviser. She said that the deficit would shrink next year.");

        var result = Resolve(text, Speaker(text, "He"), Speaker(text, "She"));

        var varga = result.Speakers[1].Entity!;
        varga.Name.Should().Be("Ilse Varga");
        varga.Type.Should().Be(EntityKind.Person);
        result.Speakers[0].Entity!.Name.Should().Be("Tom Hale");
    }

    [Fact]
    public void Organisation_names_without_person_evidence_stay_organisations()
    {
        var text = Build(
            "[Baltic Shipping]ORG said that freight rates would rise. [Harbor News]ORG reported that [Dolny]PER agreed.\n\n" +
            "[Nordic Freight]ORG is a subsidiary of [Baltic Shipping]ORG. It said that its ships were full.\n\n" +
            "[Stop Dolny]ORG said that voters should stop the mayor. [DOCK WORKERS]ORG said that they agreed.");

        var result = Resolve(text, Speaker(text, "Baltic Shipping"), Speaker(text, "Harbor News"), Speaker(text, "It"),
            Speaker(text, "Stop Dolny"), Speaker(text, "DOCK WORKERS"));

        result.Speakers[0].Entity!.Type.Should().Be(EntityKind.Organization);
        result.Speakers[1].Entity!.Type.Should().Be(EntityKind.Organization);
        result.Speakers[2].Entity!.Type.Should().Be(EntityKind.Organization);
        result.Speakers[3].Entity!.Type.Should().Be(EntityKind.Organization);
        result.Speakers[4].Entity!.Type.Should().Be(EntityKind.Organization);
    }

    [Fact]
    public void Given_name_tagged_as_another_word_joins_the_surname_and_names_the_entity()
    {
        var text = Build(
            "Vasko [Merenko]PER, an analyst at the [Institute of Trade]ORG, said that exports had doubled.\n\n" +
            "\"The trend is clear.\"\n\n" +
            "[Merenko]PER said that imports would follow.",
            ("Vasko", PosTag.RB));

        var result = Resolve(text, Speaker(text, "Vasko Merenko"), Speaker(text, "Merenko", 1));

        var merenko = result.Speakers[0].Entity!;
        merenko.Name.Should().Be("Vasko Merenko");
        result.Speakers[1].Entity.Should().BeSameAs(merenko);
        merenko.Mentions.Select(m => m.Text).Should().Equal("Vasko Merenko", "Merenko");
    }

    [Fact]
    public void Sentence_adverb_or_a_word_the_text_writes_in_lower_case_is_not_a_given_name()
    {
        var text = Build(
            "Meanwhile [Merenko]PER said that exports had doubled.\n\n" +
            "Trade [Lund]PER said that trade talks would resume.",
            ("Meanwhile", PosTag.RB), ("Trade", PosTag.NN));

        var result = Resolve(text, Speaker(text, "Merenko"), Speaker(text, "Lund"));

        result.Speakers[0].Entity!.Name.Should().Be("Merenko");
        result.Speakers[1].Entity!.Name.Should().Be("Lund");
    }

    [Fact]
    public void Person_span_tagged_as_common_nouns_keeps_the_full_name()
    {
        var text = Build(
            "President [Wu Tenghai]PER met the delegation on Friday.\n\n" +
            "\"We welcome our partners,\" [Wu]PER said.",
            ("Wu", PosTag.NN), ("Tenghai", PosTag.NN));

        var result = Resolve(text, Speaker(text, "Wu", 1));

        result.Speakers[0].Entity!.Name.Should().Be("Wu Tenghai");
        result.Speakers[0].Entity!.Type.Should().Be(EntityKind.Person);
    }

    [Fact]
    public void Newly_introduced_subject_wins_a_he_over_a_possessor_whose_gender_only_pronouns_voted()
    {
        var text = Build(
            "[Tom Hale]PER opened the session. He said that taxes would fall. [Hale]PER said that roads would improve. " +
            "He added that schools would get more money. [Hale]PER thanked the staff. [Hale]PER greeted the guests. [Hale]PER left early. [Hale]PER called home.\n\n" +
            "[Oskar Brenn]PER is Hale's budget adviser. He said that Hale's plan will cut the deficit, which he described as a turning point.\n\n" +
            "He also said that the plan was fair.");

        var result = Resolve(text,
            Speaker(text, "He"), Speaker(text, "Hale", 1), Speaker(text, "He", 1), Speaker(text, "He", 2), Speaker(text, "He", 3));

        var hale = result.Speakers[1].Entity!;
        hale.Name.Should().Be("Tom Hale");
        result.Speakers[0].Entity.Should().BeSameAs(hale);
        result.Speakers[2].Entity.Should().BeSameAs(hale);
        result.Speakers[3].Entity!.Name.Should().Be("Oskar Brenn");
        result.Speakers[4].Entity!.Name.Should().Be("Oskar Brenn");

        // "which he described" repeats its sentence's subject pronoun: no gender vote or mention for the possessor.
        int described = text.Text.IndexOf("he described", StringComparison.Ordinal);
        hale.Mentions.Should().NotContain(m => m.Start == described);
    }
}

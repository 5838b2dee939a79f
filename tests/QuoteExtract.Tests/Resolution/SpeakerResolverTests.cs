using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using static QuoteExtract.Tests.Resolution.AnnotatedText;

namespace QuoteExtract.Tests.Resolution;

// All texts are invented for these tests.
public sealed class SpeakerResolverTests
{
    private static readonly SpeakerResolver Resolver = new();

    private static ResolutionResult Resolve(TaggedText text, params SpeakerMention[] speakers) =>
        Resolver.Resolve(text, speakers, CancellationToken.None);

    [Fact]
    public void Prime_minister_is_one_entity_across_name_surname_role_nominal_and_pronoun()
    {
        var text = Build(
            "Prime Minister [Anna Berg]PER defended the budget on Tuesday. \"We will not raise taxes,\" [Berg]PER said in [Oslo]LOC.\n\n" +
            "The opposition was unconvinced. [Tomas Lind]PER, who leads the [Green Party]ORG, called the plan reckless.\n\n" +
            "\"This budget is honest,\" the prime minister said. She added that the deficit would shrink.");

        var result = Resolve(text, Speaker(text, "Berg", 1), Speaker(text, "Tomas Lind"), Speaker(text, "the prime minister"), Speaker(text, "She"));

        var berg = result.Speakers[0].Entity!;
        berg.Name.Should().Be("Anna Berg");
        berg.Type.Should().Be(EntityKind.Person);
        berg.Gender.Should().Be(Gender.Female);
        result.Speakers[2].Entity.Should().BeSameAs(berg);
        result.Speakers[3].Entity.Should().BeSameAs(berg);
        result.Speakers[1].Entity!.Name.Should().Be("Tomas Lind");
        berg.Mentions.Select(m => m.Text).Should().ContainInOrder("Anna Berg", "Berg", "the prime minister", "She");
        foreach (var mention in berg.Mentions)
        {
            text.Text[mention.Start..mention.End].Should().Be(mention.Text);
        }

        result.Speakers.Should().OnlyContain(s => s.Confidence > 0 && s.Confidence <= 1);
    }

    [Fact]
    public void A_possessive_in_a_phrase_opening_the_sentence_refers_forward_to_the_name_after_it()
    {
        var text = Build(
            "[Tom Reyes]PER spoke first at the summit.\n\n" +
            "For her part, [Mara Lind]PER stayed silent. \"We are making progress,\" [Reyes]PER said later. He called the talks useful.");

        var result = Resolve(text, Speaker(text, "Reyes", 1), Speaker(text, "He"));

        var reyes = result.Speakers[0].Entity!;
        reyes.Name.Should().Be("Tom Reyes");
        reyes.Gender.Should().NotBe(Gender.Female, "the her before Mara Lind is hers");
        result.Speakers[1].Entity.Should().BeSameAs(reyes);
        result.Entities.Should().ContainSingle(e => e.Name == "Mara Lind").Which.Gender.Should().Be(Gender.Female);
    }

    [Fact]
    public void A_headline_tagged_as_one_name_collects_nobody()
    {
        var text = Build(
            "[Veteran Activist Mara Lind Endorses Tom Reyes]ORG.\n\n" +
            "[Mara Lind]PER, a veteran activist, said on Monday that [Tom Reyes]PER would win. \"He listens,\" [Lind]PER said.",
            ("Endorses", PosTag.VBZ));

        var result = Resolve(text, Speaker(text, "Mara Lind", 1), Speaker(text, "Lind", 2));

        result.Speakers[0].Entity!.Name.Should().Be("Mara Lind");
        result.Speakers[1].Entity.Should().BeSameAs(result.Speakers[0].Entity);
        result.Entities.Should().NotContain(e => e.Name.Contains("Endorses", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_name_joins_an_organisation_tagged_name_only_one_word_longer()
    {
        var text = Build(
            "[Donald J. Trump]ORG spoke in Ohio.\n\n" +
            "[Donald Trump]PER said the plan would work. \"Believe me,\" [Trump]PER said.");

        var result = Resolve(text, Speaker(text, "Donald Trump"));

        result.Speakers[0].Entity!.Name.Should().Be("Donald J. Trump");
        result.Speakers[0].Entity!.Type.Should().Be(EntityKind.Person);
    }

    [Fact]
    public void Role_nominal_outside_any_attribution_is_still_a_mention_of_the_role_holder()
    {
        var text = Build(
            "Prime Minister [Anna Berg]PER opened the session.\n\n" +
            "Critics say the prime minister has lost touch. \"Nonsense,\" [Berg]PER said.");

        var result = Resolve(text, Speaker(text, "Berg", 1));

        result.Speakers[0].Entity!.Mentions.Select(m => m.Text).Should().Equal("Anna Berg", "the prime minister", "Berg");
    }

    [Fact]
    public void Full_name_and_later_surname_share_one_entity_named_without_title()
    {
        var text = Build(
            "Russian President [Vladimir Putin]PER arrived in [Beijing]LOC on Monday.\n\n" +
            "\"Our partnership is strong,\" [Putin]PER told reporters after the talks.");

        var result = Resolve(text, Speaker(text, "Putin", 1));

        var putin = result.Speakers[0].Entity!;
        putin.Name.Should().Be("Vladimir Putin");
        putin.Id.Should().Be("e1");
        putin.Mentions.Select(m => m.Text).Should().Equal("Vladimir Putin", "Putin");
        result.Speakers[0].Confidence.Should().BeGreaterThan(0.9);
    }

    [Fact]
    public void Family_name_first_partial_mention_joins_the_full_name()
    {
        var text = Build(
            "[Li Xin]PER (director of the [Institute of Energy Studies]ORG) expects prices to rise.\n\n" +
            "\"Demand is strong,\" [Li]PER said. \"Supply is not,\" the director added.");

        var result = Resolve(text, Speaker(text, "Li", 1), Speaker(text, "the director"));

        result.Speakers[0].Entity!.Name.Should().Be("Li Xin");
        result.Speakers[1].Entity.Should().BeSameAs(result.Speakers[0].Entity);
    }

    [Fact]
    public void Titles_and_honorifics_stay_out_of_canonical_names_and_honorifics_give_gender()
    {
        var text = Build(
            "Sen. [Maria Lopez]PER and Dr. [Hana Sato]PER met U.S. Secretary of State [John Reed]PER in [Geneva]LOC.\n\n" +
            "Mr. [Daniel Okafor]PER, a lawyer, was also there. \"Progress is slow,\" the secretary of state said.");

        var result = Resolve(text, Speaker(text, "Maria Lopez"), Speaker(text, "Hana Sato"), Speaker(text, "Daniel Okafor"), Speaker(text, "the secretary of state"));

        result.Speakers.Select(s => s.Entity!.Name).Should().Equal("Maria Lopez", "Hana Sato", "Daniel Okafor", "John Reed");
        result.Speakers[2].Entity!.Gender.Should().Be(Gender.Male);
        result.Speakers[1].Entity!.Gender.Should().Be(Gender.Unknown, "Dr. does not state a gender");
    }

    [Fact]
    public void Appositive_role_attaches_to_the_person()
    {
        var text = Build(
            "[Nabila Massrali]PER, [EU]ORG spokesperson, said the bloc was concerned.\n\n" +
            "[Moscow]LOC rejected the criticism. \"We expect answers,\" the spokesperson said.");

        var result = Resolve(text, Speaker(text, "Nabila Massrali"), Speaker(text, "Moscow"), Speaker(text, "the spokesperson"));

        result.Speakers[2].Entity.Should().BeSameAs(result.Speakers[0].Entity);
        result.Speakers[2].Entity!.Name.Should().Be("Nabila Massrali");
    }

    [Fact]
    public void Possessive_is_not_the_possessor_and_copula_role_goes_to_the_subject()
    {
        var text = Build(
            "Russian President [Vladimir Putin]PER hosted the summit.\n\n" +
            "[Yuri Ushakov]PER is [Putin]PER’s foreign policy adviser. \"The talks were useful,\" the adviser told reporters.\n\n" +
            "[Putin]PER's foreign policy adviser said later that no deal was signed.");

        var result = Resolve(text, Speaker(text, "the adviser"), Speaker(text, "Putin's foreign policy adviser"));

        result.Speakers[0].Entity!.Name.Should().Be("Yuri Ushakov");
        result.Speakers[1].Entity!.Name.Should().Be("Yuri Ushakov");
    }

    [Fact]
    public void Generic_leader_fits_an_introduced_president_of_that_nationality()
    {
        var text = Build(
            "Russian President [Vladimir Putin]PER met [Karl Weber]PER, a German banker, in [Sochi]LOC.\n\n" +
            "The Russian leader said the economy was recovering.");

        var result = Resolve(text, Speaker(text, "The Russian leader"));

        result.Speakers[0].Entity!.Name.Should().Be("Vladimir Putin");
        result.Speakers[0].Entity!.Mentions.Select(m => m.Text).Should().Contain("The Russian leader");
    }

    [Fact]
    public void Role_nominal_without_a_fitting_entity_is_left_unnamed()
    {
        var text = Build(
            "[Karl Weber]PER, a German banker, opened the meeting.\n\n" +
            "The senator said the bill would fail.");

        var result = Resolve(text, Speaker(text, "The senator"));

        var entity = result.Speakers[0].Entity!;
        entity.Type.Should().Be(EntityKind.Unnamed);
        entity.Name.Should().Be("The senator");
    }

    [Fact]
    public void Unnamed_analysts_and_a_later_they_are_one_unnamed_group()
    {
        var text = Build(
            "The central bank raised rates on Thursday. Some analysts were cautious.\n\n" +
            "They argued that inflation had already peaked. [Eva Novak]PER, the bank governor, disagreed.");

        var result = Resolve(text, Speaker(text, "They"), Speaker(text, "Eva Novak"));

        var group = result.Speakers[0].Entity!;
        group.Type.Should().Be(EntityKind.Unnamed);
        group.Name.Should().Be("Some analysts");
        group.Mentions.Select(m => m.Text).Should().Equal("Some analysts", "They");
        result.Entities.Should().NotContain(e => e.Type == EntityKind.Person && e.Name == "Some analysts");
    }

    [Fact]
    public void Unnamed_sources_never_become_a_named_person()
    {
        var text = Build(
            "[Omar Haddad]PER left the ministry in March.\n\n" +
            "A source close to the ministry said he was pushed out. Officials declined to comment, but experts said the move was expected.");

        var result = Resolve(text, Speaker(text, "A source close to the ministry"), Speaker(text, "experts"));

        result.Speakers[0].Entity!.Type.Should().Be(EntityKind.Unnamed);
        result.Speakers[0].Entity!.Name.Should().Be("A source close to the ministry");
        result.Speakers[1].Entity!.Type.Should().Be(EntityKind.Unnamed);
        result.Speakers[1].Entity!.Name.Should().Be("experts");
        result.Speakers[1].Entity.Should().NotBeSameAs(result.Speakers[0].Entity);
    }

    [Fact]
    public void Organisation_short_form_and_it_join_the_full_name()
    {
        var text = Build(
            "[The New York Post]ORG reported the leak on Sunday.\n\n" +
            "[The Post]ORG said its reporters had seen the files. It said the files were genuine.");

        var result = Resolve(text, Speaker(text, "The Post"), Speaker(text, "It"));

        var post = result.Speakers[0].Entity!;
        post.Name.Should().Be("New York Post");
        post.Type.Should().Be(EntityKind.Organization);
        post.Gender.Should().Be(Gender.Neuter);
        result.Speakers[1].Entity.Should().BeSameAs(post);
        post.Mentions.Select(m => m.Text).Should().ContainInOrder("The New York Post", "The Post", "It");
    }

    [Fact]
    public void Acronym_joins_the_organisation_it_abbreviates()
    {
        var text = Build("The [European Union]ORG met on Friday. The [EU]ORG said it would respond.");

        var result = Resolve(text, Speaker(text, "EU"));

        result.Speakers[0].Entity!.Name.Should().Be("European Union");
    }

    [Theory]
    [InlineData("The [World Health Organization]ORG met on Friday. The [WHO]ORG said it would respond.", "WHO", "World Health Organization")]
    [InlineData("The [Bank of England]ORG met on Friday. The [BE]ORG said it would respond.", "BE", "Bank of England")]
    [InlineData("The [World Health Organization]ORG met on Friday. The [WHOM]ORG said it would respond.", "WHOM", "WHOM")]
    [InlineData("The [World Health Organization]ORG met on Friday. The [WH]ORG said it would respond.", "WH", "WH")]
    public void An_acronym_joins_only_the_organisation_whose_initials_it_spells(string annotated, string speaker, string entity)
    {
        var text = Build(annotated);

        var result = Resolve(text, Speaker(text, speaker));

        result.Speakers[0].Entity!.Name.Should().Be(entity);
    }

    [Fact]
    public void Countries_capitals_and_the_West_speak_as_location_and_group_entities()
    {
        var text = Build(
            "[Russia]LOC said the sanctions were illegal. [Beijing]LOC warned against escalation.\n\n" +
            "The West says it will not back down.");

        var result = Resolve(text, Speaker(text, "Russia"), Speaker(text, "Beijing"), Speaker(text, "The West"));

        result.Speakers[0].Entity!.Type.Should().Be(EntityKind.Location);
        result.Speakers[0].Entity!.Name.Should().Be("Russia");
        result.Speakers[1].Entity!.Name.Should().Be("Beijing");
        result.Speakers[2].Entity!.Type.Should().Be(EntityKind.Group);
        result.Entities.Select(e => e.Id).Should().Equal("e1", "e2", "e3");
    }

    [Fact]
    public void He_goes_to_the_person_the_text_calls_mr()
    {
        var text = Build(
            "Ms. [Clara Holm]PER met Mr. [Peter Vik]PER at the port.\n\n" +
            "\"The deal is done,\" he said.");

        var result = Resolve(text, Speaker(text, "he"));

        result.Speakers[0].Entity!.Name.Should().Be("Peter Vik");
        result.Speakers[0].Entity!.Gender.Should().Be(Gender.Male);
    }

    [Fact]
    public void In_a_run_of_attributions_a_pronoun_prefers_the_previous_speaker()
    {
        var text = Build(
            "[Ruth Adler]PER spoke after [Sam Cole]PER. \"We need more time,\" [Adler]PER said, turning to [Cole]PER. " +
            "\"Nobody wants a delay,\" she said.");

        var result = Resolve(text, Speaker(text, "Adler", 1), Speaker(text, "she"));

        result.Speakers[1].Entity!.Name.Should().Be("Ruth Adler");
    }

    [Fact]
    public void Entity_ids_follow_first_mention_and_speaker_order_does_not_matter()
    {
        var text = Build(
            "[Ana Ruiz]PER spoke first. [Ben Ito]PER followed.\n\n" +
            "\"No,\" [Ito]PER said. \"Yes,\" [Ruiz]PER said.");

        var result = Resolve(text, Speaker(text, "Ruiz", 1), Speaker(text, "Ito", 1));

        result.Entities.Select(e => (e.Id, e.Name)).Should().Equal(("e1", "Ana Ruiz"), ("e2", "Ben Ito"));
        result.Speakers[0].Entity!.Id.Should().Be("e1");
        result.Speakers[1].Entity!.Id.Should().Be("e2");
    }

    [Fact]
    public void Output_is_deterministic()
    {
        const string article =
            "Prime Minister [Anna Berg]PER met [Tomas Lind]PER. Some analysts were cautious.\n\n" +
            "They argued the plan was late. \"We disagree,\" the prime minister said. She left.";
        var first = Resolve(Build(article), Speaker(Build(article), "They"), Speaker(Build(article), "the prime minister"), Speaker(Build(article), "She"));
        var second = Resolve(Build(article), Speaker(Build(article), "They"), Speaker(Build(article), "the prime minister"), Speaker(Build(article), "She"));

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Empty_text_and_absent_speakers_resolve_to_nothing()
    {
        var empty = Resolve(Build(""), SpeakerMention.None);
        empty.Entities.Should().BeEmpty();
        empty.Speakers.Should().Equal(new ResolvedSpeaker(null, 0));

        var text = Build("[Ana Ruiz]PER spoke. \"Enough,\" came the reply.");
        var result = Resolve(text, SpeakerMention.None);
        result.Speakers.Should().Equal(new ResolvedSpeaker(null, 0));
        result.Entities.Should().ContainSingle(e => e.Name == "Ana Ruiz");
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var text = Build("[Ana Ruiz]PER spoke.");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var act = () => Resolver.Resolve(text, [Speaker(text, "Ana Ruiz")], cts.Token);

        act.Should().Throw<OperationCanceledException>();
    }
}

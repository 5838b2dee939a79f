namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// End-to-end checks of the attribution layer on hand-written sentences (never corpus text): one construction of the
/// default grammar per test, with exact content, cue and speaker offsets.
/// </summary>
public sealed class AttributionTests
{
    private static readonly QuoteExtractor Extractor = QuoteExtractor.CreateDefault();

    private static Quote Single(string text, string content)
    {
        var quotes = Extractor.Extract(text).Quotes;
        var quote = quotes.Should().ContainSingle(q => q.Content.Text.Contains(content, StringComparison.Ordinal),
            $"one attribution holds \"{content}\"; found: {string.Join(" | ", quotes.Select(q => q.Content.Text))}").Subject;
        text[quote.Content.Start..quote.Content.End].Should().Be(quote.Content.Text);
        return quote;
    }

    private static void ShouldBeAt(TextSpan? span, string text, string expected, int occurrence = 0)
    {
        span.Should().NotBeNull();
        int start = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(expected, start + 1, StringComparison.Ordinal);
        }

        span!.Value.Text.Should().Be(expected);
        span.Value.Start.Should().Be(start);
        span.Value.End.Should().Be(start + expected.Length);
    }

    [Fact]
    public void Speaker_cue_that_content_keeps_that_and_drops_the_final_period()
    {
        const string text = "Maria Lopez said that the budget would pass next week.";
        var q = Single(text, "budget");
        ShouldBeAt(q.Content, text, "that the budget would pass next week");
        ShouldBeAt(q.Cue, text, "said");
        ShouldBeAt(q.Speaker, text, "Maria Lopez");
        q.Kind.Should().Be(QuoteKind.Indirect);
        q.Category.Should().Be(QuoteCategory.Speech);
        q.Entity!.Name.Should().Be("Maria Lopez");
    }

    [Fact]
    public void Content_then_speaker_and_cue_is_a_direct_quote_with_its_marks()
    {
        const string text = "“We will win the vote,” John Carter said on Monday.";
        var q = Single(text, "win the vote");
        ShouldBeAt(q.Content, text, "“We will win the vote,”");
        ShouldBeAt(q.Speaker, text, "John Carter");
        ShouldBeAt(q.Cue, text, "said");
        q.Kind.Should().Be(QuoteKind.Direct);
    }

    [Fact]
    public void Inverted_cue_then_speaker_with_a_parenthetical()
    {
        const string text = "“The bridge is safe for traffic,” stated Anna Berg (director of the city roads office).";
        var q = Single(text, "bridge");
        ShouldBeAt(q.Content, text, "“The bridge is safe for traffic,”");
        ShouldBeAt(q.Cue, text, "stated");
        ShouldBeAt(q.Speaker, text, "Anna Berg");
    }

    [Fact]
    public void According_to_after_the_content()
    {
        const string text = "Turnout fell sharply in the north, according to state election officials.";
        var q = Single(text, "Turnout");
        ShouldBeAt(q.Content, text, "Turnout fell sharply in the north");
        ShouldBeAt(q.Cue, text, "according to");
        q.Speaker!.Value.Text.Should().EndWith("officials");
    }

    [Fact]
    public void According_to_before_the_content()
    {
        const string text = "According to a new poll, turnout will be low this year.";
        var q = Single(text, "turnout");
        ShouldBeAt(q.Content, text, "turnout will be low this year");
        ShouldBeAt(q.Cue, text, "According to");
        q.Speaker!.Value.Text.Should().EndWith("poll");
    }

    [Fact]
    public void Told_audience_that_content()
    {
        const string text = "The mayor told reporters that the road would reopen soon.";
        var q = Single(text, "road");
        ShouldBeAt(q.Content, text, "that the road would reopen soon");
        ShouldBeAt(q.Cue, text, "told");
        ShouldBeAt(q.Speaker, text, "The mayor");
    }

    [Fact]
    public void Multi_word_cue_takes_its_preposition()
    {
        const string text = "Peter Hall pointed out that the plan had no budget.";
        var q = Single(text, "no budget");
        ShouldBeAt(q.Cue, text, "pointed out");
        ShouldBeAt(q.Content, text, "that the plan had no budget");
    }

    [Fact]
    public void Said_in_a_statement_then_content()
    {
        const string text = "The company said in a statement that profits rose by a third.";
        var q = Single(text, "profits");
        ShouldBeAt(q.Content, text, "that profits rose by a third");
        ShouldBeAt(q.Speaker, text, "The company");
    }

    [Fact]
    public void Speaker_with_appositive_responding_by_saying()
    {
        const string text = "Laura Chen, a city spokesperson, responded to the question by saying that the park will stay open.";
        var q = Single(text, "park");
        ShouldBeAt(q.Speaker, text, "Laura Chen");
        q.Cue!.Value.Text.Should().StartWith("responded").And.EndWith("by saying");
        ShouldBeAt(q.Content, text, "that the park will stay open");
    }

    [Fact]
    public void Colon_introduces_a_quotation()
    {
        const string text = "Senator Mark Davis put it plainly: “We need more teachers in every school.”";
        var q = Single(text, "teachers");
        ShouldBeAt(q.Content, text, "“We need more teachers in every school.”");
        q.Speaker!.Value.Text.Should().Contain("Mark Davis");
        q.Kind.Should().Be(QuoteKind.Direct);
    }

    [Fact]
    public void Verb_with_an_object_content()
    {
        const string text = "Tom Baker criticized the new tax on fuel.";
        var q = Single(text, "tax");
        ShouldBeAt(q.Cue, text, "criticized");
        ShouldBeAt(q.Content, text, "the new tax on fuel");
        q.Category.Should().Be(QuoteCategory.Other);
    }

    [Fact]
    public void Belief_cue()
    {
        const string text = "Many farmers believe the drought will end soon.";
        var q = Single(text, "drought");
        ShouldBeAt(q.Cue, text, "believe");
        ShouldBeAt(q.Content, text, "the drought will end soon");
        q.Category.Should().Be(QuoteCategory.Belief);
    }

    [Fact]
    public void Adjective_belief_cue_keeps_its_verb()
    {
        const string text = "The union is worried that many jobs will be lost.";
        var q = Single(text, "jobs");
        ShouldBeAt(q.Cue, text, "is worried");
        ShouldBeAt(q.Speaker, text, "The union");
        q.Category.Should().Be(QuoteCategory.Belief);
    }

    [Fact]
    public void Split_quotation_is_one_attribution()
    {
        const string text = "“We tried our best,” she said, “and we still lost the game.”";
        var quotes = Extractor.Extract(text).Quotes;
        var q = quotes.Should().ContainSingle().Subject;
        ShouldBeAt(q.Content, text, text);
        ShouldBeAt(q.Speaker, text, "she");
        q.ContentFragments.Should().HaveCount(2);
        ShouldBeAt(q.ContentFragments![0], text, "“We tried our best,”");
        ShouldBeAt(q.ContentFragments[1], text, "“and we still lost the game.”");
    }

    [Fact]
    public void Quotation_after_an_attribution_joins_its_content()
    {
        const string text = "Paul Green said that the talks had failed. “Now we start again from zero.”";
        var q = Single(text, "start again");
        ShouldBeAt(q.Speaker, text, "Paul Green");
        q.Content.Text.Should().StartWith("that the talks").And.EndWith("from zero.”");
        q.Entity!.Name.Should().Be("Paul Green");
    }

    [Fact]
    public void Quotation_before_the_cue_sentence_and_the_one_after_it_are_one_content()
    {
        const string text = "Laura Stone spoke on Friday.\n\n“We made mistakes in the first year,” she told reporters. “The next budget will fix them all.”";
        var q = Single(text, "made mistakes");
        ShouldBeAt(q.Content, text, "“We made mistakes in the first year,” she told reporters. “The next budget will fix them all.”");
        ShouldBeAt(q.Speaker, text, "she");
        q.Kind.Should().Be(QuoteKind.Direct);
        Extractor.Extract(text).Quotes.Should().ContainSingle();
    }

    [Fact]
    public void Quotation_after_a_long_appositive_cue_sentence_continues_the_quote()
    {
        const string text = "“The river keeps rising every spring,” said Tom Reed, a retired teacher who has lived in the valley town for more than forty years. “Nobody here remembers a worse flood.”";
        var q = Single(text, "river keeps");
        ShouldBeAt(q.Content, text, text);
        ShouldBeAt(q.Speaker, text, "Tom Reed");
        ShouldBeAt(q.Cue, text, "said");
        Extractor.Extract(text).Quotes.Should().ContainSingle();
    }

    [Fact]
    public void Quotation_then_speaker_said_of_topic_keeps_the_quotation()
    {
        const string text = "“It will hurt every small farm in the county,” Ana Ruiz said of the new tariff rules.";
        var q = Single(text, "small farm");
        ShouldBeAt(q.Content, text, "“It will hurt every small farm in the county,”");
        ShouldBeAt(q.Speaker, text, "Ana Ruiz");
        q.Kind.Should().Be(QuoteKind.Direct);
    }

    [Fact]
    public void Uncued_quotation_inside_a_sentence_does_not_borrow_a_speaker()
    {
        const string text = "Anna Webb said that the vote was close. In the afternoon the large crowd on the old market square in the town centre carried banners with “Stop the new tax on bread” written on them.";
        var quotes = Extractor.Extract(text).Quotes;
        quotes.Should().NotContain(q => q.Content.Text.Contains("Stop the new tax", StringComparison.Ordinal));
        var q = Single(text, "vote was close");
        ShouldBeAt(q.Content, text, "that the vote was close");
    }

    [Fact]
    public void Uncued_quotation_opening_a_sentence_takes_the_speaker_before_it()
    {
        const string text = "Anna Webb said that the vote was close. Later in the evening the count of the postal votes from the northern districts went on for hours. “We will check every single ballot again.”";
        var q = Single(text, "every single ballot");
        ShouldBeAt(q.Content, text, "“We will check every single ballot again.”");
        ShouldBeAt(q.Speaker, text, "Anna Webb");
    }

    [Fact]
    public void Quotation_over_two_paragraphs_is_one_content()
    {
        const string text = "Emma Hart said: “The first part of the plan is ready.\n\n“The second part will follow next year.”";
        var q = Single(text, "first part");
        q.Content.Text.Should().StartWith("“The first part").And.EndWith("next year.”");
        ShouldBeAt(q.Speaker, text, "Emma Hart");
    }

    [Fact]
    public void Scare_quotes_and_titles_are_not_attributions()
    {
        const string text = "The so-called “reform” passed on Monday. Viewers watched “Big Sky” this year.";
        Extractor.Extract(text).Quotes.Should().BeEmpty();
    }

    [Fact]
    public void Indirect_content_with_a_quoted_fragment_is_mixed()
    {
        const string text = "Kate Miller said the plan was “a total mess.”";
        var q = Single(text, "plan");
        ShouldBeAt(q.Content, text, "the plan was “a total mess.”");
        q.Kind.Should().Be(QuoteKind.Mixed);
    }

    [Fact]
    public void Long_appositive_between_speaker_and_cue()
    {
        const string text = "David Moore, a trade expert at the state university in Ohio, said that prices will rise.";
        var q = Single(text, "prices");
        ShouldBeAt(q.Speaker, text, "David Moore");
        ShouldBeAt(q.Content, text, "that prices will rise");
    }

    [Fact]
    public void Two_attributions_in_one_sentence_each_get_their_content()
    {
        const string text = "Even though the two firms have denied the merger, Sarah Kent said that the deal is close.";
        var q = Single(text, "deal is close");
        ShouldBeAt(q.Speaker, text, "Sarah Kent");
        ShouldBeAt(q.Content, text, "that the deal is close");
    }

    [Fact]
    public void Pronoun_speaker_resolves_to_the_named_person()
    {
        const string text = "Robert Klein is the city treasurer. He said that the city has enough money.";
        var q = Single(text, "enough money");
        ShouldBeAt(q.Speaker, text, "He");
        q.Entity!.Name.Should().Be("Robert Klein");
    }
    [Fact]
    public void A_participle_after_a_quotation_takes_the_quotation_speaker()
    {
        const string text = "“The country is changing fast,” Ana Ruiz said, citing the new census figures for the region.";
        var q = Single(text, "census figures");
        ShouldBeAt(q.Speaker, text, "Ana Ruiz");
        ShouldBeAt(q.Cue, text, "citing");
        ShouldBeAt(q.Content, text, "the new census figures for the region");
    }

    [Fact]
    public void A_signature_line_after_a_quotation_names_its_speaker()
    {
        const string text = "Readers wrote in after the debate.\n\n“The plan will never pay for itself and everybody knows it.” ― Laura Benson";
        var q = Single(text, "pay for itself");
        ShouldBeAt(q.Speaker, text, "Laura Benson");
        ShouldBeAt(q.Cue, text, "―");
        q.Kind.Should().Be(QuoteKind.Direct);
    }

    [Fact]
    public void Signature_lines_one_per_line_each_name_their_own_speaker()
    {
        const string text = "Readers wrote in after the debate.\n\n“The plan will never pay for itself and everybody knows it.” ― Laura Benson\n"
            + "“Nobody in this town believes a single word of that promise.”― Omar Haddad\n";
        ShouldBeAt(Single(text, "pay for itself").Speaker, text, "Laura Benson");
        ShouldBeAt(Single(text, "single word").Speaker, text, "Omar Haddad");
    }

    [Fact]
    public void A_party_and_state_tag_after_the_name_does_not_cut_the_sentence()
    {
        const string text = "At a rally on Monday, Sen. Marco Delgado (R-Fla.) said the new tariff plan would hurt farmers in his state.";
        var q = Single(text, "tariff");
        ShouldBeAt(q.Speaker, text, "Sen. Marco Delgado");
        ShouldBeAt(q.Cue, text, "said");
        ShouldBeAt(q.Content, text, "the new tariff plan would hurt farmers in his state");
    }

    [Fact]
    public void A_question_quoted_before_said_and_a_long_appositive_keeps_its_speaker()
    {
        const string text = "“Is this really the best plan the council could come up with?” said Ruth Hale, a former deputy mayor who now teaches law at the state university.";
        var q = Single(text, "best plan");
        ShouldBeAt(q.Speaker, text, "Ruth Hale");
        q.Kind.Should().Be(QuoteKind.Direct);
    }

    [Fact]
    public void A_relative_pronoun_with_a_time_phrase_before_the_cue_is_a_speaker()
    {
        const string text = "Senator Tom Hale, who on Tuesday endorsed the governor, spoke to reporters in Denver.";
        var q = Single(text, "the governor");
        ShouldBeAt(q.Speaker, text, "who");
        ShouldBeAt(q.Cue, text, "on Tuesday endorsed");
        ShouldBeAt(q.Content, text, "the governor");
        q.Entity!.Name.Should().Be("Tom Hale");
    }

    [Fact]
    public void A_time_phrase_before_the_name_is_not_the_speaker()
    {
        const string text = "In October, Mr. Paul Gray, the fund's chairman, told investors that the concerns were overblown.";
        var q = Single(text, "overblown");
        ShouldBeAt(q.Speaker, text, "Mr. Paul Gray");
        ShouldBeAt(q.Cue, text, "told");
    }

    [Fact]
    public void A_name_with_its_organisation_is_one_speaker()
    {
        const string text = "Mr. Dan Morgan of the Sierra Club said the ruling was the least bad outcome.";
        var q = Single(text, "least bad outcome");
        ShouldBeAt(q.Speaker, text, "Mr. Dan Morgan of the Sierra Club");
    }

    [Fact]
    public void A_quotation_after_an_aside_in_the_cue_sentence_continues_the_direct_quote()
    {
        const string text = "“The bill is dead,” said Rosa Patel, who compared the vote to a car crash. “Nobody in this building will bring it back this year.”";
        var quotes = Extractor.Extract(text).Quotes;
        var q = quotes.Should().ContainSingle(x => x.Content.Text.Contains("bill is dead", StringComparison.Ordinal)).Subject;
        ShouldBeAt(q.Speaker, text, "Rosa Patel");
        q.ContentFragments!.Select(f => f.Text).Should().Equal("“The bill is dead,”", "“Nobody in this building will bring it back this year.”");
        quotes.Should().NotContain(x => x.Speaker != null && x.Speaker.Value.Text == "who" && x.Content.Text.Contains("Nobody", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quotation_paragraph_without_a_cue_continues_the_attribution_ending_the_paragraph_before()
    {
        const string text = "“We will not give up on this bill,” Senator Rosa Patel said on Friday.\n\n“The families who wrote to us deserve a vote, and they will get one this spring.”";
        var quotes = Extractor.Extract(text).Quotes;
        var q = quotes.Should().ContainSingle().Subject;
        ShouldBeAt(q.Speaker, text, "Senator Rosa Patel");
        q.ContentFragments!.Select(f => f.Text).Should().Equal(
            "“We will not give up on this bill,”", "“The families who wrote to us deserve a vote, and they will get one this spring.”");
    }

    [Fact]
    public void A_quotation_paragraph_after_a_paragraph_without_an_attribution_is_not_joined_to_an_earlier_one()
    {
        const string text = "“We will not give up on this bill,” Senator Rosa Patel said on Friday.\n\nThe vote is set for next week.\n\n“The families who wrote to us deserve a vote, and they will get one this spring.”";
        var quotes = Extractor.Extract(text).Quotes;
        quotes.Should().NotContain(x => x.Content.Text.Contains("families", StringComparison.Ordinal)
            || (x.ContentFragments != null && x.ContentFragments.Any(f => f.Text.Contains("families", StringComparison.Ordinal))));
    }
}

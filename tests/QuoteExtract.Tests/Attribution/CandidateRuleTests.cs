using QuoteExtract.Attribution;
using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// Grammar constructions checked at the candidate level (before the learned scorer chooses): the rule finds the
/// speaker, cue and content with the expected extents.
/// </summary>
public sealed class CandidateRuleTests
{
    private static readonly AttributionExtractor Extractor = new(AttributionGrammar.Create(new QuoteExtractorOptions()), AttributionScorer.Default);

    private static List<(string Speaker, string Cue, string Content)> Candidates(string text, string rule)
    {
        var analysis = TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph);
        var tagged = Tagger.Default.Tag(analysis);
        string Span(TokenRange r) => r.IsNone ? "" : text[analysis.Tokens[r.Start].Start..analysis.Tokens[r.End - 1].End];
        return Extractor.Candidates(tagged, CancellationToken.None)
            .Where(c => c.Rule == rule && !c.IsCut)
            .Select(c => (Span(c.Speaker), Span(c.Cue), Span(c.Content)))
            .ToList();
    }

    [Fact]
    public void A_second_cue_coordinated_with_a_first_one_gets_the_same_speaker()
    {
        const string text = "Senator Ann Reyes said that the bill was rushed and warned that it would fail in the House.";
        Candidates(text, "speaker_and_cue").Should().Contain(("Senator Ann Reyes", "warned", "that it would fail in the House"));
    }

    [Fact]
    public void A_coordinated_cue_after_a_partial_quote()
    {
        const string text = "The governor called the plan “a costly mistake” and argued that voters would reject it.";
        Candidates(text, "speaker_and_cue").Should().Contain(("The governor", "argued", "that voters would reject it"));
    }

    [Fact]
    public void A_distant_coordinated_cue_also_offers_the_nearest_subject_as_its_speaker()
    {
        const string text = "The crowd cheered when Mayor Jane Okoro spotted a sign and said that the vote was rigged.";
        Candidates(text, "speaker_and_cue").Should().Contain(("The crowd", "said", "that the vote was rigged"))
            .And.Contain(("Mayor Jane Okoro", "said", "that the vote was rigged"));
    }

    [Fact]
    public void A_participle_cue_after_a_fronted_phrase_also_offers_the_subject()
    {
        const string text = "Hours later, the senator returned the favor, telling reporters that the bill would pass.";
        Candidates(text, "subject_then_participle").Select(c => c.Speaker).Should().Contain("the senator");
    }

    [Fact]
    public void No_nearer_speaker_when_the_verb_follows_a_prepositional_object()
    {
        const string text = "The senator voted against the bill, saying it was rushed.";
        Candidates(text, "subject_then_participle").Select(c => c.Speaker).Should().OnlyContain(s => s == "The senator");
    }

    [Fact]
    public void A_speaker_governed_by_a_preposition_also_offers_the_subject_before_it()
    {
        Candidates("Sen. Ann Reyes on Wednesday morning also called for a recount.", "speaker_cue_content").Select(c => c.Speaker)
            .Should().Contain("Sen. Ann Reyes");
        Candidates("Chairman Tom Bell (R-Ohio) earlier in the day praised the inquiry.", "speaker_cue_content").Select(c => c.Speaker)
            .Should().Contain("Chairman Tom Bell");
    }

    [Fact]
    public void A_floating_quantifier_stands_for_the_subject_before_it()
    {
        Candidates("Ben Carson, Ted Cruz and Rand Paul have all attacked the plan.", "speaker_cue_content").Select(c => c.Speaker)
            .Should().Contain("Ben Carson, Ted Cruz and Rand Paul");
    }

    [Fact]
    public void A_fronted_time_or_place_taken_for_the_speaker_also_offers_the_clause_subject()
    {
        Candidates("On Wednesday, however, the head of the agency, John Smith, said that the messages were private.", "speaker_cue_content")
            .Select(c => c.Speaker).Should().Contain("John Smith");
        Candidates("At a rally in Portsmouth, N.H., on Tuesday, Senator Ann Reyes endorsed the mayor, saying that she would win.", "speaker_cue_content")
            .Select(c => c.Speaker).Should().Contain("Senator Ann Reyes");
    }

    [Fact]
    public void The_object_before_a_participle_cue_also_offers_the_verbs_subject()
    {
        Candidates("The governor's office put out a statement saying that the vote had been rigged.", "speaker_cue_content")
            .Select(c => c.Speaker).Should().Contain("a statement").And.Contain("The governor's office");
    }

    [Fact]
    public void A_participle_cue_right_after_the_sentence_subject_gets_no_second_reading()
    {
        Candidates("Protesters chanting that the vote had been rigged marched downtown.", "speaker_cue_content")
            .Select(c => c.Speaker).Should().OnlyContain(s => s == "Protesters");
    }

    [Fact]
    public void A_content_knows_the_first_other_cue_inside_it()
    {
        const string text = "The mayor says the budget was balanced last year, but insists the critics are wrong.";
        var analysis = TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph);
        var candidates = Extractor.Candidates(Tagger.Default.Tag(analysis), CancellationToken.None);
        string Word(int token) => token < 0 ? "" : analysis.TokenText(token).ToString();

        var says = candidates.Where(c => c.Rule == "speaker_cue_content" && Word(c.Cue.Start) == "says").ToList();
        says.Where(c => !c.IsCut).Select(c => Word(c.FirstCueInside)).Should().Contain("insists");
        says.Where(c => c.CutKind == "coordination").Select(c => c.FirstCueInside).Should().NotBeEmpty().And.OnlyContain(t => t == -1);
    }

    [Fact]
    public void A_speaker_noun_phrase_may_hold_a_participle_modifier()
    {
        Candidates("“The odds are against us,” said another leading court advocate, Ann Reyes of the firm Bell Hart.", "quote_cue_speaker")
            .Select(c => c.Speaker).Should().Contain("another leading court advocate");
    }

    [Fact]
    public void A_speech_verb_tagged_as_a_plural_noun_after_a_name_still_cues_the_quotation()
    {
        // The tagger reads "answers" after a name as a plural noun; the rule accepts a speech verb's form there.
        Candidates("“We will see,” Smith answers.", "quote_speaker_noun_tagged_cue")
            .Should().Contain(("Smith", "answers", "“We will see,”"));
    }

    [Fact]
    public void Markup_before_a_speaker_is_not_part_of_it()
    {
        const string text = "Fans cheered. <tweet id=\"1\" author=\"@someone\">Senator Ann Reyes said that the vote was rigged.";
        Candidates(text, "speaker_cue_content").Select(c => c.Speaker).Should().Contain("Senator Ann Reyes")
            .And.NotContain(s => s.Contains('<'));
    }

    [Fact]
    public void A_named_speaker_before_an_appositive_gets_no_second_reading()
    {
        Candidates("Nabila Massrali, an EU spokesperson, said that the talks would resume.", "speaker_cue_content")
            .Select(c => c.Speaker).Should().OnlyContain(s => s == "Nabila Massrali");
    }

    [Fact]
    public void After_a_fronted_phrase_the_speaker_is_the_noun_phrase_between_the_commas()
    {
        Candidates("In an interview, the union's president, Mary Kay Henry, said that the strike would go on.", "speaker_cue_content")
            .Should().Contain(("the union's president", "said", "that the strike would go on"));
    }

    [Fact]
    public void As_someone_put_it_before_or_after_the_content()
    {
        Candidates("As one aide put it in a memo, “The campaign is over.”", "as_speaker_put_it")
            .Should().Contain(("one aide", "put it", "“The campaign is over.”"));
        Candidates("The campaign is over, as one aide put it.", "content_as_speaker_put_it")
            .Should().Contain(("one aide", "put it", "The campaign is over"));
    }

    [Fact]
    public void Went_on_to_say_is_one_cue()
    {
        Candidates("Senator Ann Reyes went on to say that the bill was rushed.", "speaker_cue_content")
            .Should().Contain(("Senator Ann Reyes", "went on to say", "that the bill was rushed"));
    }

    [Fact]
    public void A_content_before_the_cue_may_be_followed_by_a_participle_clause()
    {
        const string text = "“You squeezed your workers” to lift the stock price, she said, referring to the bank’s drive to “cross-sell” accounts.";
        Candidates(text, "content_speaker_cue")
            .Should().Contain(("she", "said", "“You squeezed your workers” to lift the stock price"));
    }

    [Fact]
    public void A_colon_at_the_end_of_a_paragraph_introduces_the_quotation_that_opens_the_next()
    {
        const string text = "The poll came out on Monday.\n\nSenator Ann Reyes made the following comment:\n\n“We need a change. The voters know it.”";
        Candidates(text, "speaker_colon_quote")
            .Should().Contain(("Senator Ann Reyes", ":", "“We need a change. The voters know it.”"));
    }

    [Fact]
    public void A_paragraph_that_ends_without_a_colon_does_not_take_the_next_quotation()
    {
        const string text = "Senator Ann Reyes made a comment on Monday.\n\n“We need a change. The voters know it.”";
        Candidates(text, "speaker_colon_quote").Should().BeEmpty();
    }

    [Fact]
    public void An_object_and_the_quoted_label_it_is_given()
    {
        Candidates("Senator Ann Reyes has gone after the governor as a “reckless spender” in recent weeks.", "speaker_labels_object_as")
            .Should().Contain(("Senator Ann Reyes", "has gone after", "the governor as a “reckless spender”"));
        Candidates("Japan branded North Korea an \"outlaw nation\" on Friday.", "speaker_labels_object")
            .Should().Contain(("Japan", "branded", "North Korea an \"outlaw nation\""));
    }

    [Fact]
    public void A_year_may_stand_between_the_speaker_and_the_cue()
    {
        Candidates("Mitch McConnell, who in 2010 said that the party's goal was to beat Obama, spoke on Monday.", "relative_cue_content")
            .Should().Contain(c => c.Speaker == "who" && c.Cue == "in 2010 said");
    }

    [Fact]
    public void A_transcript_turn_runs_to_the_paragraph_end()
    {
        const string text = "HOST: Will the senator attend the debate tomorrow?\n\nMORALES: She will not attend. That decision is final.";
        Candidates(text, "transcript_speaker").Should().Contain(("MORALES", ":", "She will not attend. That decision is final"));
    }

    [Fact]
    public void A_transcript_turn_stops_before_the_next_turn_in_its_paragraph()
    {
        const string text = "HOST: Will the senator attend the debate? GUEST: She will not attend. That decision is final.";
        Candidates(text, "transcript_speaker").Should().Contain(("HOST", ":", "Will the senator attend the debate"))
            .And.Contain(("GUEST", ":", "She will not attend. That decision is final"));
    }

    [Fact]
    public void Transcript_turns_opened_by_a_stray_quotation_mark_are_read()
    {
        const string text = "\"HOST: Will the senator attend the debate tomorrow?\n\n\"MORALES: She will not attend. That decision is final.";
        Candidates(text, "transcript_speaker").Should().Contain(("MORALES", ":", "She will not attend. That decision is final"))
            .And.Contain(("HOST", ":", "Will the senator attend the debate tomorrow"));
    }

    [Fact]
    public void A_headline_names_its_source_before_a_colon()
    {
        const string text = "Poll: Most voters back the new transit plan.\n\nA survey released on Monday found broad support.";
        Candidates(text, "transcript_speaker").Should().Contain(("Poll", ":", "Most voters back the new transit plan"));
    }

    [Fact]
    public void A_cue_inside_a_closed_quotation_is_not_an_attribution()
    {
        const string text = "“MORALES: She will not attend,” the host read aloud.";
        Candidates(text, "transcript_speaker").Should().BeEmpty();
    }

    [Fact]
    public void A_reported_question_after_asked_and_a_time_phrase()
    {
        const string text = "Asked on Tuesday whether she would run again, Senator Ann Reyes smiled.";
        Candidates(text, "asked_about").Should().Contain(("", "Asked", "whether she would run again"));
    }

    [Fact]
    public void A_reported_question_inside_the_sentence()
    {
        const string text = "The mayor hesitated when asked why the budget had grown so fast.";
        Candidates(text, "asked_about").Should().Contain(("", "asked", "why the budget had grown so fast"));
    }

    [Fact]
    public void A_finding_reported_in_a_poll_names_the_poll_as_its_source()
    {
        const string text = "Governor Ellis led his rival by eight points in a new Marist poll released on Monday.";
        Candidates(text, "content_in_poll").Should().Contain(("a new Marist poll", "in", "Governor Ellis led his rival by eight points"));
    }

    [Fact]
    public void A_title_after_a_verb_that_is_not_speech_is_not_a_candidate_but_a_quoted_name_after_a_speech_verb_is()
    {
        Candidates("Millions of viewers watched “Big Sky” last year.", "speaker_cue_content").Should().BeEmpty();
        Candidates("The senator called the bill “The Great Giveaway” on Monday.", "speaker_cue_content")
            .Should().Contain(c => c.Content.Contains("“The Great Giveaway”", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pronoun_after_an_opening_prepositional_phrase_is_the_speaker()
    {
        const string text = "In my early twenties, I laughed and said that the rules did not apply to us.";
        Candidates(text, "speaker_and_cue").Should().Contain(("I", "said", "that the rules did not apply to us"));
    }

    [Fact]
    public void A_colon_speaker_does_not_reach_back_over_a_dash()
    {
        const string text = "VOTERS WANT A CHANGE IN THE SENATE - Maria Lopez: “The numbers moved a lot in the last week of the campaign.”";
        Candidates(text, "speaker_colon_quote").Select(c => c.Speaker).Should().Equal("Maria Lopez");
    }

    [Fact]
    public void An_appositive_may_hold_a_quoted_title()
    {
        const string text = "“We have had better conventions than this one,” Bill Eastland, wearing a “Vote Reyes” button, said quietly.";
        Candidates(text, "quote_speaker_cue").Should().Contain(("Bill Eastland", "said", "“We have had better conventions than this one,”"));
    }

    [Fact]
    public void A_participle_tag_on_the_verb_before_a_name_is_still_an_inverted_cue()
    {
        const string text = "“This is fantastic!” beamed Donald Hartley of Madison, who had come from the guest seats.";
        Candidates(text, "quote_cue_speaker").Select(c => (c.Speaker, c.Cue)).Should().Contain(("Donald Hartley of Madison", "beamed"));
    }
}

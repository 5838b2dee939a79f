using QuoteExtract.Text;
using static QuoteExtract.Tests.Text.TextAssert;

namespace QuoteExtract.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Titles_do_not_end_sentences()
    {
        SentenceTexts("Mr. Smith went to Washington. He met Dr. Jones and Sen. Li there.").Should().Equal(
            "Mr. Smith went to Washington.", "He met Dr. Jones and Sen. Li there.");
    }

    [Fact]
    public void Initials_do_not_end_sentences()
    {
        SentenceTexts("J. K. Rowling and George W. Bush met. Then they left.").Should().Equal(
            "J. K. Rowling and George W. Bush met.", "Then they left.");
    }

    [Fact]
    public void Abbreviation_at_a_sentence_end_ends_the_sentence_with_exact_offsets()
    {
        var analyzed = TextAnalyzer.Analyze("They moved to the U.S. The move was hard.");
        analyzed.Sentences.Length.Should().Be(2);
        analyzed.Sentences[0].Should().Be(new Sentence(0, 6, 0, 22, 0));
        analyzed.Sentences[1].Should().Be(new Sentence(6, 5, 23, 41, 0));
        SentenceTexts("We met at 3 p.m. The vote was at 5 p.m. on Tuesday.").Should().Equal(
            "We met at 3 p.m. The vote was at 5 p.m. on Tuesday.".Split(" The")[0], "The vote was at 5 p.m. on Tuesday.");
    }

    [Fact]
    public void Closing_quotes_and_brackets_stay_with_the_sentence_they_end()
    {
        SentenceTexts("“We will improve relations,” stated Li Xin (director of the institute). The talks went on.").Should().Equal(
            "“We will improve relations,” stated Li Xin (director of the institute).", "The talks went on.");
        SentenceTexts("“We won.” Then she left.").Should().Equal("“We won.”", "Then she left.");
        SentenceTexts("He left (finally.) Then rain.").Should().Equal("He left (finally.)", "Then rain.");
        SentenceTexts("She said, \"Stop.\" He stopped.").Should().Equal("She said, \"Stop.\"", "He stopped.");
        SentenceTexts("He said no. ''We won,'' she said.", SentenceBreaks.Paragraph).Should().Equal("He said no.", "''We won,'' she said.");
        SentenceTexts("He said no. ''We won,'' she said.").Should().Equal(new[] { "He said no. ''", "We won,'' she said." }, "CoreNLP keeps every '' with the sentence before");
        SentenceTexts("''We won.'' Then she left.").Should().Equal("''We won.''", "Then she left.");
        SentenceTexts("It was ‘fine.’ Next.").Should().Equal("It was ‘fine.’", "Next.");
    }

    [Fact]
    public void Extraction_sentences_go_on_past_an_end_mark_before_a_lower_case_word_or_comma()
    {
        const string party = "Sen. Ann Reyes (D-Md.) said the bill would pass. It did.";
        SentenceTexts(party).Should().Equal("Sen. Ann Reyes (D-Md.)", "said the bill would pass.", "It did.");
        SentenceTexts(party, SentenceBreaks.Paragraph).Should().Equal("Sen. Ann Reyes (D-Md.) said the bill would pass.", "It did.");

        const string question = "“Why now?” said Ann Reyes, the mayor. “Why not?” She left.";
        SentenceTexts(question, SentenceBreaks.Paragraph).Should().Equal("“Why now?” said Ann Reyes, the mayor.", "“Why not?”", "She left.");
        SentenceTexts("Rep. Tom Ray (R-Fla.), the chair, agreed.", SentenceBreaks.Paragraph).Should().ContainSingle();
    }

    [Fact]
    public void Opening_quote_after_a_period_starts_the_next_sentence()
    {
        SentenceTexts("He spoke. \"Stop,\" she said.").Should().Equal("He spoke.", "\"Stop,\" she said.");
        SentenceTexts("They left.\"We stayed,\" she said.").Should().Equal("They left.", "\"We stayed,\" she said.");
    }

    [Fact]
    public void Question_and_exclamation_runs_end_sentences()
    {
        SentenceTexts("Really?! Yes!!! Fine? OK.").Should().Equal("Really?!", "Yes!!!", "Fine?", "OK.");
        SentenceTexts("She told Yahoo! News it was fine.").Should().Equal("She told Yahoo! News it was fine.");
    }

    [Fact]
    public void Ellipsis_alone_does_not_end_a_sentence()
    {
        SentenceTexts("Well... we will see. Done.").Should().Equal("Well... we will see.", "Done.");
    }

    [Fact]
    public void Corenlp_mode_lets_a_sentence_run_over_a_paragraph_break_like_the_silver_layer()
    {
        const string text = "He said:\n\n“We will win.”\n\nA new paragraph.";
        var analyzed = TextAnalyzer.Analyze(text);
        SentenceTexts(text).Should().Equal("He said:\n\n“We will win.”", "A new paragraph.");
        analyzed.Paragraphs.Length.Should().Be(3);
        analyzed.Sentences[0].Paragraph.Should().Be(0);
        analyzed.Sentences[1].Paragraph.Should().Be(2);
        analyzed.Paragraphs[1].SentenceCount.Should().Be(0);
    }

    [Fact]
    public void Paragraph_mode_makes_blank_lines_hard_boundaries()
    {
        const string text = "A headline without a period\n\nThe story starts here. It goes on.";
        SentenceTexts(text).Should().Equal("A headline without a period\n\nThe story starts here.", "It goes on.");
        SentenceTexts(text, SentenceBreaks.Paragraph).Should().Equal("A headline without a period", "The story starts here.", "It goes on.");
    }

    [Fact]
    public void Paragraphs_are_ranges_with_their_sentences()
    {
        const string text = "  First one. Second one.\n\n\nThird one and\nstill third.  ";
        var analyzed = TextAnalyzer.Analyze(text, SentenceBreaks.Paragraph);
        analyzed.Paragraphs.ToArray().Should().Equal(new Paragraph(2, 24, 0, 2), new Paragraph(27, 53, 2, 1));
        analyzed.Sentences[2].Paragraph.Should().Be(1);
    }

    [Fact]
    public void Text_without_final_punctuation_is_one_sentence()
    {
        SentenceTexts("no punctuation at all").Should().Equal("no punctuation at all");
        TextAnalyzer.Analyze("").Sentences.Length.Should().Be(0);
        TextAnalyzer.Analyze(" \n\n ").Paragraphs.Length.Should().Be(0);
    }
}

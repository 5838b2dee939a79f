using QuoteExtract.Text;
using static QuoteExtract.Tests.Text.TextAssert;

namespace QuoteExtract.Tests.Text;

public sealed class TokenizerTests
{
    [Fact]
    public void Mis_encoded_accents_stay_inside_their_word()
    {
        Words("President Fran\u00C3\u0192\u00C2\u00A7ois Hollande said.").Should().Equal("President", "Fran\u00C3\u0192\u00C2\u00A7ois", "Hollande", "said", ".");
        Words("Fran\u0041\u0303\u0083\u0041\u0302\u00A7ois left.").Should().Equal("Fran\u0041\u0303\u0083\u0041\u0302\u00A7ois", "left", ".");
        Words("Section \u00A7 230 applies.").Should().Equal("Section", "\u00A7", "230", "applies", ".");
    }

    [Fact]
    public void Negative_contractions_split_before_nt_with_exact_offsets()
    {
        Ranges("I don't know.").Should().Equal((0, 1), (2, 4), (4, 7), (8, 12), (12, 13));
        Words("They can't, won't or cannot go.").Should().Equal("They", "ca", "n't", ",", "wo", "n't", "or", "can", "not", "go", ".");
        Words("She DIDN’T.").Should().Equal("She", "DID", "N’T", ".");
    }

    [Fact]
    public void Clitics_split_off_for_straight_and_curly_apostrophes()
    {
        Words("She’s here, they're there, we’ll see, I've, I’m, he'd.").Should().Equal(
            "She", "’s", "here", ",", "they", "'re", "there", ",", "we", "’ll", "see", ",", "I", "'ve", ",", "I", "’m", ",", "he", "'d", ".");
    }

    [Fact]
    public void Names_and_elisions_keep_their_apostrophes()
    {
        Words("O’Malley met O'Brien and y'all in the ’90s, '08 and rock 'n' roll.").Should().Equal(
            "O’Malley", "met", "O'Brien", "and", "y'all", "in", "the", "’90s", ",", "'08", "and", "rock", "'n'", "roll", ".");
    }

    [Fact]
    public void Plural_possessive_apostrophe_is_its_own_token()
    {
        Ranges("the leaders' plan").Should().Equal((0, 3), (4, 11), (11, 12), (13, 17));
        Words("the leaders’ plan").Should().Equal("the", "leaders", "’", "plan");
    }

    [Fact]
    public void Colloquial_contractions_split_as_corenlp_does()
    {
        Words("We're gonna win, gotta vote, wanna see.").Should().Equal(
            "We", "'re", "gon", "na", "win", ",", "got", "ta", "vote", ",", "wan", "na", "see", ".");
    }

    [Fact]
    public void Quote_marks_of_every_style_are_tokens()
    {
        Ranges("“Hello,” she said.").Should().Equal((0, 1), (1, 6), (6, 7), (7, 8), (9, 12), (13, 17), (17, 18));
        Words("``Hello,'' he said.").Should().Equal("``", "Hello", ",", "''", "he", "said", ".");
        Words("\"Yes,\" he said, 'no.'").Should().Equal("\"", "Yes", ",", "\"", "he", "said", ",", "'", "no", ".", "'");
        Words("«Oui» and ‹non›").Should().Equal("«", "Oui", "»", "and", "‹", "non", "›");
    }

    [Fact]
    public void Combined_closing_marks_stay_together()
    {
        Words("he said ‘stop.’”").Should().Equal("he", "said", "‘", "stop", ".", "’”");
    }

    [Fact]
    public void Straight_quote_direction_follows_position()
    {
        var analyzed = TextAnalyzer.Analyze("He said \"no\" twice.");
        analyzed.Tokens[2].Has(TokenFlags.OpeningQuote).Should().BeTrue();
        analyzed.Tokens[4].Has(TokenFlags.ClosingQuote).Should().BeTrue();
    }

    [Fact]
    public void Every_dash_is_one_token()
    {
        Words("a - b – c — d ― e -- f --- g").Should().Equal("a", "-", "b", "–", "c", "—", "d", "―", "e", "--", "f", "---", "g");
        TextAnalyzer.Analyze("a — b").Tokens[1].Kind.Should().Be(TokenKind.Dash);
    }

    [Fact]
    public void Ellipses_are_one_token_in_each_spelling()
    {
        Ranges("Wait… no... well . . . ok").Should().Equal((0, 4), (4, 5), (6, 8), (8, 11), (12, 16), (17, 22), (23, 25));
        var analyzed = TextAnalyzer.Analyze("so . . . ok");
        analyzed.Tokens[1].Kind.Should().Be(TokenKind.Ellipsis);
    }

    [Fact]
    public void Four_spaced_periods_are_an_ellipsis_then_a_period()
    {
        Words("we fought. . . . Then").Should().Equal("we", "fought", ". . .", ".", "Then");
    }

    [Fact]
    public void Titles_months_and_initials_keep_their_period()
    {
        Words("Sen. Smith met Gov. Jones, Mr. Li and J.K. Rowling on Jan. 5 at 3 p.m. in the U.S. capital.").Should().Equal(
            "Sen.", "Smith", "met", "Gov.", "Jones", ",", "Mr.", "Li", "and", "J.K.", "Rowling", "on", "Jan.", "5", "at", "3", "p.m.",
            "in", "the", "U.S.", "capital", ".");
        Words("George W. Bush").Should().Equal("George", "W.", "Bush");
    }

    [Fact]
    public void Sentence_final_abbreviation_gives_its_period_to_the_sentence()
    {
        Ranges("He moved to the U.S. The rest followed.")[4..7].Should().Equal((16, 19), (19, 20), (21, 24));
        Words("They live in Calif. Then they left.").Should().Equal("They", "live", "in", "Calif", ".", "Then", "they", "left", ".");
        Words("from Calif. \"I agree\"")[1].Should().Be("Calif.");
        Words("Ask Calif., then").Should().Equal("Ask", "Calif.", ",", "then");
    }

    [Fact]
    public void Ordinary_words_give_up_a_final_period()
    {
        Words("It ended.").Should().Equal("It", "ended", ".");
        Words("see Breitbart.com.").Should().Equal("see", "Breitbart.com", ".");
    }

    [Fact]
    public void Numbers_keep_separators_decimals_and_suffixes()
    {
        Words("1,000.50 and 3.5 at 10:30 on 9/11, the 1990s, 5th and -4 or .45-caliber").Should().Equal(
            "1,000.50", "and", "3.5", "at", "10:30", "on", "9/11", ",", "the", "1990s", ",", "5th", "and", "-4", "or", ".45", "-", "caliber");
        TextAnalyzer.Analyze("42 apples").Tokens[0].Kind.Should().Be(TokenKind.Number);
    }

    [Fact]
    public void Currency_and_percent_are_separate_tokens()
    {
        Ranges("$5 and 60%").Should().Equal((0, 1), (1, 2), (3, 6), (7, 9), (9, 10));
        Words("$4.5 million").Should().Equal("$", "4.5", "million");
    }

    [Fact]
    public void Urls_drop_trailing_sentence_punctuation()
    {
        var analyzed = TextAnalyzer.Analyze("See https://example.com/a?b=1. Next www.example.org, too");
        analyzed.TokenText(1).ToString().Should().Be("https://example.com/a?b=1");
        analyzed.Tokens[1].Kind.Should().Be(TokenKind.Url);
        analyzed.TokenText(2).ToString().Should().Be(".");
        analyzed.TokenText(4).ToString().Should().Be("www.example.org");
        analyzed.Tokens[4].Kind.Should().Be(TokenKind.Url);
    }

    [Fact]
    public void Email_handles_and_hashtags_are_single_tokens()
    {
        var analyzed = TextAnalyzer.Analyze("mail jane.doe@example.org or @jane_doe about #Vote2016 and #2");
        analyzed.TokenText(1).ToString().Should().Be("jane.doe@example.org");
        analyzed.Tokens[1].Kind.Should().Be(TokenKind.Email);
        analyzed.TokenText(3).ToString().Should().Be("@jane_doe");
        analyzed.Tokens[3].Kind.Should().Be(TokenKind.Handle);
        analyzed.TokenText(5).ToString().Should().Be("#Vote2016");
        analyzed.Tokens[5].Kind.Should().Be(TokenKind.Hashtag);
        analyzed.TokenText(7).ToString().Should().Be("#");
        analyzed.TokenText(8).ToString().Should().Be("2");
    }

    [Fact]
    public void Markup_tags_are_one_token_even_with_spaces()
    {
        const string text = "Read <tweet id=\"12\" author=\"A B\">this</tweet> and 3 < 4.";
        var analyzed = TextAnalyzer.Analyze(text);
        analyzed.TokenText(1).ToString().Should().Be("<tweet id=\"12\" author=\"A B\">");
        analyzed.Tokens[1].Kind.Should().Be(TokenKind.Markup);
        analyzed.TokenText(3).ToString().Should().Be("</tweet>");
        Words(text)[^3..].Should().Equal("<", "4", ".");
    }

    [Fact]
    public void Html_entities_are_one_token()
    {
        Words("A &amp; B").Should().Equal("A", "&amp;", "B");
        Words("AT&T and Q&A").Should().Equal("AT&T", "and", "Q&A");
    }

    [Fact]
    public void No_break_and_zero_width_spaces_separate_tokens_and_are_skipped()
    {
        Ranges("a\u00A0b\u200Bc\uFEFFd").Should().Equal((0, 1), (2, 3), (4, 5), (6, 7));
        var analyzed = TextAnalyzer.Analyze("a\u00A0b");
        analyzed.Tokens[1].Has(TokenFlags.SpaceBefore).Should().BeTrue();
    }

    [Fact]
    public void Surrogate_pairs_are_never_split()
    {
        const string text = "Yes 😀! Go 🇺🇸";
        var ranges = Ranges(text);
        ranges.Should().Equal((0, 3), (4, 6), (6, 7), (8, 10), (11, 13), (13, 15));
        foreach (var (start, end) in ranges)
        {
            char.IsLowSurrogate(text[start]).Should().BeFalse();
            char.IsHighSurrogate(text[end - 1]).Should().BeFalse();
        }

        TextAnalyzer.Analyze(text).Tokens[1].Kind.Should().Be(TokenKind.Emoji);
    }

    [Fact]
    public void Hyphenated_words_stay_whole()
    {
        Words("a well-known New York-based 17-year-old, the U.S.-Canada line and anti-tax/GOP ads").Should().Equal(
            "a", "well-known", "New", "York-based", "17-year-old", ",", "the", "U.S.-Canada", "line", "and", "anti-tax/GOP", "ads");
    }

    [Fact]
    public void Party_state_tags_follow_corenlp()
    {
        Words("Sen. Ann Lee, R-Ky., voted").Should().Equal("Sen.", "Ann", "Lee", ",", "R-Ky.", ",", "voted");
        Words("Rep. Al Green (D-Texas).").Should().Equal("Rep.", "Al", "Green", "(", "D-Texas", ")", ".");
    }

    [Fact]
    public void Corenlp_quirks_around_numbers_and_hyphens()
    {
        Words("the No.1 show on Sept.11 at 6:00AM raised 3.2million but 7million").Should().Equal(
            "the", "No.", "1", "show", "on", "Sept.", "11", "at", "6:00", "AM", "raised", "3.2", "million", "but", "7million");
        Words("pro- and anti-tax, under- stood").Should().Equal("pro-", "and", "anti-tax", ",", "under", "-", "stood");
        Words("No. 5 said No. Then").Should().Equal("No.", "5", "said", "No", ".", "Then");
        Words("’cause 'em").Should().Equal("’cause", "'em");
        Words("I don‘t, @99").Should().Equal("I", "do", "n‘t", ",", "@", "99");
        Words("head of the A.F.L.-C.I.O. The union").Should().Equal("head", "of", "the", "A.F.L.-C.I.O.", "The", "union");
    }

    [Fact]
    public void Random_punctuation_soup_never_breaks_token_invariants()
    {
        const string alphabet = "ab1 .,'’‘“”\"`-—…$%@#<>/&:;!?()\n\u00A0\u200B😀";
        var random = new Random(1234);
        for (int round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(1, 200)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var analyzed = TextAnalyzer.Analyze(text);
            int previousEnd = 0;
            foreach (var token in analyzed.Tokens)
            {
                token.Start.Should().BeGreaterThanOrEqualTo(previousEnd);
                token.End.Should().BeLessThanOrEqualTo(text.Length);
                token.Length.Should().BePositive();
                previousEnd = token.End;
            }

            int covered = 0;
            foreach (var sentence in analyzed.Sentences)
            {
                sentence.FirstToken.Should().Be(covered);
                covered += sentence.TokenCount;
            }

            covered.Should().Be(analyzed.Tokens.Length);
            foreach (var quotation in analyzed.Quotations)
            {
                quotation.Start.Should().BeLessThan(quotation.End);
                quotation.LastToken.Should().BeGreaterThanOrEqualTo(quotation.OpenToken);
            }
        }
    }

    [Fact]
    public void Layout_flags_record_spaces_lines_and_paragraphs()
    {
        var analyzed = TextAnalyzer.Analyze("One two\nthree\n \nfour");
        analyzed.Tokens[0].Flags.Should().Be(TokenFlags.None);
        analyzed.Tokens[1].Flags.Should().Be(TokenFlags.SpaceBefore);
        analyzed.Tokens[2].Flags.Should().Be(TokenFlags.SpaceBefore | TokenFlags.NewlineBefore);
        analyzed.Tokens[3].Flags.Should().Be(TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.ParagraphBreakBefore);
    }

    [Fact]
    public void A_single_line_break_ends_a_paragraph_only_after_a_sentence_end_or_before_a_quotation()
    {
        static bool BreakBefore(string text, string word)
        {
            var analyzed = TextAnalyzer.Analyze(text);
            int t = Enumerable.Range(0, analyzed.Tokens.Length).First(i => analyzed.TokenText(i).SequenceEqual(word));
            return analyzed.Tokens[t].Has(TokenFlags.ParagraphBreakBefore);
        }

        BreakBefore("The vote passed.\nLater the mayor left.", "Later").Should().BeTrue();
        BreakBefore("“We won.”\nLater the mayor left.", "Later").Should().BeTrue();
        const string signatures = "“We won.” ― Jane Okoro\n“We lost.” ― Tim Ray";
        var paragraphs = TextAnalyzer.Analyze(signatures).Paragraphs;
        paragraphs.Length.Should().Be(2);
        signatures[paragraphs[1].Start..paragraphs[1].End].Should().Be("“We lost.” ― Tim Ray");

        // Hard-wrapped text breaks lines inside sentences: those breaks are not paragraphs.
        BreakBefore("The mayor said the vote\nwould pass on Monday.", "would").Should().BeFalse();
        BreakBefore("The mayor, who spoke\nLater than planned, left.", "Later").Should().BeFalse();
    }

    [Fact]
    public void Buffer_grows_by_doubling_and_keeps_every_token()
    {
        var buffer = new Token[1];
        int count = Tokenizer.Tokenize(string.Join(' ', Enumerable.Repeat("word", 100)), ref buffer);
        count.Should().Be(100);
        buffer.Length.Should().Be(128);
        buffer[99].Should().Be(new Token(495, 4, TokenKind.Word, TokenFlags.SpaceBefore));
    }

    [Fact]
    public void Tokens_never_overlap_and_only_skip_blank_characters()
    {
        const string text = "“It’s $5.50—a U.S. record!” said Sen. O’Neil (R-Ky.) at 3 p.m. #win @me…\n\nNext.";
        var analyzed = TextAnalyzer.Analyze(text);
        int previousEnd = 0;
        foreach (var token in analyzed.Tokens)
        {
            token.Start.Should().BeGreaterThanOrEqualTo(previousEnd);
            text[previousEnd..token.Start].All(char.IsWhiteSpace).Should().BeTrue();
            token.Length.Should().BePositive();
            previousEnd = token.End;
        }
    }
}

using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Tagging;

public class TaggerTests
{
    private static readonly Tagger Tagger = Tagger.Default;

    [Fact]
    public void Title_and_nationality_stay_outside_the_person()
    {
        var tagged = Tagger.Tag(TaggingTestText.Analyze("Russian President Vladimir Putin said on Friday that the talks would continue ."));

        tagged.Entities(EntityType.Person).Should().Equal("Vladimir Putin");
        tagged.Entities.Should().NotContain(e => tagged.Surface(e).Contains("President"));
        tagged.PosOf("said").Should().Be(PosTag.VBD);
        tagged.PosOf("Putin").Should().Be(PosTag.NNP);
    }

    [Fact]
    public void Finds_an_organisation_and_a_location()
    {
        var tagged = Tagger.Tag(TaggingTestText.Analyze(
            "The Democratic National Committee opened a new office in Chicago last week ."));

        tagged.Entities(EntityType.Organization).Should().Equal("Democratic National Committee");
        tagged.Entities(EntityType.Location).Should().Equal("Chicago");
    }

    [Fact]
    public void Finds_a_country_and_a_person_with_an_honorific()
    {
        var tagged = Tagger.Tag(TaggingTestText.Analyze(
            "Mr. Harold Ebbington told reporters in Germany that he would not resign ."));

        tagged.Entities(EntityType.Person).Should().Equal("Harold Ebbington");
        tagged.Entities(EntityType.Location).Should().Equal("Germany");
    }

    [Fact]
    public void Tags_common_words()
    {
        var tagged = Tagger.Tag(TaggingTestText.Analyze("The old dog quickly ate its dinner , and then it slept ."));

        tagged.Pos.Should().Equal(
            PosTag.DT, PosTag.JJ, PosTag.NN, PosTag.RB, PosTag.VBD, PosTag.PRP_S, PosTag.NN, PosTag.Comma,
            PosTag.CC, PosTag.RB, PosTag.PRP, PosTag.VBD, PosTag.Period);
        tagged.Entities.Should().BeEmpty();
    }

    [Fact]
    public void Output_is_index_aligned_and_consistent()
    {
        var analysis = TaggingTestText.Analyze(
            "Senator Maria Delgado of New Mexico met with officials from the World Health Organization .",
            "She said the plan , which Congress must approve , would cost $ 4 billion .");
        var tagged = Tagger.Tag(analysis);

        tagged.Pos.Should().HaveCount(analysis.Tokens.Length).And.NotContain(PosTag.None);
        tagged.EntityTags.Should().HaveCount(analysis.Tokens.Length);
        foreach (var mention in tagged.Entities)
        {
            mention.Score.Should().BeInRange(0f, 1f);
            mention.Start.Should().Be(analysis.Tokens[mention.FirstToken].Start);
            mention.End.Should().Be(analysis.Tokens[mention.FirstToken + mention.TokenCount - 1].End);
            var tags = tagged.EntityTags.AsSpan(mention.FirstToken, mention.TokenCount).ToArray();
            tags.Should().OnlyContain(t => t.Type == mention.Type);
            tags[0].Position.Should().Be(mention.TokenCount == 1 ? BilouPosition.Unit : BilouPosition.Begin);
        }

        int inside = tagged.EntityTags.Count(t => t.Position != BilouPosition.Outside);
        inside.Should().Be(tagged.Entities.Sum(e => e.TokenCount));
        tagged.Entities(EntityType.Person).Should().Contain("Maria Delgado");
    }

    [Fact]
    public void Empty_input_gives_empty_output()
    {
        var tagged = Tagger.Tag(TextAnalyzer.Analyze(string.Empty));

        tagged.Pos.Should().BeEmpty();
        tagged.EntityTags.Should().BeEmpty();
        tagged.Entities.Should().BeEmpty();
    }

    [Fact]
    public void Tokens_outside_any_sentence_are_still_tagged()
    {
        const string text = "Angela Merkel spoke";
        var tokens = new[] { new Token(0, 6, TokenKind.Word), new Token(7, 6, TokenKind.Word), new Token(14, 5, TokenKind.Word) };
        var analysis = new AnalyzedText(text, tokens, tokens.Length, [], 0, [], 0);

        var tagged = Tagger.Tag(analysis);

        tagged.Pos.Should().NotContain(PosTag.None);
        tagged.Entities(EntityType.Person).Should().Equal("Angela Merkel");
    }

    [Fact]
    public void Works_on_the_placeholder_text_layer()
    {
        var tagged = Tagger.Tag(TextAnalyzer.Analyze("Secretary of State John Kerry arrived in Cairo on Tuesday."));

        tagged.Entities(EntityType.Person).Should().Equal("John Kerry");
        tagged.Entities(EntityType.Location).Should().Equal("Cairo");
    }

    [Fact]
    public void Is_deterministic_and_thread_safe()
    {
        var analysis = TaggingTestText.Analyze(
            "Former Governor Jeb Bush said on Tuesday that the Republican Party must win Florida .",
            "Critics in Washington called the proposal , first reported by The New York Times , a mistake .");
        var expected = Tagger.Tag(analysis);

        var results = new TaggedText[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Tagger.Tag(analysis));

        foreach (var result in results)
        {
            result.Pos.Should().Equal(expected.Pos);
            result.EntityTags.Should().Equal(expected.EntityTags);
            result.Entities.Should().Equal(expected.Entities);
        }
    }

    [Fact]
    public void Honours_cancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var act = () => Tagger.Tag(TaggingTestText.Analyze("One sentence .", "Another one ."), cts.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Default_models_match_the_tag_sets()
    {
        Tagger.PosModel.Kind.Should().Be(ModelKind.PartOfSpeech);
        Tagger.PosModel.ClassCount.Should().Be(PosTags.Count);
        Tagger.NerModel.Kind.Should().Be(ModelKind.Entities);
        Tagger.NerModel.ClassCount.Should().Be(Bilou.ClassCount);
    }

    [Fact]
    public void Entity_confidence_grows_with_the_margin()
    {
        var model = Tagger.NerModel;

        model.Confidence(0).Should().BeInRange(0f, 1f);
        model.Confidence(1000).Should().BeInRange(0f, 1f);
        model.Confidence(1000).Should().BeGreaterThan(model.Confidence(10));
        model.Confidence(10).Should().BeGreaterThan(model.Confidence(0));
    }
}

using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Tests.Robustness;

/// <summary>
/// Extraction work grows linearly with the input: twice the text costs about twice the work, counted by the
/// <see cref="WorkMeter"/> (automaton steps, tokens, and every candidate, name and mention comparison), not timed.
/// Inputs are generated blocks repeated, so the doubled text is the same kind of text.
/// </summary>
public sealed class LinearWorkTests
{
    /// <summary>
    /// Every layer but speaker resolution. Within a section, resolution weighs each pronoun against every earlier
    /// mention of each person, so text dense with names (attributions to the same few people, or the random name-rich
    /// text without punctuation: 2.7 to 3 times the work for twice the text at this size) costs more than linear
    /// there; sections bound that, as the test over many sections shows for every kind with resolution on.
    /// </summary>
    private static readonly QuoteExtractor WithoutResolution = new(new QuoteExtractorOptions { ResolveSpeakers = false });

    private static readonly QuoteExtractor Default = QuoteExtractor.CreateDefault();

    /// <summary>Small sections, so that a few hundred thousand characters already make many.</summary>
    private static readonly QuoteExtractor Sectioned = new(new QuoteExtractorOptions { SectionLength = 10_000 });

    public static TheoryData<string> Kinds() =>
        ["news", "crlf news", "mixed scripts", "no punctuation", "unmatched quotes", "nested quotes"];

    public static TheoryData<string> AllKinds() => [.. Kinds(), "dense attributions"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Twice_the_text_within_one_section_costs_about_twice_the_work(string kind)
    {
        AssertLinear(WithoutResolution, kind, 20_000);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Twice_the_text_over_many_sections_costs_about_twice_the_work(string kind)
    {
        AssertLinear(Sectioned, kind, 60_000);
    }

    /// <summary>
    /// One long run of straight quotation marks after a single attribution: each tiny quotation looks for the nearest
    /// attribution before it, which must not mean walking back over the run (a fuzz finding).
    /// </summary>
    [Fact]
    public void Twice_the_run_of_quotation_marks_costs_about_twice_the_work()
    {
        Work(Default, HostileText.StraightQuoteRun(10_000));
        long small = Work(Default, HostileText.StraightQuoteRun(10_000));
        long large = Work(Default, HostileText.StraightQuoteRun(20_000));

        ((double)large / small).Should().BeInRange(1.6, 2.5, $"{small:N0} units for 10,000 marks, {large:N0} for 20,000");
    }

    /// <summary>
    /// One paragraph of many short transcript turns (<c>HOST: … GUEST: …</c>): a turn runs on past its sentence, which
    /// must not mean every turn reading the rest of the paragraph.
    /// </summary>
    [Fact]
    public void Twice_the_transcript_turns_in_one_paragraph_cost_about_twice_the_work()
    {
        static string Turns(int count) => string.Concat(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "HOST: Is the plan ready? " : "GUEST: It is ready now. "));
        Work(WithoutResolution, Turns(400));
        long small = Work(WithoutResolution, Turns(400));
        long large = Work(WithoutResolution, Turns(800));

        ((double)large / small).Should().BeInRange(1.6, 2.5, $"{small:N0} units for 400 turns, {large:N0} for 800");
    }

    private static void AssertLinear(QuoteExtractor extractor, string kind, int length)
    {
        var block = Block(kind);
        var once = Repeat(block, length);
        var twice = once + Separator(kind) + once;

        // The automata build their states on first use and keep them (bounded by the grammar, not the input): warm
        // them first so that both counts are steady-state work.
        Work(extractor, once);
        long small = Work(extractor, once);
        long large = Work(extractor, twice);

        ((double)large / small).Should().BeInRange(1.6, 2.5, $"{kind}: {small:N0} units for {once.Length:N0} characters, {large:N0} for {twice.Length:N0}");
    }

    private static long Work(QuoteExtractor extractor, string text)
    {
        var meter = new WorkMeter();
        using (meter.Attach())
        {
            extractor.Extract(text);
        }

        return meter.Units;
    }

    private static string Block(string kind) => kind switch
    {
        "news" => NewsText.Generate(1, 30),
        "crlf news" => HostileText.Crlf(NewsText.Generate(2, 30)),
        "mixed scripts" => HostileText.MixedScripts(3, 5_000),
        "dense attributions" => HostileText.DenseAttributions(4, 5_000),
        "no punctuation" => HostileText.NoPunctuation(5, 1_000) + " ",
        "unmatched quotes" => HostileText.UnmatchedQuotes(6, 500),
        _ => HostileText.NestedQuotes(500) + " ",
    };

    private static string Separator(string kind) => kind.Contains("news", StringComparison.Ordinal) ? "\n\n" : " ";

    private static string Repeat(string block, int length)
    {
        var text = new System.Text.StringBuilder(length + block.Length);
        while (text.Length < length)
        {
            text.Append(block);
        }

        return text.ToString();
    }
}

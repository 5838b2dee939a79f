using QuoteExtract.Tests.Robustness.Inputs;

namespace QuoteExtract.Fuzz;

/// <summary>One full-size hostile input of the robustness policy and how it is fed to the library.</summary>
/// <param name="Name">Command-line name.</param>
/// <param name="Description">What the input is.</param>
/// <param name="Run">
/// Builds the input at a scale (1 is full size; building is not timed) and returns the extraction to time, the input
/// size in characters or bytes, and the text the offsets refer to.
/// </param>
internal sealed record StressCase(string Name, string Description, Func<double, StressInput> Run)
{
    /// <summary>No document limit, so that the whole input reaches every layer.</summary>
    private static readonly QuoteExtractor Unbounded = new(new QuoteExtractorOptions { MaxDocumentLength = int.MaxValue });

    private static readonly QuoteExtractor Default = QuoteExtractor.CreateDefault();

    /// <summary>The cases; <c>scale</c> 1 is full size.</summary>
    public static IReadOnlyList<StressCase> All { get; } =
    [
        Text("single-line-50mb", "50 MB of news sentences on one line, default options (truncated to 10M characters)",
            s => HostileText.SingleLine(1, Size(50_000_000, s)), Default),
        Text("single-line-50mb-unbounded", "the same 50 MB line with MaxDocumentLength = int.MaxValue: every character analysed",
            s => HostileText.SingleLine(1, Size(50_000_000, s)), Unbounded),
        Text("unmatched-quotes-100k", "100,000 opening quotation marks of every style that never close, between words and cues",
            s => HostileText.UnmatchedQuotes(2, Size(100_000, s)), Unbounded),
        Text("nested-quotes-100k", "quotations nested 100,000 deep, alternating “ and ‘, with cues between the closing marks",
            s => HostileText.NestedQuotes(Size(100_000, s)), Unbounded),
        Text("straight-quote-run-10mb", "an attribution, then 10M straight double quotation marks in a row",
            s => HostileText.StraightQuoteRun(Size(10_000_000, s)), Unbounded),
        Text("no-punctuation-1m-tokens", "1,000,000 words with no punctuation: one sentence, full of cues and names",
            s => HostileText.NoPunctuation(3, Size(1_000_000, s)), Unbounded),
        Text("dense-attributions-10mb", "10 MB of nothing but short attributions, names and pronouns: the most candidates and mentions per character",
            s => HostileText.DenseAttributions(8, Size(10_000_000, s)), Unbounded),
        Text("mixed-scripts-10mb", "10 MB of news mixed with RTL, CJK, combining marks, emoji sequences, bidi controls",
            s => HostileText.MixedScripts(4, Size(10_000_000, s)), Unbounded),
        Text("crlf-10mb", "10 MB of news with CRLF line ends",
            s => HostileText.Crlf(NewsText.OfLength(5, Size(10_000_000, s))), Unbounded),
        Text("one-word-10mb", "a single 10M-character word",
            s => new string('a', Size(10_000_000, s)), Unbounded),
        Text("dotted-word-10mb", "one 10M-character token of letters, periods and digits (a.1a.1…)",
            s => string.Concat(Enumerable.Repeat("a.1", Size(10_000_000, s) / 3)), Unbounded),
        Text("punctuation-10mb", "10M characters of sentence punctuation and dashes",
            s => string.Concat(Enumerable.Repeat(". ! ? - , ; : ( ) ", Size(10_000_000, s) / 20)), Unbounded),
        Text("blank-lines-10mb", "10M characters of line breaks and spaces",
            s => string.Concat(Enumerable.Repeat(" \n \r\n\t", Size(10_000_000, s) / 6)), Unbounded),
        Bytes("binary-garbage-10mb", "10 MB of random bytes through ExtractAsync(Stream)",
            s => HostileText.BinaryGarbage(6, Size(10_000_000, s))),
        Bytes("invalid-utf8-10mb", "10 MB of UTF-8 news with ill-formed sequences through ExtractAsync(Stream)",
            s => HostileText.InvalidUtf8(7, Size(10_000_000, s))),
    ];

    private static int Size(int full, double scale) => Math.Max(1, (int)(full * scale));

    private static StressCase Text(string name, string description, Func<double, string> build, QuoteExtractor extractor) =>
        new(name, description, scale =>
        {
            var text = build(scale);
            return new StressInput(() => extractor.Extract(text), text.Length, () => text);
        });

    private static StressCase Bytes(string name, string description, Func<double, byte[]> build) =>
        new(name, description, scale =>
        {
            var bytes = build(scale);
            return new StressInput(() => Unbounded.ExtractAsync(new MemoryStream(bytes)).GetAwaiter().GetResult(), bytes.Length, () => Utf8Text.Decode(bytes).Text);
        });
}

/// <summary>A built stress input.</summary>
/// <param name="Extract">The extraction to time.</param>
/// <param name="Size">Input size in characters (or bytes for byte input).</param>
/// <param name="Text">The text that the result's offsets refer to.</param>
internal sealed record StressInput(Func<QuoteExtractionResult> Extract, long Size, Func<string> Text);

namespace QuoteExtract.Training.Gold;

/// <summary>A character range of a gold span fragment (end exclusive).</summary>
/// <param name="Start">Start offset.</param>
/// <param name="End">End offset.</param>
internal readonly record struct GoldSpan(int Start, int End);

/// <summary>One gold attribution relation of PolNeAR: source, cue and content fragments (any may be empty but content).</summary>
/// <param name="Source">Source fragments; empty for an attribution without a source.</param>
/// <param name="Cue">Cue fragments.</param>
/// <param name="Content">Content fragments (Content, Content2, …).</param>
internal sealed record GoldAttribution(IReadOnlyList<GoldSpan> Source, IReadOnlyList<GoldSpan> Cue, IReadOnlyList<GoldSpan> Content);

/// <summary>A gold document: its text and attributions.</summary>
/// <param name="Name">File name without extension.</param>
/// <param name="Text">The text, decoded as UTF-8.</param>
/// <param name="Attributions">Relations that have content, in file order.</param>
internal sealed record GoldDocument(string Name, string Text, IReadOnlyList<GoldAttribution> Attributions);

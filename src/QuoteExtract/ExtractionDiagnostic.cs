namespace QuoteExtract;

/// <summary>Something about the input worth knowing that did not stop extraction.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>text-truncated</c>.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="Offset">Where in the text it applies, when it applies to one place.</param>
public sealed record ExtractionDiagnostic(string Code, string Message, int? Offset = null);

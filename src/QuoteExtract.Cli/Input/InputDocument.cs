namespace QuoteExtract.Cli.Input;

/// <summary>One document to process: where it comes from and how to read its bytes.</summary>
/// <param name="Source">The name written to the output (a path, <c>-</c>, or the sample's name).</param>
/// <param name="Open">Opens the document's bytes.</param>
internal sealed record InputDocument(string Source, Func<Stream> Open);

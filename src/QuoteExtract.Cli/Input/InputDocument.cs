namespace QuoteExtract.Cli.Input;

/// <summary>One document to process: where it comes from and how to read its bytes.</summary>
/// <param name="Source">The name written to the output (a path, <c>-</c>, or the sample's name).</param>
/// <param name="Open">Opens the document's bytes.</param>
/// <param name="Length">Its size in bytes when known beforehand (a file's), else 0: what groups the documents (<see cref="DocumentGroups"/>).</param>
internal sealed record InputDocument(string Source, Func<Stream> Open, long Length = 0);

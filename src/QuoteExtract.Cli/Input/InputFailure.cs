namespace QuoteExtract.Cli.Input;

/// <summary>An input that could not be processed, and why, in words for the user.</summary>
/// <param name="Source">The path as given.</param>
/// <param name="Reason">What went wrong.</param>
internal sealed record InputFailure(string Source, string Reason);

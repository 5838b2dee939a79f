namespace QuoteExtract;

/// <summary>Progress of a batch extraction, reported after each document completes.</summary>
/// <param name="DocumentsCompleted">Documents finished so far.</param>
/// <param name="CharactersProcessed">Characters of the finished documents.</param>
public readonly record struct ExtractionProgress(int DocumentsCompleted, long CharactersProcessed);

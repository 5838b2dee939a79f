namespace QuoteExtract.Cli;

/// <summary>How results are written.</summary>
internal enum OutputFormat
{
    /// <summary>A human-readable table per document.</summary>
    Table,
    /// <summary>One JSON array of document records.</summary>
    Json,
    /// <summary>One JSON document record per line.</summary>
    Jsonl,
    /// <summary>One CSV row per quote.</summary>
    Csv,
}

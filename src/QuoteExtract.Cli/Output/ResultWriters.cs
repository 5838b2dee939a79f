namespace QuoteExtract.Cli.Output;

/// <summary>Chooses the writer for an output format.</summary>
internal static class ResultWriters
{
    public static IResultWriter Create(OutputFormat format, TextWriter output, bool isTerminal) => format switch
    {
        OutputFormat.Jsonl => new JsonLinesWriter(output),
        OutputFormat.Json => new JsonArrayWriter(output),
        OutputFormat.Csv => new CsvWriter(output),
        _ => new TableWriter(output, isTerminal),
    };
}

namespace QuoteExtract.Cli.Output;

/// <summary>JSON Lines: exactly one line per input document.</summary>
internal sealed class JsonLinesWriter(TextWriter output) : IResultWriter
{
    public void Write(string source, QuoteExtractionResult result)
    {
        JsonOutput.Write(output, source, result);
        output.Write('\n');
        output.Flush();
    }

    public void Finish() => output.Flush();
}

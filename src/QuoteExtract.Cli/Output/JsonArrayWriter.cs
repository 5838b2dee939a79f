namespace QuoteExtract.Cli.Output;

/// <summary>One JSON array of document records, written element by element.</summary>
internal sealed class JsonArrayWriter(TextWriter output) : IResultWriter
{
    private bool _first = true;

    public void Write(string source, QuoteExtractionResult result)
    {
        output.Write(_first ? "[\n" : ",\n");
        _first = false;
        JsonOutput.Write(output, source, result);
        output.Flush();
    }

    public void Finish()
    {
        output.Write(_first ? "[]\n" : "\n]\n");
        output.Flush();
    }
}

namespace QuoteExtract.Cli.Output;

/// <summary>Writes documents' results as they are produced, so output starts before input ends.</summary>
internal interface IResultWriter
{
    /// <summary>Writes one document's result.</summary>
    void Write(string source, QuoteExtractionResult result);

    /// <summary>Writes whatever closes the output (e.g. the end of a JSON array) and flushes.</summary>
    void Finish();
}

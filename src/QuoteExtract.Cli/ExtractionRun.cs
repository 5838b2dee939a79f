using System.Text;
using QuoteExtract.Cli.Input;
using QuoteExtract.Cli.Output;
using Spectre.Console;

namespace QuoteExtract.Cli;

/// <summary>
/// One invocation of the tool: reads and extracts documents in parallel, writes each result in input
/// order as soon as it and all before it are ready (so output starts before input ends and memory stays
/// flat), and reports failures per input without stopping the others.
/// </summary>
internal sealed class ExtractionRun(
    IReadOnlyList<string> paths,
    OutputFormat format,
    string? outputPath,
    double minimumConfidence,
    int threads,
    TextReader stdin,
    TextWriter stdout,
    TextWriter stderr)
{
    public int Execute(CancellationToken cancellationToken)
    {
        var (documents, failures) = InputExpander.Expand(paths, OpenStandardInput);
        foreach (var failure in failures)
        {
            Report(failure);
        }

        TextWriter output;
        try
        {
            output = outputPath is null
                ? stdout
                : new StreamWriter(outputPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"quote-extract: {outputPath}: cannot write output: {e.Message}");
            return ExitCodes.UsageError;
        }

        var extractor = new QuoteExtractor(new QuoteExtractorOptions { MinimumConfidence = minimumConfidence });
        var isTerminal = outputPath is null && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var writer = ResultWriters.Create(format, output, isTerminal);
        int inputFailures = failures.Count;
        try
        {
            var outcomes = OrderedBatch.Run(documents, (d, ct) => Process(d, extractor, ct), threads, cancellationToken);
            if (documents.Count > 1 && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask("Extracting", maxValue: documents.Count);
                        foreach (var outcome in outcomes)
                        {
                            inputFailures += Write(outcome, writer);
                            task.Increment(1);
                        }
                    });
            }
            else
            {
                foreach (var outcome in outcomes)
                {
                    inputFailures += Write(outcome, writer);
                }
            }

            writer.Finish();
        }
        finally
        {
            if (!ReferenceEquals(output, stdout))
            {
                output.Dispose();
            }
        }

        if (inputFailures > 0)
        {
            stderr.WriteLine($"quote-extract: {inputFailures} of {documents.Count + failures.Count} input(s) failed; all others were written.");
            return ExitCodes.SomeInputsFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes a result or reports a failure; returns the number of failures (0 or 1).</summary>
    private int Write(DocumentOutcome outcome, IResultWriter writer)
    {
        if (outcome.Failure is not null)
        {
            Report(outcome.Failure);
            return 1;
        }

        if (outcome.Warning is not null)
        {
            stderr.WriteLine($"quote-extract: {outcome.Source}: warning: {outcome.Warning}");
        }

        writer.Write(outcome.Source, outcome.Result!);
        return 0;
    }

    private static DocumentOutcome Process(InputDocument document, QuoteExtractor extractor, CancellationToken cancellationToken)
    {
        Utf8Text.Decoded decoded;
        try
        {
            using var stream = document.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            decoded = Utf8Text.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new DocumentOutcome(document.Source, null, new InputFailure(document.Source, $"cannot read: {e.Message}"), null);
        }

        var warning = decoded.InvalidBytes > 0 ? Utf8Text.InvalidDiagnostic(decoded).Message : null;
        return new DocumentOutcome(document.Source, extractor.Extract(decoded.Text, cancellationToken), null, warning);
    }

    private void Report(InputFailure failure) => stderr.WriteLine($"quote-extract: {failure.Source}: {failure.Reason}");

    private Stream OpenStandardInput() =>
        ReferenceEquals(stdin, Console.In)
            ? Console.OpenStandardInput()
            : new MemoryStream(Encoding.UTF8.GetBytes(stdin.ReadToEnd()));

    /// <summary>What became of one document: a result (maybe with a warning) or a failure.</summary>
    private sealed record DocumentOutcome(string Source, QuoteExtractionResult? Result, InputFailure? Failure, string? Warning);
}

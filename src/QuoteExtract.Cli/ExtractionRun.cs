using System.Text;
using QuoteExtract.Cli.Input;
using QuoteExtract.Cli.Output;
using Spectre.Console;

namespace QuoteExtract.Cli;

/// <summary>
/// One invocation of the tool: reads every input in order, extracts, writes each result as soon as it
/// is ready, and reports failures per input without stopping the others.
/// </summary>
internal sealed class ExtractionRun(
    IReadOnlyList<string> paths,
    OutputFormat format,
    string? outputPath,
    double minimumConfidence,
    TextReader stdin,
    TextWriter stdout,
    TextWriter stderr)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var (documents, failures) = InputExpander.Expand(paths, OpenStandardInput);
        foreach (var failure in failures)
        {
            await ReportAsync(failure);
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
            await stderr.WriteLineAsync($"quote-extract: {outputPath}: cannot write output: {e.Message}");
            return ExitCodes.UsageError;
        }

        var extractor = new QuoteExtractor(new QuoteExtractorOptions { MinimumConfidence = minimumConfidence });
        var isTerminal = outputPath is null && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var writer = ResultWriters.Create(format, output, isTerminal);
        try
        {
            if (documents.Count > 1 && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
            {
                await ProcessWithProgressAsync(documents, extractor, writer, failures, cancellationToken);
            }
            else
            {
                foreach (var document in documents)
                {
                    await ProcessAsync(document, extractor, writer, failures, cancellationToken);
                }
            }

            writer.Finish();
        }
        finally
        {
            if (!ReferenceEquals(output, stdout))
            {
                await output.DisposeAsync();
            }
        }

        if (failures.Count > 0)
        {
            await stderr.WriteLineAsync(
                $"quote-extract: {failures.Count} of {documents.Count + failures.Count - CountLateFailures(failures, documents)} input(s) failed; all others were written.");
            return ExitCodes.SomeInputsFailed;
        }

        return ExitCodes.Success;
    }

    private static int CountLateFailures(List<InputFailure> failures, List<InputDocument> documents)
    {
        var sources = documents.Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
        return failures.Count(f => sources.Contains(f.Source));
    }

    private async Task ProcessWithProgressAsync(
        List<InputDocument> documents, QuoteExtractor extractor, IResultWriter writer, List<InputFailure> failures, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Extracting", maxValue: documents.Count);
                foreach (var document in documents)
                {
                    await ProcessAsync(document, extractor, writer, failures, cancellationToken);
                    task.Increment(1);
                }
            });
    }

    private async Task ProcessAsync(
        InputDocument document, QuoteExtractor extractor, IResultWriter writer, List<InputFailure> failures, CancellationToken cancellationToken)
    {
        Utf8Text.Decoded decoded;
        try
        {
            await using var stream = document.Open();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            decoded = Utf8Text.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            var failure = new InputFailure(document.Source, $"cannot read: {e.Message}");
            failures.Add(failure);
            await ReportAsync(failure);
            return;
        }

        if (decoded.InvalidBytes > 0)
        {
            await stderr.WriteLineAsync($"quote-extract: {document.Source}: warning: {Utf8Text.InvalidDiagnostic(decoded).Message}");
        }

        var result = extractor.Extract(decoded.Text, cancellationToken);
        writer.Write(document.Source, result);
    }

    private Task ReportAsync(InputFailure failure) =>
        stderr.WriteLineAsync($"quote-extract: {failure.Source}: {failure.Reason}");

    private Stream OpenStandardInput() =>
        ReferenceEquals(stdin, Console.In)
            ? Console.OpenStandardInput()
            : new MemoryStream(Encoding.UTF8.GetBytes(stdin.ReadToEnd()));
}

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
            var outcomes = OrderedBatch.Run(DocumentGroups.Of(documents, static d => d.Length), (group, ct) => Process(group, extractor, ct), threads, cancellationToken)
                .SelectMany(static group => group);
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
            if (!ReferenceEquals(output, stdout))
            {
                output.Dispose();
            }
        }
        catch (IOException e)
        {
            // A full disk or a closed pipe (quote-extract … | head): nothing more can be written.
            stderr.WriteLine($"quote-extract: cannot write output: {e.Message}");
            return ExitCodes.UsageError;
        }
        finally
        {
            if (!ReferenceEquals(output, stdout))
            {
                try
                {
                    output.Dispose();
                }
                catch (IOException)
                {
                    // Already reported: the output failed while it was written.
                }
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

        foreach (var diagnostic in outcome.Result!.Diagnostics)
        {
            stderr.WriteLine($"quote-extract: {outcome.Source}: warning: {diagnostic.Message}");
        }

        writer.Write(outcome.Source, outcome.Result!);
        return 0;
    }

    /// <summary>
    /// Reads a group of documents, then extracts the ones read in one call, stage by stage (each stage's tables stay in
    /// the processor's caches across the group). Reading stops just past the document limit (the library truncates
    /// with a diagnostic), so a huge file cannot exhaust memory. An input that cannot be read is a failure of that
    /// input alone; so is an unexpected error of the library on one document, which must not lose the others: the
    /// group is then extracted again one document at a time.
    /// </summary>
    private static DocumentOutcome[] Process(InputDocument[] group, QuoteExtractor extractor, CancellationToken cancellationToken)
    {
        var outcomes = new DocumentOutcome?[group.Length];
        var read = new List<(int Index, Utf8Text.Decoded Decoded, bool More)>(group.Length);
        for (int i = 0; i < group.Length; i++)
        {
            try
            {
                using var stream = group[i].Open();
                var (decoded, more) = BoundedInput.ReadUtf8Async(stream, extractor.MaxDocumentLength, cancellationToken).GetAwaiter().GetResult();
                read.Add((i, decoded, more));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
            {
                outcomes[i] = Failed(group[i], $"cannot read: {e.Message}");
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                outcomes[i] = Failed(group[i], $"internal error, please report it with this input: {e.GetType().Name}: {e.Message}");
            }
        }

        try
        {
            var results = extractor.ExtractDecoded(read.Select(r => (r.Decoded, r.More)).ToList(), cancellationToken);
            for (int k = 0; k < read.Count; k++)
            {
                outcomes[read[k].Index] = new DocumentOutcome(group[read[k].Index].Source, results[k], null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            foreach (var (index, decoded, more) in read)
            {
                outcomes[index] = ExtractAlone(group[index], decoded, more, extractor, cancellationToken);
            }
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>One document extracted on its own, so that an unexpected error of the library is this input's failure alone.</summary>
    private static DocumentOutcome ExtractAlone(InputDocument document, Utf8Text.Decoded decoded, bool more, QuoteExtractor extractor, CancellationToken cancellationToken)
    {
        try
        {
            return new DocumentOutcome(document.Source, extractor.ExtractDecoded([(decoded, more)], cancellationToken)[0], null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return Failed(document, $"internal error, please report it with this input: {e.GetType().Name}: {e.Message}");
        }
    }

    private static DocumentOutcome Failed(InputDocument document, string reason) =>
        new(document.Source, null, new InputFailure(document.Source, reason));

    private void Report(InputFailure failure) => stderr.WriteLine($"quote-extract: {failure.Source}: {failure.Reason}");

    private Stream OpenStandardInput() =>
        ReferenceEquals(stdin, Console.In)
            ? Console.OpenStandardInput()
            : new MemoryStream(Encoding.UTF8.GetBytes(stdin.ReadToEnd()));

    /// <summary>What became of one document: a result (its diagnostics are shown as warnings) or a failure.</summary>
    private sealed record DocumentOutcome(string Source, QuoteExtractionResult? Result, InputFailure? Failure);
}

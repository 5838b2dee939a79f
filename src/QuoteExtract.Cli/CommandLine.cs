using System.CommandLine;

namespace QuoteExtract.Cli;

/// <summary>Declares the command line and hands a parsed invocation to <see cref="ExtractionRun"/>.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Text files or directories (their *.txt files, recursively). '-' reads standard input. "
                + "With no PATH, an embedded sample article is used.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(r =>
        {
            // Unknown options would otherwise be taken for file names.
            foreach (var value in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.Length > 1 && value[0] == '-')
                {
                    r.AddError($"Unknown option '{value}'. To read a file whose name starts with '-', write ./{value}.");
                }
            }
        });
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: table, json, jsonl or csv.",
            DefaultValueFactory = _ => OutputFormat.Table,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write results to this file instead of standard output.",
        };
        var minConfidence = new Option<double>("--min-confidence")
        {
            Description = "Drop quotes whose confidence is below this value (0 to 1).",
            DefaultValueFactory = _ => 0,
        };
        minConfidence.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<double>();
            if (double.IsNaN(v) || v < 0 || v > 1)
            {
                r.AddError("--min-confidence must be between 0 and 1.");
            }
        });

        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Documents processed at the same time (default: the number of processors).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--threads must be at least 1.");
            }
        });

        var root = new RootCommand("Finds who said what in English news text: direct, indirect and mixed quotes with their speakers.")
        {
            paths, format, output, minConfidence, threads,
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"quote-extract: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'quote-extract --help' for usage.");
            return ExitCodes.UsageError;
        }

        root.SetAction((result, cancellationToken) =>
        {
            var run = new ExtractionRun(
                result.GetValue(paths) ?? [],
                result.GetValue(format),
                result.GetValue(output),
                result.GetValue(minConfidence),
                result.GetValue(threads),
                stdin,
                stdout,
                stderr);
            return Task.FromResult(run.Execute(cancellationToken));
        });

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parse.InvokeAsync(configuration);
    }
}

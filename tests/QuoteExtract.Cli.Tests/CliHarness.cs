namespace QuoteExtract.Cli.Tests;

/// <summary>Runs the tool in-process with captured standard streams.</summary>
internal static class CliHarness
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, input, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithInputAsync("", args);
}

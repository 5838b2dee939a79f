namespace QuoteExtract.Cli;

/// <summary>The tool's exit codes, part of its contract.</summary>
internal static class ExitCodes
{
    /// <summary>Every input was processed.</summary>
    public const int Success = 0;
    /// <summary>Some inputs failed; each is reported on standard error, every other one was written.</summary>
    public const int SomeInputsFailed = 1;
    /// <summary>The command line was wrong, or the output could not be created or written.</summary>
    public const int UsageError = 2;
}

namespace QuoteExtract.Matching;

/// <summary>A rule text that does not parse or compile, with the 1-based line and column of the problem.</summary>
internal sealed class PatternSyntaxException : FormatException
{
    public PatternSyntaxException(string source, int line, int column, string reason)
        : base($"{source}({line},{column}): {reason}")
    {
        Source = source;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public PatternSyntaxException()
        : this("patterns", 1, 1, "Invalid pattern.")
    {
    }

    public PatternSyntaxException(string message)
        : this("patterns", 1, 1, message)
    {
    }

    public PatternSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = "patterns";
        Reason = message;
    }

    /// <summary>Name of the rule text (a file name or <c>ExtraPatterns[2]</c>).</summary>
    public new string Source { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }
}

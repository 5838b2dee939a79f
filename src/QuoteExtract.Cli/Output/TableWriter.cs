using Spectre.Console;

namespace QuoteExtract.Cli.Output;

/// <summary>A table per document for people reading a terminal.</summary>
internal sealed class TableWriter : IResultWriter
{
    private readonly TextWriter _output;
    private readonly IAnsiConsole _console;

    public TableWriter(TextWriter output, bool isTerminal)
    {
        _output = output;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal)
        {
            _console.Profile.Width = 160;
        }
    }

    public void Write(string source, QuoteExtractionResult result)
    {
        var table = new Table()
            .Title($"[bold]{Markup.Escape(source)}[/]: {result.Quotes.Count} quote(s)")
            .Border(TableBorder.Rounded)
            .AddColumn("Speaker")
            .AddColumn("Cue")
            .AddColumn("Kind")
            .AddColumn(new TableColumn("Conf.").RightAligned())
            .AddColumn("Content");
        foreach (var q in result.Quotes)
        {
            var speaker = q.Entity?.Name ?? q.Speaker?.Text ?? "—";
            table.AddRow(
                Markup.Escape(speaker),
                Markup.Escape(q.Cue?.Text ?? "—"),
                q.Kind.ToString().ToLowerInvariant(),
                q.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(q.ContentFragments is { Count: > 1 } parts ? string.Join(" … ", parts.Select(p => p.Text)) : q.Content.Text));
        }

        _console.Write(table);
        foreach (var d in result.Diagnostics)
        {
            _console.MarkupLine($"[yellow]note:[/] {Markup.Escape(d.Message)}");
        }

        _output.Flush();
    }

    public void Finish() => _output.Flush();
}

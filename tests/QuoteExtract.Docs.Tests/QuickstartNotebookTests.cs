using System.Text.RegularExpressions;

namespace QuoteExtract.Docs.Tests;

/// <summary>Runs docs/notebooks/quickstart.ipynb once for all the tests of <see cref="QuickstartNotebookTests"/>.</summary>
public sealed class QuickstartNotebook : IAsyncLifetime, IDisposable
{
    private readonly NotebookRunner _runner = new();

    internal NotebookRunner Runner => _runner;

    public Task InitializeAsync() => _runner.RunAsync(
        Repository.PathOf("docs/notebooks/quickstart.ipynb"),
        typeof(QuoteExtractor).Assembly.Location,
        Repository.PathOf("src/QuoteExtract/interactive-extensions/dotnet/extension.dib"));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _runner.Dispose();
}

public sealed partial class QuickstartNotebookTests(QuickstartNotebook notebook) : IClassFixture<QuickstartNotebook>
{
    private NotebookRunner Run => notebook.Runner;

    /// <summary>What the library itself extracts from the notebook's sample text.</summary>
    private QuoteExtractionResult Expected => QuoteExtractor.CreateDefault().Extract(Run.Variable<string>("text"));

    [Fact]
    public void Every_code_cell_runs_without_an_error()
    {
        Run.Cells.Should().HaveCountGreaterThanOrEqualTo(5);
        foreach (var cell in Run.Cells)
        {
            cell.Errors.Should().BeEmpty($"cell {cell.Index} should run:\n{cell.Code}");
        }
    }

    [Fact]
    public void The_notebook_loads_the_package_by_name()
    {
        Run.PackageReferences.Should().Be(1);
    }

    [Fact]
    public void The_summary_cell_counts_what_the_library_extracts()
    {
        var expected = Expected;

        var summary = Run.Cells.SelectMany(c => c.Outputs("text/plain")).Single(o => o.Contains("quotes", StringComparison.Ordinal));

        expected.Quotes.Should().HaveCountGreaterThanOrEqualTo(4, "the sample should show several quotes");
        summary.Should().Be($"{expected.Quotes.Count} quotes, {expected.Entities.Count} entities");
    }

    [Fact]
    public void A_result_displays_as_highlighted_html_through_the_package_extension()
    {
        var expected = Expected;

        var html = Run.Cells.SelectMany(c => c.Outputs("text/html")).Single(o => o.Contains("class=\"qx-result\"", StringComparison.Ordinal));

        html.Should().Be(expected.ToHtml());
        TableRow().Count(html).Should().Be(expected.Quotes.Count);
        html.Should().Contain("<mark class=\"qx-speaker\" data-quotes=").And.Contain(">Amara Diallo</mark>");
    }

    [Fact]
    public void Filtering_by_category_keeps_exactly_the_speech_quotes()
    {
        var speech = Run.Variable<List<Quote>>("speech");

        speech.Should().NotBeEmpty().And.OnlyContain(q => q.Category == QuoteCategory.Speech);
        speech.Should().HaveCount(Expected.Quotes.Count(q => q.Category == QuoteCategory.Speech));
        speech.Count.Should().BeLessThan(Expected.Quotes.Count, "the sample also has other categories, so the filter shows");
    }

    [Fact]
    public void Grouping_by_speaker_lists_every_resolved_speaker_with_their_count()
    {
        var groups = Run.Cells.Single(c => c.Code.Contains("GroupBy", StringComparison.Ordinal)).Outputs("text/html").Single();

        foreach (var speaker in Expected.Quotes.Where(q => q.Entity is not null).GroupBy(q => q.Entity!.Name))
        {
            groups.Should().MatchRegex($"{Regex.Escape(speaker.Key)}</td><td>(<div class=\"dni-plaintext\"><pre>)?{speaker.Count()}<");
        }
    }

    [Fact]
    public void The_markdown_cell_displays_the_table_of_quotes()
    {
        var markdown = Run.Cells.SelectMany(c => c.Outputs("text/markdown")).Single();

        markdown.Should().Contain("| # | Speaker | Entity |");
        markdown.Split('\n').Count(l => Regex.IsMatch(l, @"^\| \d+ \|")).Should().Be(Expected.Quotes.Count);
    }

    [GeneratedRegex("<tr><td>\\d+</td>")]
    private static partial Regex TableRow();
}

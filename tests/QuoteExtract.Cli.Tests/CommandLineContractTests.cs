using System.Text.Json;

namespace QuoteExtract.Cli.Tests;

public sealed class CommandLineContractTests
{
    private const string Article = "The council met on Tuesday.\n\n“We will build it,” said Jane Okoro.\n";

    [Fact]
    public async Task Without_paths_the_embedded_sample_is_processed_as_a_table()
    {
        var (code, stdout, stderr) = await CliHarness.RunAsync();

        code.Should().Be(0, stderr);
        stdout.Should().Contain("sample-article.txt").And.Contain("Speaker").And.Contain("said");
    }

    [Fact]
    public async Task Jsonl_writes_exactly_one_parseable_line_per_document()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.txt", Article);
        var b = dir.Write("b.txt", "No quotes here.");

        var (code, stdout, _) = await CliHarness.RunAsync("--format", "jsonl", a, b);

        code.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(lines[0]);
        first.RootElement.GetProperty("source").GetString().Should().Be(a);
        var quote = first.RootElement.GetProperty("quotes")[0];
        var content = quote.GetProperty("content");
        Article[content.GetProperty("start").GetInt32()..content.GetProperty("end").GetInt32()]
            .Should().Be(content.GetProperty("text").GetString());
        first.RootElement.GetProperty("entities").ValueKind.Should().Be(JsonValueKind.Array);
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("quotes").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_directory_means_its_txt_files_recursively_in_ordinal_path_order()
    {
        using var dir = new TempDirectory();
        dir.Write("b.txt", "b");
        dir.Write("a/z.txt", "z");
        dir.Write("B.txt", "B");
        dir.Write("a/notes.md", "not text");

        var (code, stdout, _) = await CliHarness.RunAsync("--format", "jsonl", dir.Path);

        code.Should().Be(0);
        var sources = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString())
            .ToList();
        sources.Should().Equal(
            Path.Combine(dir.Path, "B.txt"),
            Path.Combine(dir.Path, "a", "z.txt"),
            Path.Combine(dir.Path, "b.txt"));
    }

    [Fact]
    public async Task Dash_reads_standard_input()
    {
        var (code, stdout, _) = await CliHarness.RunWithInputAsync(Article, "--format", "jsonl", "-");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("source").GetString().Should().Be("-");
        doc.RootElement.GetProperty("quotes").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_missing_input_is_reported_and_the_others_are_still_written_with_exit_code_1()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("good.txt", Article);
        var missing = Path.Combine(dir.Path, "missing.txt");

        var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", missing, good);

        code.Should().Be(1);
        stderr.Should().Contain(missing).And.Contain("no such file");
        stderr.Should().NotContain("   at ", "expected failures are reported without a stack trace");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("good.txt");
    }

    [Theory]
    [InlineData("--format", "yaml")]
    [InlineData("--no-such-option")]
    [InlineData("--min-confidence", "3")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        var (code, _, stderr) = await CliHarness.RunAsync(args);

        code.Should().Be(2);
        stderr.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Json_format_is_one_array_of_documents()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.txt", Article);

        var (code, stdout, _) = await CliHarness.RunAsync("--format", "json", a, a);

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Csv_format_has_a_header_and_one_row_per_quote_with_quoted_fields()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.txt", Article);

        var (code, stdout, _) = await CliHarness.RunAsync("--format", "csv", a);

        code.Should().Be(0);
        var rows = stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().StartWith("source,kind,category,confidence,speaker");
        rows.Should().HaveCount(2);
        rows[1].Should().Contain("\"“We will build it,”\"");
    }

    [Fact]
    public async Task Output_option_writes_to_the_file()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.txt", Article);
        var target = Path.Combine(dir.Path, "out.jsonl");

        var (code, stdout, _) = await CliHarness.RunAsync("--format", "jsonl", "--output", target, a);

        code.Should().Be(0);
        stdout.Should().BeEmpty();
        File.ReadAllLines(target).Should().ContainSingle();
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    public async Task Json_written_to_a_file_is_the_same_as_on_standard_output(string format)
    {
        // A file gets the serializer's UTF-8 bytes directly and standard output gets strings: the two paths must agree,
        // non-ASCII quotation marks and separators between documents included.
        using var dir = new TempDirectory();
        var a = dir.Write("a.txt", Article);
        var target = Path.Combine(dir.Path, "out." + format);

        var (_, stdout, _) = await CliHarness.RunAsync("--format", format, a, a);
        var (code, _, _) = await CliHarness.RunAsync("--format", format, "--output", target, a, a);

        code.Should().Be(0);
        stdout.Should().Contain("“");
        File.ReadAllText(target, System.Text.Encoding.UTF8).Should().Be(stdout);
    }

    [Fact]
    public async Task Offsets_skip_a_byte_order_mark()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bom.txt");
        File.WriteAllText(path, Article, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var (_, stdout, _) = await CliHarness.RunAsync("--format", "jsonl", path);

        using var doc = JsonDocument.Parse(stdout);
        var content = doc.RootElement.GetProperty("quotes")[0].GetProperty("content");
        Article[content.GetProperty("start").GetInt32()..content.GetProperty("end").GetInt32()]
            .Should().Be(content.GetProperty("text").GetString());
    }
}

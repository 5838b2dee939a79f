namespace QuoteExtract.Cli.Tests;

public sealed class FailureHandlingTests
{
    [Fact]
    public async Task A_dangling_link_in_a_directory_fails_alone_and_the_rest_is_written()
    {
        using var dir = new TempDirectory();
        dir.Write("a.txt", "“We will build it,” said Jane Okoro.");
        dir.Write("c.txt", "Nothing to see.");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "b.txt"), Path.Combine(dir.Path, "missing-target.txt"));

        var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", "--threads", "2", dir.Path);

        code.Should().Be(1);
        stderr.Should().Contain("b.txt").And.Contain("cannot read").And.Contain("1 of 3 input(s) failed");
        stderr.Should().NotContain("   at ");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_warning_not_a_failure()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.txt");
        File.WriteAllBytes(path, [0xFF, .. System.Text.Encoding.UTF8.GetBytes(" “We will build it,” said Jane Okoro.")]);

        var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", path);

        code.Should().Be(0);
        stderr.Should().Contain("warning").And.Contain("invalid UTF-8");
        stdout.Should().Contain("Jane Okoro");
    }

    [Fact]
    public async Task Many_files_on_several_threads_come_out_in_ordinal_order()
    {
        using var dir = new TempDirectory();
        var names = Enumerable.Range(0, 60).Select(i => $"doc{i:D3}.txt").ToList();
        foreach (var name in names)
        {
            dir.Write(name, $"“Number {name},” said Jane Okoro.");
        }

        var (code, stdout, _) = await CliHarness.RunAsync("--format", "jsonl", "--threads", "4", dir.Path);

        code.Should().Be(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("source").GetString())
            .Should().Equal(names.Select(n => Path.Combine(dir.Path, n)));
    }

    [Fact]
    public async Task An_output_file_that_cannot_be_created_is_a_usage_error()
    {
        var (code, _, stderr) = await CliHarness.RunAsync("--output", "/nonexistent-dir/out.jsonl");

        code.Should().Be(2);
        stderr.Should().Contain("cannot write output");
    }
}

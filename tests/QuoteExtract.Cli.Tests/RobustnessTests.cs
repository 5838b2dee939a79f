using System.Runtime.Versioning;
using System.Text.Json;

namespace QuoteExtract.Cli.Tests;

/// <summary>
/// Bad inputs among good ones: each fails alone with a reason on standard error and no stack trace, every other
/// input is processed and written, a summary closes the run and the exit code is 1.
/// </summary>
public sealed class RobustnessTests
{
    private const string Article = "“We will build it,” said Jane Okoro.";

    [Fact]
    public async Task Thousands_of_files_with_one_bad_one_are_all_written_but_it()
    {
        using var dir = new TempDirectory();
        for (int i = 0; i < 3000; i++)
        {
            dir.Write($"d{i / 100:D2}/doc{i:D4}.txt", i % 500 == 0 ? Article : $"Item {i} of the list.");
        }

        File.CreateSymbolicLink(Path.Combine(dir.Path, "d05", "doc0550-bad.txt"), Path.Combine(dir.Path, "gone.txt"));

        var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", "--threads", "2", dir.Path);

        code.Should().Be(1);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3000);
        lines.Count(l => l.Contains("Jane Okoro", StringComparison.Ordinal)).Should().Be(6);
        stderr.Should().Contain("doc0550-bad.txt: cannot read").And.Contain("1 of 3001 input(s) failed");
        stderr.Should().NotContain("   at ", "expected failures are reported without a stack trace");
    }

    [PermissionsFact]
    [UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_file_fails_alone()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("a.txt", Article);
        var locked = dir.Write("b.txt", Article);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", good, locked);

        code.Should().Be(1);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("a.txt");
        stderr.Should().Contain($"{locked}: cannot read").And.Contain("1 of 2 input(s) failed").And.NotContain("   at ");
    }

    [PermissionsFact]
    [UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_directory_fails_alone_and_its_siblings_are_read()
    {
        using var dir = new TempDirectory();
        dir.Write("open/a.txt", Article);
        dir.Write("locked/b.txt", Article);
        var locked = Path.Combine(dir.Path, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", dir.Path);

            code.Should().Be(1);
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("a.txt");
            stderr.Should().Contain($"{locked}: cannot list directory").And.NotContain("   at ");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_directory_link_loop_does_not_make_the_listing_endless()
    {
        using var dir = new TempDirectory();
        dir.Write("a/b/doc.txt", Article);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "a", "b", "up"), Path.Combine(dir.Path, "a"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "a", "b", "again"), Path.Combine(dir.Path, "a"));

        var (code, stdout, _) = await CliHarness.RunAsync("--format", "jsonl", dir.Path);

        code.Should().Be(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public async Task Binary_garbage_is_processed_with_a_warning_not_a_failure()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[200_000];
        new Random(5).NextBytes(bytes);
        var garbage = Path.Combine(dir.Path, "garbage.txt");
        File.WriteAllBytes(garbage, bytes);
        var good = dir.Write("good.txt", Article);

        var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", garbage, good);

        code.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines.Should().AllSatisfy(l => JsonDocument.Parse(l).Dispose());
        stderr.Should().Contain("garbage.txt: warning:").And.Contain("invalid UTF-8");
    }

    [Fact]
    public async Task A_file_longer_than_a_section_is_read_in_sections_with_a_warning()
    {
        using var dir = new TempDirectory();
        var paragraph = "The council met on Tuesday to discuss the budget.\n\n" + Article + "\n\n";
        var path = dir.Write("long.txt", string.Concat(Enumerable.Repeat(paragraph, 2500)));

        var (code, stdout, stderr) = await CliHarness.RunAsync("--format", "jsonl", path);

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("quotes").GetArrayLength().Should().Be(2500);
        doc.RootElement.GetProperty("entities").GetArrayLength().Should().Be(1, "the same name in every section is one entity");
        stderr.Should().Contain("warning").And.Contain("sections");
    }

    [Fact]
    public async Task Output_that_fails_while_written_is_reported_once_without_a_stack_trace()
    {
        using var dir = new TempDirectory();
        var paths = Enumerable.Range(0, 20).Select(i => dir.Write($"d{i:D2}.txt", Article)).ToArray();
        using var output = new FailingWriter(failAfter: 5);
        using var error = new StringWriter();

        var code = await CommandLine.RunAsync(["--format", "jsonl", .. paths], new StringReader(""), output, error);

        code.Should().Be(2);
        error.ToString().Should().Contain("cannot write output").And.NotContain("   at ");
    }

    /// <summary>A standard output that breaks (a closed pipe, a full disk) after some lines.</summary>
    private sealed class FailingWriter(int failAfter) : StringWriter
    {
        private int _lines;

        public override void Write(char value)
        {
            if (value == '\n' && ++_lines > failAfter)
            {
                throw new IOException("Broken pipe");
            }

            base.Write(value);
        }
    }
}

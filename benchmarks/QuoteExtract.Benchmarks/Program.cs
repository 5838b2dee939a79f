using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Short job by default (the machine has 2 cores); pass --full for BenchmarkDotNet's default job.
// Other arguments go to BenchmarkDotNet, e.g. --filter *Pipeline*.
var full = args.Contains("--full");
var rest = args.Where(a => a != "--full").ToArray();
var job = full ? Job.Default : Job.ShortRun.WithWarmupCount(2).WithIterationCount(5);
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddExporter(MarkdownExporter.GitHub)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);

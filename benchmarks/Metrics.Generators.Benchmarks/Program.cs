using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Metrics.Generators.Benchmarks;

// Modes:
//   (no arguments)   the full suite, every case × library, with the job documented in docs/benchmarks.md;
//   --smoke          every benchmark once, in process (CI: proves the suite compiles and runs; times nothing);
//   --facts [N]      memory held per live series at N series (default 100,000) and scrape bytes written.
// Other arguments go to BenchmarkDotNet (e.g. --filter '*Scrape*').
if (args.Contains("--facts") || args.Contains("--smoke"))
{
    var smoke = args.Contains("--smoke");
    var at = Array.IndexOf(args, "--facts");
    var series = smoke ? 1_000 : at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var n) ? n : 100_000;
    PrintFacts(series);
    if (!smoke)
    {
        return 0;
    }
}

var rest = args.Where(a => a != "--smoke").ToArray();
var job = args.Contains("--smoke")
    ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("smoke")
    : Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(7).WithId("suite");
var config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"))
    .WithOptions(ConfigOptions.DisableLogFile);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Floor).Assembly).Run(
    rest.Length == 0 || rest.All(a => a.StartsWith("--job", StringComparison.Ordinal)) ? [.. rest, "--filter", "*"] : rest,
    config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static void PrintFacts(int series)
{
    var (ours, prometheus, otel) = MemoryPerSeries.Measure(series);
    var (oursBytes, prometheusBytes) = MemoryPerSeries.ScrapeBytesWritten();
    var c = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(c, $"memory held per live counter series at {series:N0} series:"));
    Console.WriteLine(string.Create(c, $"  ours           {ours,8:F1} B/series"));
    Console.WriteLine(string.Create(c, $"  prometheus-net {prometheus,8:F1} B/series   (ours/prometheus-net = {ours / prometheus:F3})"));
    Console.WriteLine(string.Create(c, $"  OpenTelemetry  {otel,8:F1} B/series"));
    Console.WriteLine(string.Create(c, $"scrape of {Scrape.CounterSeries:N0} counter + {Scrape.HistogramSeries:N0} histogram series, bytes written:"));
    Console.WriteLine(string.Create(c, $"  ours           {oursBytes,10:N0} B"));
    Console.WriteLine(string.Create(c, $"  prometheus-net {prometheusBytes,10:N0} B"));
}

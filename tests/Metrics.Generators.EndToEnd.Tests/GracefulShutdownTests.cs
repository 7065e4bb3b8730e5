using System.Net;
using System.Text.RegularExpressions;
using Metrics.Generators.EndToEnd.Tests.Support;

namespace Metrics.Generators.EndToEnd.Tests;

/// <summary>
/// The first minute of operating it: the sample and a console worker with MetricServer, run as real processes,
/// stop on SIGTERM (what Kubernetes, systemd and docker stop send) and SIGINT (Ctrl+C) by themselves, exit code 0.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    // An upper bound on a graceful stop, not a speed check: every stop here takes well under a second.
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // What the programs print once they serve: "metrics: http://…/metrics".
    private static readonly Regex MetricsLine = new(@"metrics: (https?://\S+/metrics)");

    private readonly string _directory = Directory.CreateTempSubdirectory("metrics-shutdown-").FullName;

    public static TheoryData<string> Signals => new() { "TERM", "INT" };

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task MetricServer_console_worker_stops_on_the_signal_with_exit_code_0(string signal)
    {
        await using var worker = ChildProcess.StartApp(_directory, "dotnet", BuildOutputs.PathOf("MetricServerConsoleDll"), "0");

        await AssertStopsGracefullyAsync(worker, signal);
    }

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task Order_system_stops_on_the_signal_with_exit_code_0(string signal)
    {
        await using var sample = ChildProcess.StartApp(_directory, "dotnet", BuildOutputs.PathOf("OrderSystemDll"), "--base-port", "0", "--no-traffic");

        await AssertStopsGracefullyAsync(sample, signal);
        Assert.Contains("stopped", sample.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_run_passes_SIGTERM_on_to_the_order_system_and_both_exit()
    {
        // The README's command (--no-build: the test project has built the sample already). SIGTERM goes to the
        // dotnet CLI's PID only, as `docker stop` or a process supervisor would send it.
        await using var run = ChildProcess.StartApp(_directory, "dotnet", "run", "--no-build", "-c", BuildOutputs.Metadata("Configuration"), "--project", BuildOutputs.PathOf("OrderSystemProject"), "--", "--base-port", "0", "--no-traffic");

        await AssertStopsGracefullyAsync(run, "TERM");
        Assert.Contains("stopped", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task AssertStopsGracefullyAsync(ChildProcess process, string signal)
    {
        var metrics = new Uri((await process.WaitForOutputAsync(MetricsLine, TimeSpan.FromSeconds(60), Ct)).Groups[1].Value);
        using (var client = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(metrics, Ct)).StatusCode);
        }

        process.Signal(signal);
        var exitCode = await process.WaitForExitAsync(StopLimit, Ct);

        Assert.True(exitCode is not null, $"still running {StopLimit.TotalSeconds} s after SIG{signal}:\n{process.Output}");
        Assert.True(exitCode == 0, $"exit code {exitCode} after SIG{signal}:\n{process.Output}");
        Assert.DoesNotContain("Unhandled exception", process.Output, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Metrics.Generators.EndToEnd.Tests.Support;

/// <summary>
/// PrometheusServer runs the real Prometheus (Debian's 2.42) for one test: its own generated config, a temporary
/// data directory, a free port on 127.0.0.1. The process is stopped by its PID (with anything it started) when
/// disposed, and also when it fails to start or to become ready: no failed start leaves a Prometheus running.
/// Its log is kept for failure messages.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private PrometheusServer(ChildProcess process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Log => _process.Output;

    /// <summary>The PID of the Prometheus process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts Prometheus scraping <paramref name="targets"/> (job → address) every <paramref name="interval"/>.</summary>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, Uri> targets, string interval, string? rulesYaml, CancellationToken cancellationToken)
    {
        var binary = ExternalTools.Prometheus();
        var directory = Directory.CreateTempSubdirectory("mg-prometheus-").FullName;
        ChildProcess? process = null;
        PrometheusServer? server = null;
        try
        {
            var configPath = await WriteConfigAsync(directory, targets, interval, rulesYaml, cancellationToken);
            var port = FreePort();
            process = ChildProcess.Start(ChildProcess.StartInfo(
                directory,
                binary,
                "--config.file=" + configPath,
                "--storage.tsdb.path=" + Path.Combine(directory, "data"),
                "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
                "--log.level=warn"));
            server = new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
            await server.WaitReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            // Not ready in time, exited, the test cancelled, or any other failure on the way: stop what was started
            // by its PID before the failure propagates, so no Prometheus outlives a failed start.
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            else
            {
                process?.Dispose();
                DeleteDirectory(directory);
            }

            throw;
        }
    }

    private static async Task<string> WriteConfigAsync(string directory, IReadOnlyDictionary<string, Uri> targets, string interval, string? rulesYaml, CancellationToken cancellationToken)
    {
        var config = new StringBuilder();
        config.Append("global:\n  scrape_interval: ").Append(interval).Append("\n  scrape_timeout: ").Append(interval)
              .Append("\n  evaluation_interval: ").Append(interval).Append('\n');
        if (rulesYaml is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "rules.yml"), rulesYaml, cancellationToken);
            config.Append("rule_files:\n  - rules.yml\n");
        }

        config.Append("scrape_configs:\n");
        foreach (var (job, address) in targets.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            config.Append("  - job_name: ").Append(job).Append('\n')
                  .Append("    static_configs:\n      - targets: ['").Append(address.Authority).Append("']\n");
        }

        var configPath = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config.ToString(), cancellationToken);
        return configPath;
    }

    /// <summary>Runs an instant query and returns its result vector (labels, value).</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> QueryAsync(string promql, CancellationToken cancellationToken)
    {
        var json = await Client.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(promql), cancellationToken);
        using var document = JsonDocument.Parse(json);
        var data = document.RootElement.GetProperty("data");
        var results = new List<(Dictionary<string, string>, double)>();
        if (data.GetProperty("resultType").GetString() == "scalar")
        {
            results.Add(([], ParseValue(data.GetProperty("result"))));
            return results;
        }

        foreach (var sample in data.GetProperty("result").EnumerateArray())
        {
            var labels = sample.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            results.Add((labels, ParseValue(sample.GetProperty("value"))));
        }

        return results;
    }

    /// <summary>Polls <paramref name="promql"/> until its single value satisfies <paramref name="done"/>, or fails with the last value.</summary>
    public async Task<double> WaitForAsync(string promql, Func<double, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no result";
        while (DateTime.UtcNow < deadline)
        {
            var result = await QueryAsync(promql, cancellationToken);
            if (result.Count == 1)
            {
                if (done(result[0].Value))
                {
                    return result[0].Value;
                }

                last = result[0].Value.ToString(CultureInfo.InvariantCulture);
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"{promql} did not reach the expected value within {timeout.TotalSeconds} s; last: {last}.\nPrometheus log:\n{Log}");
        return double.NaN;
    }

    public async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken)
        => JsonDocument.Parse(await Client.GetStringAsync(path, cancellationToken));

    /// <summary>Stops Prometheus by its PID (the whole process tree) and removes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
        DeleteDirectory(_directory);
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being released: the temp directory is cleaned by the OS later.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double ParseValue(JsonElement pair)
        => double.Parse(pair[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"Prometheus exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var ready = await Client.GetAsync("-/ready", cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        Assert.Fail("Prometheus did not become ready within 60 s:\n" + Log);
    }
}

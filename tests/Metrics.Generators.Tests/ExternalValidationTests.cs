using System.Text.Json;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// Our text read by the real peers: promtool (Prometheus' Go parser and linter, text 0.0.4) and Python
/// prometheus_client's strict OpenMetrics parser. Missing tools skip, or fail under METRICS_REQUIRE_TOOLS=1.
/// </summary>
public class ExternalValidationTests
{
    // Parses OpenMetrics from stdin and prints one JSON object per family: name, type, unit, help, samples.
    internal const string PythonParse = """
        import json, sys
        from prometheus_client.openmetrics.parser import text_string_to_metric_families
        text = sys.stdin.buffer.read().decode('utf-8')
        out = []
        for family in text_string_to_metric_families(text):
            out.append({'name': family.name, 'type': family.type, 'unit': family.unit, 'help': family.documentation,
                        'samples': [[s.name, s.labels, repr(float(s.value))] for s in family.samples]})
        print(json.dumps(out, ensure_ascii=False))
        """;

    private static readonly string[] NastyValues = ["quote\"d", "back\\slash", "new\nline", "ünï✓ 日本 🚀", "all \\\"\n of them", string.Empty];

    [Fact]
    public void Promtool_CheckMetrics_FindsNoProblems()
    {
        var promtool = ExternalTools.Promtool();
        var text = Scrape.Text(BuildNastyRegistry());

        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "metrics"], text);

        Assert.True(exitCode == 0 && stdout.Length == 0 && stderr.Length == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}\ninput:\n{text}");
    }

    [Fact]
    public void Promtool_CheckMetrics_AcceptsTheGoldenRegistry()
    {
        var promtool = ExternalTools.Promtool();
        var text = Scrape.Text(ExpositionGoldenTests.BuildEveryType());

        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "metrics"], text);

        Assert.True(exitCode == 0 && stdout.Length == 0 && stderr.Length == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
    }

    [Fact]
    public void PythonStrictOpenMetricsParser_ReadsEveryFamilyAndSampleBack()
    {
        var python = ExternalTools.PythonWithPrometheusClient();
        var text = Scrape.OpenMetrics(BuildNastyRegistry());

        var (exitCode, stdout, stderr) = ExternalTools.Run(python, ["-c", PythonParse], text);
        Assert.True(exitCode == 0, $"python exit {exitCode}\n{stderr}\ninput:\n{text}");

        var families = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["cache_entries", "http_request_duration_seconds", "jobs_processed", "rpc_duration_seconds"], families.Keys.Order(StringComparer.Ordinal));

        var jobs = families["jobs_processed"];
        Assert.Equal("counter", jobs.GetProperty("type").GetString());
        Assert.Equal("Jobs \"processed\" \\ by path\nsecond line", jobs.GetProperty("help").GetString());
        var jobSamples = Samples(jobs);
        Assert.Equal(NastyValues.Length, jobSamples.Count);
        for (var i = 0; i < NastyValues.Length; i++)
        {
            Assert.Equal(("jobs_processed_total", NastyValues[i], (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".0"),
                (jobSamples[i].Name, jobSamples[i].Labels["path"], jobSamples[i].Value));
        }

        var latency = families["http_request_duration_seconds"];
        Assert.Equal("histogram", latency.GetProperty("type").GetString());
        Assert.Equal("seconds", latency.GetProperty("unit").GetString());
        var latencySamples = Samples(latency).Where(s => s.Labels["route"] == "new\nline").ToList();
        Assert.Equal(
            ["0.1:1.0", "0.5:2.0", "1.0:2.0", "+Inf:3.0"],
            latencySamples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Labels["le"] + ":" + s.Value));
        Assert.Equal("2.3125", latencySamples.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value);
        Assert.Equal("3.0", latencySamples.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value);

        var rpc = families["rpc_duration_seconds"];
        Assert.Equal("summary", rpc.GetProperty("type").GetString());
        var quantiles = Samples(rpc).Where(s => s.Name == "rpc_duration_seconds").ToList();
        Assert.Equal(["a\\b\"c\nd:0.5", "a\\b\"c\nd:0.99", "__overflow__:0.5", "__overflow__:0.99"], quantiles.Select(s => s.Labels["peer"] + ":" + s.Labels["quantile"]));
        Assert.InRange(double.Parse(quantiles[0].Value, System.Globalization.CultureInfo.InvariantCulture), 0.0495, 0.0505);
        Assert.Equal("nan", quantiles[3].Value);

        var cache = families["cache_entries"];
        Assert.Equal("gauge", cache.GetProperty("type").GetString());
        Assert.Equal(["-3.5", "nan"], Samples(cache).Select(s => s.Value));
    }

    [Fact]
    public void PythonStrictOpenMetricsParser_AcceptsTheGoldenRegistry()
    {
        var python = ExternalTools.PythonWithPrometheusClient();
        var text = Scrape.OpenMetrics(ExpositionGoldenTests.BuildEveryType());

        var (exitCode, stdout, stderr) = ExternalTools.Run(python, ["-c", PythonParse], text);

        Assert.True(exitCode == 0, $"python exit {exitCode}\n{stderr}\ninput:\n{text}");
        var names = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["http_request_duration_seconds", "orders", "payload_size_bytes", "queue_depth", "rpc_duration_seconds", "uptime_seconds"], names);
    }

    [Fact]
    public void PythonStrictOpenMetricsParser_AcceptsAHistogramWithNegativeBounds()
    {
        var python = ExternalTools.PythonWithPrometheusClient();
        var registry = new MetricRegistry();
        var cell = registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("temperature_delta_celsius", MetricType.Histogram, "Change.", "celsius", [], buckets: [-1, 0, 1]))).GetOrAdd(0);
        cell.Observe(-3);
        cell.Observe(0.5);
        var text = Scrape.OpenMetrics(registry);

        var (exitCode, _, stderr) = ExternalTools.Run(python, ["-c", PythonParse], text);

        Assert.True(exitCode == 0, $"python exit {exitCode}\n{stderr}\ninput:\n{text}");
        Assert.DoesNotContain("_sum", text);
        Assert.Contains("temperature_delta_celsius_sum -2.5\n", Scrape.Text(registry));
    }

    private static List<(string Name, Dictionary<string, string> Labels, string Value)> Samples(JsonElement family)
        => family.GetProperty("samples").EnumerateArray()
            .Select(s => (
                s[0].GetString()!,
                s[1].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                s[2].GetString()!))
            .ToList();

    private static MetricRegistry BuildNastyRegistry()
    {
        var registry = new MetricRegistry();

        var path = new BoundedStringLabel("path", 20);
        var jobs = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("jobs_processed_total", MetricType.Counter, "Jobs \"processed\" \\ by path\nsecond line", null, ["path"]), path));
        for (var i = 0; i < NastyValues.Length; i++)
        {
            jobs.GetOrAdd(path.IndexOf(NastyValues[i])).Add(i + 1);
        }

        var route = new BoundedStringLabel("route", 20);
        var method = new FixedLabel("method", "GET", "PO\"ST");
        var latency = registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("http_request_duration_seconds", MetricType.Histogram, "Latency.", "seconds", ["method", "route"], buckets: [0.1, 0.5, 1]),
            method, route));
        foreach (var value in NastyValues)
        {
            var series = latency.GetOrAdd((1L * route.Cardinality) + route.IndexOf(value));
            series.Observe(0.0625);
            series.Observe(0.25);
            series.Observe(2);
        }

        var rpc = registry.Register(new MetricFamily<SummaryCell>(
            new MetricDescriptor("rpc_duration_seconds", MetricType.Summary, "RPC latency.", "seconds", ["peer"], quantiles: [0.5, 0.99]),
            new FixedLabel("peer", "a\\b\"c\nd")));
        for (var i = 1; i <= 100; i++)
        {
            rpc.GetOrAdd(0).Observe(i / 1000.0);
        }

        rpc.GetOrAdd(1); // the overflow series, never observed: NaN quantiles

        var cache = registry.Register(new MetricFamily<GaugeCell>(
            new MetricDescriptor("cache_entries", MetricType.Gauge, "Entries.", null, ["region"]), new FixedLabel("region", "eu", "us")));
        cache.GetOrAdd(0).Set(-3.5);
        cache.GetOrAdd(1).SetCallback(() => throw new InvalidOperationException("down"));

        return registry;
    }
}

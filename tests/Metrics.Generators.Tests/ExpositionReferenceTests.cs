using System.IO.Compression;
using System.Runtime.CompilerServices;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// ExpositionReferenceTests pin the exact bytes of one registry holding every shape the writers handle (every type,
/// labelled and unlabelled, overflow series, escaping, NaN/±Inf, negative buckets, summaries with and without
/// quantiles, callback families, units, exact integers past 2^53) in both formats against <c>Reference/*</c>, captured
/// before the exposition layer was restructured. Run with <c>ACCEPT_REFERENCE=1</c> to rewrite them, then review.
/// </summary>
public sealed class ExpositionReferenceTests
{
    [Theory]
    [InlineData(ExpositionFormat.PrometheusText, "everything.prom")]
    [InlineData(ExpositionFormat.OpenMetrics, "everything.openmetrics")]
    public void EveryShape_MatchesTheReferenceBytes(ExpositionFormat format, string file)
    {
        var actual = Scrape.Text(BuildEverything(), format);
        var path = ReferencePath(file);
        if (Environment.GetEnvironmentVariable("ACCEPT_REFERENCE") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public async Task WriteAsync_ThroughGzip_DecompressesToTheSameBytesAsWrite()
    {
        var registry = BuildEverything();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await registry.WriteAsync(gzip, ExpositionFormat.OpenMetrics, TestContext.Current.CancellationToken);
        }

        compressed.Position = 0;
        await using var inflate = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(inflate);
        Assert.Equal(File.ReadAllText(ReferencePath("everything.openmetrics")), await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    private static string ReferencePath(string file, [CallerFilePath] string callerPath = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(callerPath) ?? string.Empty, "Reference", file);
        return File.Exists(beside) || !File.Exists(Path.Combine(AppContext.BaseDirectory, "Reference", file))
            ? beside
            : Path.Combine(AppContext.BaseDirectory, "Reference", file);
    }

    internal static MetricRegistry BuildEverything()
    {
        var registry = new MetricRegistry();

        // Counters: labelled with an overflow series, unlabelled declared with and without _total, fractional,
        // +Inf, past 2^63 (exact integer), with a unit.
        var status = new FixedLabel("status", "ok", "fail\"quoted\\back\nline");
        var orders = registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("orders_total", MetricType.Counter, "Orders \"by\" outcome\\\nnext", null, ["status"]), status));
        FamilyRecording.Inc(orders, 0);
        FamilyRecording.Inc(orders, 1);
        FamilyRecording.Add(orders, 2, 2.5);
        var big = registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("big", MetricType.Counter, "Past 2^63.", null, []))).GetOrAdd(0);
        big.Add(9007199254740992d);
        for (var i = 0; i < 1100; i++)
        {
            big.Add(9007199254740992d);
        }

        var exact = registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("exact_total", MetricType.Counter, "Past 2^53.", null, []))).GetOrAdd(0);
        exact.Add(9007199254740992d);
        exact.Inc();
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("inf_total", MetricType.Counter, "Infinite.", null, []))).GetOrAdd(0).Add(double.PositiveInfinity);
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("bytes_sent_bytes_total", MetricType.Counter, "Bytes.", "bytes", []))).GetOrAdd(0).Add(0.1);
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("empty_help_total", MetricType.Counter, "", null, [])));

        // Gauges: bounded string label with escaping, non-ASCII and overflow; NaN, ±Inf, callbacks (one throwing).
        var route = new BoundedStringLabel("route", 2);
        var gauge = registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("in_flight", MetricType.Gauge, "In flight.", null, ["route", "status"]), route, status));
        gauge.GetOrAdd((route.IndexOf("/a\"b") * 3) + 0).Set(double.NaN);
        gauge.GetOrAdd((route.IndexOf("/é\n") * 3) + 1).Set(double.PositiveInfinity);
        gauge.GetOrAdd((route.IndexOf("/third") * 3) + 2).Set(double.NegativeInfinity);
        gauge.GetOrAdd((route.IndexOf("/fourth") * 3) + 0).Set(1e-7);
        var temperature = registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("temperature_celsius", MetricType.Gauge, "Temperature.", "celsius", [])));
        temperature.GetOrAdd(0).Set(-12.375);
        var callbacks = registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("read_at_scrape", MetricType.Gauge, "Callbacks.", null, ["status"]), status));
        callbacks.GetOrAdd(0).SetCallback(() => 42);
        callbacks.GetOrAdd(1).SetCallback(() => throw new InvalidOperationException());
        callbacks.GetOrAdd(2).Set(123456789012);

        // Histograms: default buckets, custom with a unit, negative bounds (OpenMetrics drops _sum/_count).
        var method = new FixedLabel("method", "GET", "POST");
        var latency = registry.Register(new MetricFamily<HistogramCell>(new MetricDescriptor("latency_seconds", MetricType.Histogram, "Latency.", "seconds", ["method"], buckets: [0.005, 0.1, 1, 2.5]), method));
        latency.GetOrAdd(0).Observe(0.001);
        latency.GetOrAdd(0).Observe(0.5);
        latency.GetOrAdd(1).Observe(7);
        latency.GetOrAdd(2).Observe(double.PositiveInfinity);
        latency.GetOrAdd(1).Observe(double.NaN);
        var defaults = registry.Register(new MetricFamily<HistogramCell>(new MetricDescriptor("default_buckets", MetricType.Histogram, "Defaults.", null, [])));
        defaults.GetOrAdd(0).Observe(0.3);
        var negative = registry.Register(new MetricFamily<HistogramCell>(new MetricDescriptor("delta", MetricType.Histogram, "Negative bounds.", null, [], buckets: [-1, 0, 1])));
        negative.GetOrAdd(0).Observe(-5);
        negative.GetOrAdd(0).Observe(0.5);

        // Summaries: with quantiles (single value, so the quantiles are exact), without, empty window (NaN).
        var summary = registry.Register(new MetricFamily<SummaryCell>(new MetricDescriptor("rpc_seconds", MetricType.Summary, "RPC.", "seconds", ["method"], quantiles: [0.5, 0.99]), method));
        summary.GetOrAdd(0).Observe(0.25);
        summary.GetOrAdd(0).Observe(0.25);
        summary.GetOrAdd(1);
        var plain = registry.Register(new MetricFamily<SummaryCell>(new MetricDescriptor("plain_summary", MetricType.Summary, "No quantiles.", null, [])));
        plain.GetOrAdd(0).Observe(3);
        plain.GetOrAdd(0).Observe(double.NaN);

        // Callback families: unlabelled counter and gauge, a labelled one with a NaN, a negative counter and a throw.
        registry.Register(new CallbackFamily(new MetricDescriptor("cb_counter_total", MetricType.Counter, "Callback counter.", null, []), () => 17));
        registry.Register(new CallbackFamily(new MetricDescriptor("cb_gauge_bytes", MetricType.Gauge, "Callback gauge.", "bytes", []), () => 1.5));
        var generation = new FixedLabel("generation", "gen0", "gen1", "gen2", "gen3");
        registry.Register(new CallbackFamily(
            new MetricDescriptor("cb_labelled_total", MetricType.Counter, "Callback labelled.", null, ["generation"]),
            generation,
            [() => 3, () => double.NaN, () => -1, () => throw new InvalidOperationException()]));
        return registry;
    }
}

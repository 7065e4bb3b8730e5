using System.Buffers;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.Benchmarks;

/// <summary>
/// Creating a new series: each invocation records into <see cref="NewPerInvocation"/> label values never seen
/// before by a freshly created metric (the values are strings made in advance, so only the library's work is
/// measured). The time and allocation reported are per new series.
/// </summary>
[MemoryDiagnoser]
public class NewSeries
{
    /// <summary>New series per invocation.</summary>
    public const int NewPerInvocation = 10_000;

    private readonly string[] _routes = Enumerable.Range(0, NewPerInvocation).Select(i => "/route/" + i).ToArray();
    private MetricRegistry _registry = null!;
    private Prometheus.IMetricFactory _prometheusFactory = null!;
    private MeterProvider? _provider;
    private Meter? _meter;
    private OurMetrics.RouteHitsTotal _ours = null!;
    private Prometheus.Counter _prometheus = null!;
    private Counter<long> _otel = null!;

    /// <summary>Ours, as last created.</summary>
    public OurMetrics.RouteHitsTotal Ours => _ours;

    /// <summary>prometheus-net, as last created.</summary>
    public Prometheus.Counter PrometheusNet => _prometheus;

    /// <summary>Fresh metrics for every iteration, so every value is new.</summary>
    [IterationSetup]
    public void IterationSetup()
    {
        _provider?.Dispose();
        _meter?.Dispose();
        _registry = new MetricRegistry();
        _ours = new OurMetrics.RouteHitsTotal(_registry);
        _prometheusFactory = Peers.Factory(Peers.NewPrometheusRegistry());
        _prometheus = _prometheusFactory.CreateCounter("bench_route_hits_total", "One label.", new[] { "route" });
        _provider = Peers.NewOpenTelemetry(out var meter);
        _meter = meter;
        _otel = meter.CreateCounter<long>("otel_route_hits_total");
    }

    /// <summary>Disposes the last listener.</summary>
    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _provider?.Dispose();
        _meter?.Dispose();
    }

    /// <summary>Ours: a new bounded-string value takes the next index and creates its cell.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NewPerInvocation, Description = "ours")]
    public void Ours_()
    {
        foreach (var route in _routes)
        {
            _ours.Inc(route);
        }
    }

    /// <summary>prometheus-net: <c>WithLabels(new).Inc()</c>.</summary>
    [Benchmark(OperationsPerInvoke = NewPerInvocation, Description = "prometheus-net")]
    public void PrometheusNet_()
    {
        foreach (var route in _routes)
        {
            _prometheus.WithLabels(route).Inc();
        }
    }

    /// <summary>OpenTelemetry: a new tag value creates a metric point.</summary>
    [Benchmark(OperationsPerInvoke = NewPerInvocation, Description = "OpenTelemetry")]
    public void OpenTelemetry_()
    {
        foreach (var route in _routes)
        {
            _otel.Add(1, new KeyValuePair<string, object?>("route", route));
        }
    }
}

/// <summary>
/// Scraping 10,000 counter series and 1,000 histogram series (11 buckets) to Prometheus text, into a buffer kept
/// between scrapes (so what is measured is the library's own allocation, not the output's growth).
/// prometheus-net is the baseline: the floor here is "at least 3× faster than prometheus-net".
/// </summary>
[MemoryDiagnoser]
public class Scrape
{
    /// <summary>Counter series.</summary>
    public const int CounterSeries = 10_000;

    /// <summary>Histogram series.</summary>
    public const int HistogramSeries = 1_000;

    private readonly ArrayBufferWriter<byte> _oursOutput = new(4 << 20);
    private readonly MemoryStream _prometheusOutput = new(4 << 20);
    private MetricRegistry _registry = null!;
    private Prometheus.CollectorRegistry _prometheus = null!;

    /// <summary>Bytes our last scrape wrote.</summary>
    public int OursBytesWritten { get; private set; }

    /// <summary>Bytes prometheus-net's last scrape wrote.</summary>
    public long PrometheusNetBytesWritten { get; private set; }

    /// <summary>Fills both registries with the same series and values.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        _registry = new MetricRegistry();
        var hits = new OurMetrics.RouteHitsTotal(_registry);
        var latency = new OurMetrics.RouteLatencySeconds(_registry);
        _prometheus = Peers.NewPrometheusRegistry();
        var factory = Peers.Factory(_prometheus);
        var promHits = factory.CreateCounter("bench_route_hits_total", "One bounded string label with room for 100,000 values (new series, scrape, memory).", new[] { "route" });
        var promLatency = factory.CreateHistogram("bench_route_latency_seconds", "One bounded string label, 11 buckets (scrape).", new Prometheus.HistogramConfiguration
        {
            LabelNames = ["route"],
            Buckets = Labels.Buckets,
        });
        for (var i = 0; i < CounterSeries; i++)
        {
            var route = "/route/" + i;
            hits.Add(i, route);
            promHits.WithLabels(route).Inc(i);
        }

        for (var i = 0; i < HistogramSeries; i++)
        {
            var route = "/route/" + i;
            var value = (i % 100) / 10.0;
            latency.Observe(value, route);
            promLatency.WithLabels(route).Observe(value);
        }

        Ours_();
        PrometheusNet_();
    }

    /// <summary>prometheus-net: <c>CollectAndExportAsTextAsync</c> into a kept <see cref="MemoryStream"/>.</summary>
    [Benchmark(Baseline = true, Description = "prometheus-net")]
    public void PrometheusNet_()
    {
        _prometheusOutput.SetLength(0);
        _prometheus.CollectAndExportAsTextAsync(_prometheusOutput).GetAwaiter().GetResult();
        PrometheusNetBytesWritten = _prometheusOutput.Length;
    }

    /// <summary>Ours: <c>MetricRegistry.Write</c> (Prometheus text) into a kept buffer writer.</summary>
    [Benchmark(Description = "ours")]
    public void Ours_()
    {
        _oursOutput.ResetWrittenCount();
        _registry.Write(_oursOutput, ExpositionFormat.PrometheusText);
        OursBytesWritten = _oursOutput.WrittenCount;
    }

    /// <summary>The text our last scrape wrote (for the smoke tests, never timed).</summary>
    public string OursText() => System.Text.Encoding.UTF8.GetString(_oursOutput.WrittenSpan);

    /// <summary>The text prometheus-net's last scrape wrote (for the smoke tests, never timed).</summary>
    public string PrometheusNetText() => System.Text.Encoding.UTF8.GetString(_prometheusOutput.GetBuffer(), 0, (int)_prometheusOutput.Length);
}

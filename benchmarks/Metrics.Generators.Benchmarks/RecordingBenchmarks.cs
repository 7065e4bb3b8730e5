using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.Benchmarks;

/// <summary>
/// LibrarySetup creates, for one benchmark class, the instruments of every library on registries and meters of
/// its own, with the same names, labels and buckets; the OpenTelemetry provider listens to the meter the
/// OpenTelemetry and Microsoft-generated instruments live on.
/// </summary>
public abstract class LibrarySetup
{
    private MeterProvider? _provider;

    /// <summary>The floor.</summary>
    public Floor Floor { get; } = new();

    /// <summary>Our registry.</summary>
    protected MetricRegistry Registry { get; private set; } = null!;

    /// <summary>prometheus-net's metric factory on a custom registry.</summary>
    protected Prometheus.IMetricFactory Prometheus { get; private set; } = null!;

    /// <summary>The meter OpenTelemetry listens to.</summary>
    protected Meter Meter { get; private set; } = null!;

    /// <summary>Creates the registries and the listener.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        Registry = new MetricRegistry();
        Prometheus = Peers.Factory(Peers.NewPrometheusRegistry());
        _provider = Peers.NewOpenTelemetry(out var meter);
        Meter = meter;
        CreateInstruments();
    }

    /// <summary>Disposes the listener and the meter.</summary>
    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _provider?.Dispose();
        Meter?.Dispose();
    }

    /// <summary>Creates the instruments of the case.</summary>
    protected abstract void CreateInstruments();
}

/// <summary>A counter without labels: one increment.</summary>
[MemoryDiagnoser]
public class CounterNoLabels : LibrarySetup
{
    /// <summary>Ours.</summary>
    public OurMetrics.PlainTotal Ours { get; private set; } = null!;

    /// <summary>prometheus-net.</summary>
    public Prometheus.Counter PrometheusNet { get; private set; } = null!;

    private Counter<long> _otel = null!;
    private MsPlain _ms = null!;

    /// <summary>The floor: <c>Interlocked.Increment</c>.</summary>
    [Benchmark(Baseline = true, Description = "floor")]
    public void FloorIncrement() => Floor.Increment();

    /// <summary>This project.</summary>
    [Benchmark(Description = "ours")]
    public void OursInc() => Ours.Inc();

    /// <summary>prometheus-net.</summary>
    [Benchmark(Description = "prometheus-net")]
    public void PrometheusNetInc() => PrometheusNet.Inc();

    /// <summary>OpenTelemetry.</summary>
    [Benchmark(Description = "OpenTelemetry")]
    public void OpenTelemetryAdd() => _otel.Add(1);

    /// <summary>Microsoft's generator.</summary>
    [Benchmark(Description = "MS generated")]
    public void MsGeneratedAdd() => _ms.Add(1);

    /// <inheritdoc/>
    protected override void CreateInstruments()
    {
        Ours = new OurMetrics.PlainTotal(Registry);
        PrometheusNet = Prometheus.CreateCounter("bench_plain_total", "Counter without labels.");
        _otel = Meter.CreateCounter<long>("otel_plain_total");
        _ms = MsMetrics.CreatePlain(Meter);
    }
}

/// <summary>A counter with three labels (method, route, status), looked up on every call: no caching by the caller.</summary>
[MemoryDiagnoser]
public class CounterThreeLabels : LibrarySetup
{
    private static readonly KeyValuePair<string, object?> MethodTag = new("method", Labels.Method);
    private static readonly KeyValuePair<string, object?> RouteTag = new("route", Labels.Route);
    private static readonly KeyValuePair<string, object?> StatusTag = new("status", Labels.Status);

    // Fields, not constants, so the JIT cannot fold the label lookups away.
    private HttpMethod _method = HttpMethod.Get;
    private Route _route = Route.Order;
    private Status _status = Status.Ok;
    private string _routeText = Labels.Route;

    /// <summary>Ours, three enum labels.</summary>
    public OurMetrics.TypedTotal OursTyped { get; private set; } = null!;

    /// <summary>Ours, a bounded string route among two enums.</summary>
    public OurMetrics.BoundedTotal OursBounded { get; private set; } = null!;

    /// <summary>prometheus-net.</summary>
    public Prometheus.Counter PrometheusNet { get; private set; } = null!;

    private Counter<long> _otel = null!;
    private MsRequests _ms = null!;

    /// <summary>The floor: <c>Interlocked.Increment</c>.</summary>
    [Benchmark(Baseline = true, Description = "floor")]
    public void FloorIncrement() => Floor.Increment();

    /// <summary>Ours: three enum labels.</summary>
    [Benchmark(Description = "ours (3 enums)")]
    public void OursEnums() => OursTyped.Inc(_method, _route, _status);

    /// <summary>Ours: enum, bounded string, enum.</summary>
    [Benchmark(Description = "ours (2 enums + bounded string)")]
    public void OursBoundedString() => OursBounded.Inc(_method, _routeText, _status);

    /// <summary>prometheus-net: <c>WithLabels(a, b, c).Inc()</c>.</summary>
    [Benchmark(Description = "prometheus-net")]
    public void PrometheusNetWithLabels() => PrometheusNet.WithLabels(Labels.Method, _routeText, Labels.Status).Inc();

    /// <summary>OpenTelemetry: <c>Add(1, tag, tag, tag)</c>.</summary>
    [Benchmark(Description = "OpenTelemetry")]
    public void OpenTelemetryAdd() => _otel.Add(1, MethodTag, RouteTag, StatusTag);

    /// <summary>Microsoft's generator: <c>Add(1, method, route, status)</c>.</summary>
    [Benchmark(Description = "MS generated")]
    public void MsGeneratedAdd() => _ms.Add(1, Labels.Method, _routeText, Labels.Status);

    /// <inheritdoc/>
    protected override void CreateInstruments()
    {
        OursTyped = new OurMetrics.TypedTotal(Registry);
        OursBounded = new OurMetrics.BoundedTotal(Registry);
        PrometheusNet = Prometheus.CreateCounter("bench_requests_total", "Three labels.", new[] { "method", "route", "status" });
        _otel = Meter.CreateCounter<long>("otel_requests_total");
        _ms = MsMetrics.CreateRequests(Meter);
    }
}

/// <summary>The same labeled counter through a handle bound once: the caller keeps the series.</summary>
[MemoryDiagnoser]
public class CounterBoundHandle : LibrarySetup
{
    private OurMetrics.TypedTotal.Series _ours;
    private Prometheus.Counter.Child _prometheus = null!;
    private Counter<long> _otel = null!;
    private TagList _tags;

    /// <summary>Ours' bound series.</summary>
    public OurMetrics.TypedTotal.Series Ours => _ours;

    /// <summary>The floor: <c>Interlocked.Increment</c>.</summary>
    [Benchmark(Baseline = true, Description = "floor")]
    public void FloorIncrement() => Floor.Increment();

    /// <summary>Ours: <c>Bind(...)</c> once, then <c>Series.Inc()</c>.</summary>
    [Benchmark(Description = "ours (Series)")]
    public void OursSeries() => _ours.Inc();

    /// <summary>prometheus-net: the child from <c>WithLabels</c>, kept.</summary>
    [Benchmark(Description = "prometheus-net (child)")]
    public void PrometheusNetChild() => _prometheus.Inc();

    /// <summary>OpenTelemetry has no bound instrument: its nearest is a pre-built <see cref="TagList"/>.</summary>
    [Benchmark(Description = "OpenTelemetry (kept TagList)")]
    public void OpenTelemetryTagList() => _otel.Add(1, _tags);

    /// <inheritdoc/>
    protected override void CreateInstruments()
    {
        _ours = new OurMetrics.TypedTotal(Registry).Bind(HttpMethod.Get, Route.Order, Status.Ok);
        _prometheus = Prometheus.CreateCounter("bench_requests_total", "Three labels.", new[] { "method", "route", "status" })
            .WithLabels(Labels.Method, Labels.Route, Labels.Status);
        _otel = Meter.CreateCounter<long>("otel_requests_total");
        _tags = new TagList { { "method", Labels.Method }, { "route", Labels.Route }, { "status", Labels.Status } };
    }
}

/// <summary>A histogram with two labels (method, route) and 11 buckets, labels looked up on every call.</summary>
[MemoryDiagnoser]
public class HistogramTwoLabels : LibrarySetup
{
    private static readonly KeyValuePair<string, object?> MethodTag = new("method", Labels.Method);
    private static readonly KeyValuePair<string, object?> RouteTag = new("route", Labels.Route);

    private HttpMethod _method = HttpMethod.Get;
    private string _route = Labels.Route;
    private double _value = Labels.Observation;
    private OurMetrics.LatencySeconds.Series _oursBound;
    private Histogram<double> _otel = null!;
    private MsLatency _ms = null!;

    /// <summary>Ours.</summary>
    public OurMetrics.LatencySeconds Ours { get; private set; } = null!;

    /// <summary>Ours, both labels enums.</summary>
    public OurMetrics.TypedLatencySeconds OursTyped { get; private set; } = null!;

    /// <summary>prometheus-net.</summary>
    public Prometheus.Histogram PrometheusNet { get; private set; } = null!;

    /// <summary>The floor: <c>Interlocked.Increment</c> (the anchor the ratios use).</summary>
    [Benchmark(Baseline = true, Description = "floor")]
    public void FloorIncrement() => Floor.Increment();

    /// <summary>The floor of a histogram write: one bucket increment plus one double CAS add.</summary>
    [Benchmark(Description = "floor (inc + CAS add)")]
    public void FloorIncrementAndAdd()
    {
        Floor.Increment();
        Floor.Add(_value);
    }

    /// <summary>Ours, per call: enum method, bounded string route.</summary>
    [Benchmark(Description = "ours")]
    public void OursObserve() => Ours.Observe(_value, _method, _route);

    /// <summary>Ours through a bound series.</summary>
    [Benchmark(Description = "ours (Series)")]
    public void OursSeriesObserve() => _oursBound.Observe(_value);

    /// <summary>Ours, per call, with both labels enums: the write without a string lookup.</summary>
    [Benchmark(Description = "ours (2 enums)")]
    public void OursTypedObserve() => OursTyped.Observe(_value, _method, Route.Order);

    /// <summary>prometheus-net: <c>WithLabels(a, b).Observe(v)</c>.</summary>
    [Benchmark(Description = "prometheus-net")]
    public void PrometheusNetObserve() => PrometheusNet.WithLabels(Labels.Method, _route).Observe(_value);

    /// <summary>OpenTelemetry: <c>Record(v, tag, tag)</c>.</summary>
    [Benchmark(Description = "OpenTelemetry")]
    public void OpenTelemetryRecord() => _otel.Record(_value, MethodTag, RouteTag);

    /// <summary>Microsoft's generator: <c>Record(v, method, route)</c>.</summary>
    [Benchmark(Description = "MS generated")]
    public void MsGeneratedRecord() => _ms.Record(_value, Labels.Method, _route);

    /// <inheritdoc/>
    protected override void CreateInstruments()
    {
        Ours = new OurMetrics.LatencySeconds(Registry);
        OursTyped = new OurMetrics.TypedLatencySeconds(Registry);
        _oursBound = Ours.Bind(HttpMethod.Get, Labels.Route);
        PrometheusNet = Prometheus.CreateHistogram("bench_latency_seconds", "Two labels.", new Prometheus.HistogramConfiguration
        {
            LabelNames = ["method", "route"],
            Buckets = Labels.Buckets,
        });
        _otel = Meter.CreateHistogram<double>("otel_latency_seconds");
        _ms = MsMetrics.CreateLatency(Meter);
    }
}

/// <summary>A gauge without labels: one increment and one decrement.</summary>
[MemoryDiagnoser]
public class GaugeIncDec : LibrarySetup
{
    private UpDownCounter<double> _otel = null!;

    /// <summary>Ours.</summary>
    public OurMetrics.InFlight Ours { get; private set; } = null!;

    /// <summary>prometheus-net.</summary>
    public Prometheus.Gauge PrometheusNet { get; private set; } = null!;

    /// <summary>The floor: two double CAS adds.</summary>
    [Benchmark(Baseline = true, Description = "floor (2 CAS adds)")]
    public void FloorAddTwice()
    {
        Floor.Add(1);
        Floor.Add(-1);
    }

    /// <summary>Ours.</summary>
    [Benchmark(Description = "ours")]
    public void OursIncDec()
    {
        Ours.Inc();
        Ours.Dec();
    }

    /// <summary>prometheus-net.</summary>
    [Benchmark(Description = "prometheus-net")]
    public void PrometheusNetIncDec()
    {
        PrometheusNet.Inc();
        PrometheusNet.Dec();
    }

    /// <summary>OpenTelemetry: an <see cref="UpDownCounter{T}"/> (Microsoft's generator has no up-down counter).</summary>
    [Benchmark(Description = "OpenTelemetry")]
    public void OpenTelemetryAddTwice()
    {
        _otel.Add(1);
        _otel.Add(-1);
    }

    /// <inheritdoc/>
    protected override void CreateInstruments()
    {
        Ours = new OurMetrics.InFlight(Registry);
        PrometheusNet = Prometheus.CreateGauge("bench_in_flight", "Gauge without labels.");
        _otel = Meter.CreateUpDownCounter<double>("otel_in_flight");
    }
}

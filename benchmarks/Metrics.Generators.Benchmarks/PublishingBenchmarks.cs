using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.Benchmarks;

/// <summary>
/// HistogramPublished measures what publishing costs a histogram observation: with no listener (a registry that
/// publishes vs one that does not, same family shape, same per-call path), and with the OpenTelemetry SDK listening
/// (ours recording into our cell and the instrument, against OpenTelemetry's own <see cref="Histogram{T}.Record(T, KeyValuePair{string, object?}, KeyValuePair{string, object?})"/>
/// with the same tags and buckets, on the same provider, in the same run).
/// </summary>
/// <remarks>
/// The unlistened families are built by hand with no declaring type, so they sit on the <c>Metrics.Generators</c>
/// meter, which the provider does not add; the listened ones are generated, on this assembly's meter, which it does.
/// </remarks>
[MemoryDiagnoser]
public class HistogramPublished
{
    private static readonly KeyValuePair<string, object?> MethodTag = new("method", Labels.Method);
    private static readonly KeyValuePair<string, object?> RouteTag = new("route", Labels.Route);
    private static readonly KeyValuePair<string, object?>[] s_tags = [MethodTag, RouteTag];

    private readonly double _value = Labels.Observation;
    private MeterProvider _provider = null!;
    private Meter _otelMeter = null!;
    private Histogram<double> _otel = null!;
    private long _index;
    private OurMetrics.LatencySeconds.Series _listenedSeries;

    /// <summary>A hand-built family in a registry that does not publish.</summary>
    public MetricFamily<HistogramCell> NotPublishing { get; private set; } = null!;

    /// <summary>The same family shape in a publishing registry nobody listens to.</summary>
    public MetricFamily<HistogramCell> PublishingUnlistened { get; private set; } = null!;

    /// <summary>The generated histogram in a non-publishing registry.</summary>
    public OurMetrics.LatencySeconds GeneratedNotPublishing { get; private set; } = null!;

    /// <summary>The generated histogram in a publishing registry the OpenTelemetry SDK listens to.</summary>
    public OurMetrics.LatencySeconds GeneratedListened { get; private set; } = null!;

    /// <summary>What the SDK exported, after <see cref="Collect"/>.</summary>
    public List<Metric> Exported { get; } = [];

    /// <summary>Creates the registries, the families and the provider.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        NotPublishing = HandBuilt(new MetricRegistry());
        PublishingUnlistened = HandBuilt(new MetricRegistry(new MetricRegistryOptions { PublishInstruments = true }));
        _index = 0;     // method GET, route "/orders/{id}": the first value of each label
        NotPublishing.GetOrAdd(_index);
        PublishingUnlistened.GetOrAdd(_index);

        GeneratedNotPublishing = new OurMetrics.LatencySeconds(new MetricRegistry());
        var listened = new MetricRegistry(new MetricRegistryOptions { PublishInstruments = true });
        var otelName = "bench.otel." + Guid.NewGuid().ToString("N");
        _otelMeter = new Meter(otelName);
        _otel = _otelMeter.CreateHistogram<double>("otel_latency_seconds", unit: "s", description: null, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = Labels.Buckets });
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(otelName)
            .AddMeter(MetricMeters.NameOf(typeof(OurMetrics).Assembly))
            // Only the listened registry's instruments: MetricRegistry.Default publishes this assembly's metrics too.
            .AddView(instrument => ReferenceEquals(instrument.Meter.Scope, listened) || instrument.Meter.Name == otelName ? null : MetricStreamConfiguration.Drop)
            .AddInMemoryExporter(Exported)
            .Build();
        GeneratedListened = new OurMetrics.LatencySeconds(listened);
        _listenedSeries = GeneratedListened.Bind(HttpMethod.Get, Labels.Route);
        GeneratedNotPublishing.Observe(_value, HttpMethod.Get, Labels.Route);
        GeneratedListened.Observe(_value, HttpMethod.Get, Labels.Route);
    }

    /// <summary>Disposes the provider and OpenTelemetry's meter.</summary>
    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _provider?.Dispose();
        _otelMeter?.Dispose();
    }

    /// <summary>Collects into <see cref="Exported"/> (for the smoke test's check; not a benchmark).</summary>
    public void Collect()
    {
        Exported.Clear();
        _provider.ForceFlush();
    }

    /// <summary>Per call, registry not publishing: the baseline.</summary>
    [Benchmark(Baseline = true, Description = "ours, not publishing")]
    public void NotPublishingObserve() => FamilyRecording.Observe(NotPublishing, _index, _value);

    /// <summary>Per call, publishing registry, no listener: the slot read and branch.</summary>
    [Benchmark(Description = "ours, publishing, no listener")]
    public void PublishingUnlistenedObserve() => FamilyRecording.Observe(PublishingUnlistened, _index, _value);

    /// <summary>Generated per-call path, not publishing (the label lookup included).</summary>
    [Benchmark(Description = "ours generated, not publishing")]
    public void GeneratedNotPublishingObserve() => GeneratedNotPublishing.Observe(_value, HttpMethod.Get, Labels.Route);

    /// <summary>Generated per-call path with the SDK listening: our cell, then the instrument with cached tags.</summary>
    [Benchmark(Description = "ours generated, OpenTelemetry listening")]
    public void GeneratedListenedObserve() => GeneratedListened.Observe(_value, HttpMethod.Get, Labels.Route);

    /// <summary>Bound series with the SDK listening.</summary>
    [Benchmark(Description = "ours Series, OpenTelemetry listening")]
    public void ListenedSeriesObserve() => _listenedSeries.Observe(_value);

    /// <summary>OpenTelemetry's own histogram with the same two tags and buckets.</summary>
    [Benchmark(Description = "OpenTelemetry Histogram.Record")]
    public void OpenTelemetryRecord() => _otel.Record(_value, MethodTag, RouteTag);

    /// <summary>OpenTelemetry's own histogram, the tags passed as a span of a kept array (as our cells pass theirs).</summary>
    [Benchmark(Description = "OpenTelemetry Histogram.Record, tags as a span")]
    public void OpenTelemetryRecordSpan() => _otel.Record(_value, new ReadOnlySpan<KeyValuePair<string, object?>>(s_tags));

    private static MetricFamily<HistogramCell> HandBuilt(MetricRegistry registry)
        => registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("bench_published_latency_seconds", MetricType.Histogram, "Hand-built histogram.", "seconds", ["method", "route"], Labels.Buckets),
            new FixedLabel("method", Labels.Method, "POST"),
            new FixedLabel("route", Labels.Route, "/health")));
}

/// <summary>
/// CounterCollection measures what one collection of the bridge costs at 10,000 counter series: a
/// <see cref="MeterListener"/> running the observable callback, and the OpenTelemetry SDK collecting (callback,
/// aggregation, in-memory export).
/// </summary>
[MemoryDiagnoser]
public class CounterCollection
{
    /// <summary>Counter series.</summary>
    public const int Series = 10_000;

    private MeterListener _listener = null!;
    private MeterProvider _provider = null!;
    private double _sum;
    private long _measurements;

    /// <summary>What the SDK exported at its last collection.</summary>
    public List<Metric> Exported { get; } = [];

    /// <summary>The publishing registry holding the series.</summary>
    public MetricRegistry Registry { get; private set; } = null!;

    /// <summary>What the listener saw at its last collection: how many measurements, and their sum.</summary>
    public (long Measurements, double Sum) Listened => (_measurements, _sum);

    /// <summary>Fills the registry and starts both listeners, each for this registry's meter only.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { PublishInstruments = true });
        Registry = registry;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, registry))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            _measurements++;
            _sum += value;
        });
        _listener.Start();
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(MetricMeters.NameOf(typeof(OurMetrics).Assembly))
            .AddView(instrument => ReferenceEquals(instrument.Meter.Scope, registry) ? new MetricStreamConfiguration { CardinalityLimit = 20_000 } : MetricStreamConfiguration.Drop)
            .AddInMemoryExporter(Exported)
            .Build();

        var hits = new OurMetrics.RouteHitsTotal(registry);
        for (var i = 0; i < Series; i++)
        {
            hits.Add(i, "/route/" + i);
        }
    }

    /// <summary>Disposes both listeners.</summary>
    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _listener?.Dispose();
        _provider?.Dispose();
    }

    /// <summary>One <see cref="MeterListener.RecordObservableInstruments"/>: the callback reads 10,000 cells.</summary>
    [Benchmark(Baseline = true, Description = "MeterListener, 10k counter series")]
    public void MeterListenerCollect()
    {
        _measurements = 0;
        _sum = 0;
        _listener.RecordObservableInstruments();
    }

    /// <summary>One SDK collection (<see cref="MeterProvider"/> flush to the in-memory exporter).</summary>
    [Benchmark(Description = "OpenTelemetry SDK collect, 10k counter series")]
    public void OpenTelemetryCollect()
    {
        Exported.Clear();
        _provider.ForceFlush();
    }
}

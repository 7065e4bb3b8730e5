using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;

namespace Metrics.Generators.Benchmarks;

/// <summary>
/// One labeled counter hit from 2 threads at once, against 2 threads on one shared raw <see cref="long"/>. Each
/// invocation starts two threads that each record <see cref="PerThread"/> times; the reported time is per
/// recording (the thread starts are amortised over a million operations).
/// </summary>
[MemoryDiagnoser]
public class TwoThreads : LibrarySetup
{
    /// <summary>Recordings per thread per invocation.</summary>
    public const int PerThread = 500_000;

    private const int Operations = 2 * PerThread;

    private static readonly KeyValuePair<string, object?> MethodTag = new("method", Labels.Method);
    private static readonly KeyValuePair<string, object?> RouteTag = new("route", Labels.Route);
    private static readonly KeyValuePair<string, object?> StatusTag = new("status", Labels.Status);

    private Counter<long> _otel = null!;

    /// <summary>Ours, three enum labels.</summary>
    public OurMetrics.TypedTotal OursTyped { get; private set; } = null!;

    /// <summary>Ours, a bounded string among them.</summary>
    public OurMetrics.BoundedTotal OursBounded { get; private set; } = null!;

    /// <summary>Ours, a histogram with an enum and a bounded string label.</summary>
    public OurMetrics.LatencySeconds OursLatency { get; private set; } = null!;

    /// <summary>prometheus-net.</summary>
    public Prometheus.Counter PrometheusNet { get; private set; } = null!;

    /// <summary>The floor: 2 threads on one shared <c>long</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "floor (shared long)")]
    public void FloorShared() => OnTwoThreads(this, static self =>
    {
        for (var i = 0; i < PerThread; i++)
        {
            self.Floor.Increment();
        }
    });

    /// <summary>Ours: three enum labels per call.</summary>
    [Benchmark(OperationsPerInvoke = Operations, Description = "ours (3 enums)")]
    public void OursEnums() => OnTwoThreads(this, static self =>
    {
        var counter = self.OursTyped;
        for (var i = 0; i < PerThread; i++)
        {
            counter.Inc(HttpMethod.Get, Route.Order, Status.Ok);
        }
    });

    /// <summary>Ours: a bounded string among the labels, per call.</summary>
    [Benchmark(OperationsPerInvoke = Operations, Description = "ours (2 enums + bounded string)")]
    public void OursBoundedString() => OnTwoThreads(this, static self =>
    {
        var counter = self.OursBounded;
        for (var i = 0; i < PerThread; i++)
        {
            counter.Inc(HttpMethod.Get, Labels.Route, Status.Ok);
        }
    });

    /// <summary>The floor of a histogram write on 2 threads: a shared increment plus a shared double CAS add.</summary>
    [Benchmark(OperationsPerInvoke = Operations, Description = "floor (shared inc + CAS add)")]
    public void FloorHistogramShared() => OnTwoThreads(this, static self =>
    {
        for (var i = 0; i < PerThread; i++)
        {
            self.Floor.Increment();
            self.Floor.Add(Labels.Observation);
        }
    });

    /// <summary>Ours: one histogram series observed per call (enum + bounded string) from both threads.</summary>
    [Benchmark(OperationsPerInvoke = Operations, Description = "ours histogram (enum + bounded string)")]
    public void OursHistogram() => OnTwoThreads(this, static self =>
    {
        var histogram = self.OursLatency;
        for (var i = 0; i < PerThread; i++)
        {
            histogram.Observe(Labels.Observation, HttpMethod.Get, Labels.Route);
        }
    });

    /// <summary>prometheus-net, labels per call.</summary>
    [Benchmark(OperationsPerInvoke = Operations, Description = "prometheus-net")]
    public void PrometheusNetWithLabels() => OnTwoThreads(this, static self =>
    {
        var counter = self.PrometheusNet;
        for (var i = 0; i < PerThread; i++)
        {
            counter.WithLabels(Labels.Method, Labels.Route, Labels.Status).Inc();
        }
    });

    /// <summary>OpenTelemetry, tags per call.</summary>
    [Benchmark(OperationsPerInvoke = Operations, Description = "OpenTelemetry")]
    public void OpenTelemetryAdd() => OnTwoThreads(this, static self =>
    {
        var counter = self._otel;
        for (var i = 0; i < PerThread; i++)
        {
            counter.Add(1, MethodTag, RouteTag, StatusTag);
        }
    });

    /// <inheritdoc/>
    protected override void CreateInstruments()
    {
        OursTyped = new OurMetrics.TypedTotal(Registry);
        OursBounded = new OurMetrics.BoundedTotal(Registry);
        OursLatency = new OurMetrics.LatencySeconds(Registry);
        PrometheusNet = Prometheus.CreateCounter("bench_requests_total", "Three labels.", new[] { "method", "route", "status" });
        _otel = Meter.CreateCounter<long>("otel_requests_total");
    }

    private static void OnTwoThreads(TwoThreads self, Action<TwoThreads> work)
    {
        using var start = new ManualResetEventSlim();
        var threads = new Thread[2];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                start.Wait();
                work(self);
            });
            threads[t].Start();
        }

        start.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}

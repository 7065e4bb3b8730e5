using System.Buffers;

namespace Metrics.Generators.Benchmarks;

/// <summary>
/// MemoryPerSeries measures the managed memory a library holds per live counter series: the label values are made
/// first (every library keeps references to the same strings), then the heap is measured with a full collection
/// before and after <c>series</c> new series are created, with the metric kept alive.
/// </summary>
public static class MemoryPerSeries
{
    /// <summary>Bytes held per series by each library, for <paramref name="series"/> series.</summary>
    /// <param name="series">How many series (at most 100,000: the bound of our route label).</param>
    /// <returns>Bytes per series for ours, prometheus-net and OpenTelemetry.</returns>
    public static (double Ours, double PrometheusNet, double OpenTelemetry) Measure(int series)
    {
        var routes = Enumerable.Range(0, series).Select(i => "/route/" + i).ToArray();
        return (Ours(routes), PrometheusNet(routes), OpenTelemetry(routes));
    }

    /// <summary>Bytes our last and prometheus-net's scrape of the <see cref="Scrape"/> case wrote.</summary>
    /// <returns>The two byte counts.</returns>
    public static (int Ours, long PrometheusNet) ScrapeBytesWritten()
    {
        var scrape = new Scrape();
        scrape.GlobalSetup();
        return (scrape.OursBytesWritten, scrape.PrometheusNetBytesWritten);
    }

    private static double Ours(string[] routes)
    {
        var registry = new MetricRegistry();
        var metric = new OurMetrics.RouteHitsTotal(registry);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var route in routes)
        {
            metric.Inc(route);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(metric);
        GC.KeepAlive(registry);
        return (after - before) / (double)routes.Length;
    }

    private static double PrometheusNet(string[] routes)
    {
        var registry = Peers.NewPrometheusRegistry();
        var metric = Peers.Factory(registry).CreateCounter("bench_route_hits_total", "One label.", new[] { "route" });
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var route in routes)
        {
            metric.WithLabels(route).Inc();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(metric);
        GC.KeepAlive(registry);
        return (after - before) / (double)routes.Length;
    }

    private static double OpenTelemetry(string[] routes)
    {
        using var provider = Peers.NewOpenTelemetry(out var meter);
        using var owned = meter;
        var metric = meter.CreateCounter<long>("otel_route_hits_total");

        // OpenTelemetry pre-allocates its metric points up to the cardinality limit when the instrument is first
        // used, so the first recording is made before the baseline, as with the other libraries' empty metric.
        metric.Add(1, new KeyValuePair<string, object?>("route", "/warm"));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var route in routes)
        {
            metric.Add(1, new KeyValuePair<string, object?>("route", route));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(metric);
        return (after - before) / (double)routes.Length;
    }
}

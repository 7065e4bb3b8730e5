using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.Benchmarks;

/// <summary>
/// Peers sets up the other libraries the same way for every benchmark: prometheus-net without its default
/// metrics (whose meter adapter would otherwise listen to the OpenTelemetry meters and add cost to them), and an
/// OpenTelemetry <see cref="MeterProvider"/> that listens to a benchmark's meter, aggregates every measurement and
/// exports to memory, with the same 11 histogram buckets as the others.
/// </summary>
public static class Peers
{
    private static int s_suppressed;

    /// <summary>Returns a fresh prometheus-net registry; default metrics are suppressed once per process.</summary>
    /// <returns>A registry of the caller's own.</returns>
    public static Prometheus.CollectorRegistry NewPrometheusRegistry()
    {
        if (Interlocked.Exchange(ref s_suppressed, 1) == 0)
        {
            try
            {
                Prometheus.Metrics.SuppressDefaultMetrics();
            }
            catch (InvalidOperationException)
            {
                // Already configured by someone else in this process: nothing listens to our meters then either.
            }
        }

        return Prometheus.Metrics.NewCustomRegistry();
    }

    /// <summary>Returns a metric factory on <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>The factory.</returns>
    public static Prometheus.IMetricFactory Factory(Prometheus.CollectorRegistry registry) => Prometheus.Metrics.WithCustomRegistry(registry);

    /// <summary>
    /// Creates a meter with a unique name and an OpenTelemetry provider listening to it (in-memory exporter, the
    /// same 11 explicit histogram buckets, room for 100,000 series per instrument).
    /// </summary>
    /// <param name="meter">The meter to create instruments on.</param>
    /// <returns>The provider; dispose it with the meter.</returns>
    public static MeterProvider NewOpenTelemetry(out Meter meter)
    {
        var name = "bench." + Guid.NewGuid().ToString("N");
        meter = new Meter(name);
        var exported = new List<Metric>();
        return Sdk.CreateMeterProviderBuilder()
            .AddMeter(name)
            .AddView(instrument => instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal)
                ? new ExplicitBucketHistogramConfiguration { Boundaries = Labels.Buckets, CardinalityLimit = 200_000 }
                : new MetricStreamConfiguration { CardinalityLimit = 200_000 })
            .AddInMemoryExporter(exported)
            .Build();
    }
}

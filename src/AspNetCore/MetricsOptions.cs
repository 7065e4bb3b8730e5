namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricsOptions configures what <see cref="MetricsServiceCollectionExtensions.AddPrometheusMetrics"/> sets up: the registry
/// that <c>MapPrometheusMetrics()</c> serves and the RED middleware records into, the RED metrics themselves, and whether the
/// default process and runtime collectors are registered.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// The registry the RED metrics register in and <c>MapPrometheusMetrics()</c> serves. Defaults to
    /// <see cref="MetricRegistry.Default"/>, where generated metrics register, so one scrape shows both.
    /// </summary>
    public MetricRegistry Registry { get; set; } = MetricRegistry.Default;

    /// <summary>
    /// The process and runtime collectors registered in <see cref="Registry"/> when the app starts (once per
    /// registry): <c>process_cpu_seconds_total</c>, memory, file descriptors, GC, thread pool, lock contention and
    /// exceptions. Switch groups off here, or set null to register none.
    /// </summary>
    public DefaultCollectorOptions? Collectors { get; set; } = new();

    /// <summary>The RED metrics for incoming requests.</summary>
    public HttpServerMetricsOptions Http { get; } = new();
}

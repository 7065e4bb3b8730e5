namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricsOptions configures what <see cref="MetricsServiceCollectionExtensions.AddMetrics"/> sets up: the registry
/// that <c>MapMetrics()</c> serves and the RED middleware records into, the RED metrics themselves, and whether the
/// default process and runtime collectors are registered.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// The registry the RED metrics register in and <c>MapMetrics()</c> serves. Defaults to
    /// <see cref="MetricRegistry.Default"/>, where generated metrics register, so one scrape shows both.
    /// </summary>
    public MetricRegistry Registry { get; set; } = MetricRegistry.Default;

    /// <summary>The RED metrics for incoming requests.</summary>
    public HttpServerMetricsOptions Http { get; } = new();
}

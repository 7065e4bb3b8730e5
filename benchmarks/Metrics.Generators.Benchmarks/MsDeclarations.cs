namespace Metrics.Generators.Benchmarks;

// Inside the namespace, so Counter and Histogram mean Microsoft's attributes here, not ours from Metrics.Generators
// (Microsoft's generator also matches the attribute by its written name, so no alias).
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics;

/// <summary>MsMetrics declares the same metrics with Microsoft.Extensions.Diagnostics.Metrics' generator.</summary>
public static partial class MsMetrics
{
    /// <summary>A counter with three string tags.</summary>
    /// <param name="meter">The meter that owns the instrument.</param>
    /// <returns>The generated counter.</returns>
    [Counter("method", "route", "status", Name = "ms_requests_total")]
    public static partial MsRequests CreateRequests(Meter meter);

    /// <summary>A counter without tags.</summary>
    /// <param name="meter">The meter that owns the instrument.</param>
    /// <returns>The generated counter.</returns>
    [Counter(Name = "ms_plain_total")]
    public static partial MsPlain CreatePlain(Meter meter);

    /// <summary>A histogram with two string tags.</summary>
    /// <param name="meter">The meter that owns the instrument.</param>
    /// <returns>The generated histogram.</returns>
    [Histogram<double>("method", "route", Name = "ms_latency_seconds")]
    public static partial MsLatency CreateLatency(Meter meter);
}

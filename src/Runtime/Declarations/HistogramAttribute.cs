namespace Metrics.Generators;

/// <summary>
/// HistogramAttribute declares a histogram (cumulative buckets, <c>_sum</c>, <c>_count</c>) on a
/// <c>static partial</c> property. Buckets come from <see cref="Buckets"/>, or from one of
/// <see cref="LinearBucketsAttribute"/>, <see cref="ExponentialBucketsAttribute"/> or
/// <see cref="SloBucketsAttribute"/>; without any, the prometheus_client defaults
/// (0.005 … 10 seconds) apply.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class HistogramAttribute(string name) : Attribute
{
    /// <summary>The metric name, e.g. <c>http_request_duration_seconds</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The help text. Required; the property's XML doc <c>&lt;summary&gt;</c> supplies it when omitted.</summary>
    public string? Help { get; set; }

    /// <summary>The base unit (<c>seconds</c>, <c>bytes</c>, …). The name must end with it.</summary>
    public string? Unit { get; set; }

    /// <summary>Upper bounds of the buckets, strictly increasing; <c>+Inf</c> is implied.</summary>
    public double[]? Buckets { get; set; }

    /// <summary>
    /// The service-level objective threshold in the metric's unit (e.g. <c>0.3</c> seconds), or 0 for none.
    /// It must be one of the bucket bounds so that the SLO ratio is exact; alert rules are derived from it.
    /// </summary>
    public double Slo { get; set; }
}

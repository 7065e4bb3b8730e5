namespace Metrics.Generators;

/// <summary>MetricType is the Prometheus type of a metric family.</summary>
public enum MetricType
{
    /// <summary>A monotonically increasing value, exposed with the <c>_total</c> suffix.</summary>
    Counter,
    /// <summary>A value that goes up and down.</summary>
    Gauge,
    /// <summary>Cumulative buckets with <c>_sum</c> and <c>_count</c>.</summary>
    Histogram,
    /// <summary>Client-side quantiles with <c>_sum</c> and <c>_count</c>.</summary>
    Summary,
}

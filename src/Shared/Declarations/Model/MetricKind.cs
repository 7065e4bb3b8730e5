namespace Metrics.Generators.Shared.Declarations;

/// <summary>MetricKind says which metric attribute declared a property (mirrors the runtime's <c>MetricType</c>).</summary>
internal enum MetricKind
{
    /// <summary><c>[Counter]</c>.</summary>
    Counter,
    /// <summary><c>[Gauge]</c>.</summary>
    Gauge,
    /// <summary><c>[Histogram]</c>.</summary>
    Histogram,
    /// <summary><c>[Summary]</c>.</summary>
    Summary,
}

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// MetricKind says which metric attribute declared a property. Same members in the same order as the runtime's public
/// <c>MetricType</c> (the runtime casts one to the other), so the naming rules here serve the runtime as well.
/// </summary>
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

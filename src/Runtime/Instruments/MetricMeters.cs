using System.Reflection;

namespace Metrics.Generators;

/// <summary>
/// MetricMeters names the <c>System.Diagnostics.Metrics</c> meters a publishing <see cref="MetricRegistry"/> puts its
/// metrics on: one per declaring assembly, named after it, so a listener (the OpenTelemetry SDK's <c>AddMeter</c>)
/// selects them by assembly name. A meter is ours when its <c>Scope</c> is a <see cref="MetricRegistry"/>.
/// </summary>
/// <remarks>
/// What is published: every counter, gauge, histogram and summary family registered in a registry whose
/// <see cref="MetricRegistry.PublishesInstruments"/> is true. Counters are <c>ObservableCounter&lt;double&gt;</c>,
/// gauges <c>ObservableGauge&lt;double&gt;</c>, histograms and summaries <c>Histogram&lt;double&gt;</c>; instrument
/// names are the Prometheus names (a counter's with <c>_total</c>), units UCUM (<c>s</c>, <c>By</c>, <c>1</c>). The
/// default collectors' callback families (process and runtime metrics) are not published: .NET has its own meters for
/// those (<c>System.Runtime</c>). Thread-safe.
/// </remarks>
public static class MetricMeters
{
    /// <summary>The meter of metrics whose descriptor names no declaring type.</summary>
    public const string FallbackName = "Metrics.Generators";

    /// <summary>The name of the meter <paramref name="descriptor"/>'s instrument is on: its declaring assembly's simple name.</summary>
    /// <param name="descriptor">A metric descriptor.</param>
    /// <returns>The meter name; <see cref="FallbackName"/> when the descriptor has no declaring type.</returns>
    public static string NameOf(MetricDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return descriptor.DeclaringType is { } type ? NameOf(type.Assembly) : FallbackName;
    }

    /// <summary>The name of the meter the metrics declared in <paramref name="assembly"/> are on.</summary>
    /// <param name="assembly">An assembly that declares metrics.</param>
    /// <returns>The assembly's simple name.</returns>
    public static string NameOf(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetName().Name ?? FallbackName;
    }

    /// <summary>The names of the meters <paramref name="registry"/> has created so far (empty unless it publishes).</summary>
    /// <param name="registry">A registry.</param>
    /// <returns>The names, ordinally sorted.</returns>
    public static IReadOnlyList<string> InUse(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Instruments?.MeterNames ?? [];
    }
}

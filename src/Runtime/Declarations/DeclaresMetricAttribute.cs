using System.ComponentModel;

namespace Metrics.Generators;

/// <summary>
/// DeclaresMetricAttribute records, on an assembly, one metric that the assembly registers: its name, type and
/// the type that declares it. The generator emits one per declared metric; a library that registers metrics by
/// hand lists its own. The duplicate-name analyzer (MG0003) reads them from referenced assemblies, so a clash with
/// a metric of a library is a build error instead of a start-up exception, and the registry reads them to name
/// both declarers when a clash does reach start-up. It changes nothing at run time otherwise.
/// </summary>
/// <param name="name">The metric name as declared (a counter's with or without <c>_total</c>).</param>
/// <param name="type">The metric type.</param>
/// <param name="declaringType">The type that declares or registers the metric.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaresMetricAttribute(string name, MetricType type, Type declaringType) : Attribute
{
    /// <summary>The metric name as declared.</summary>
    public string Name { get; } = name;

    /// <summary>The metric type.</summary>
    public MetricType Type { get; } = type;

    /// <summary>The type that declares or registers the metric.</summary>
    public Type DeclaringType { get; } = declaringType;

    /// <summary>The declaring member (the generated metric's property), or null.</summary>
    public string? Member { get; set; }
}

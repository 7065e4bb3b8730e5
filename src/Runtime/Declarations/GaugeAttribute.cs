namespace Metrics.Generators;

/// <summary>
/// GaugeAttribute declares a gauge, a value that goes up and down (in-flight requests, queue length),
/// on a <c>static partial</c> property. A gauge series can also be fed by a collect-time callback.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class GaugeAttribute(string name) : Attribute
{
    /// <summary>The metric name, e.g. <c>orders_in_flight</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The help text. Required; the property's XML doc <c>&lt;summary&gt;</c> supplies it when omitted.</summary>
    public string? Help { get; set; }

    /// <summary>The base unit (<c>seconds</c>, <c>bytes</c>, …). The name must end with it.</summary>
    public string? Unit { get; set; }
}

namespace Metrics.Generators;

/// <summary>
/// CounterAttribute declares a monotonically increasing counter on a <c>static partial</c> property.
/// The generator implements the property and emits the metric type named by the property's type.
/// </summary>
/// <remarks>
/// The exposition always names the sample <c>&lt;name&gt;_total</c>; declare the name with the
/// <c>_total</c> suffix so that what you grep for is what Prometheus stores.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class CounterAttribute(string name) : Attribute
{
    /// <summary>The metric name, e.g. <c>orders_total</c>. Must match <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The help text. Required; the property's XML doc <c>&lt;summary&gt;</c> supplies it when omitted.</summary>
    public string? Help { get; set; }

    /// <summary>The base unit (<c>seconds</c>, <c>bytes</c>, …). The name must end with it (before <c>_total</c>).</summary>
    public string? Unit { get; set; }
}

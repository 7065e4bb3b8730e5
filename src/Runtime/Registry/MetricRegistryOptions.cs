namespace Metrics.Generators;

/// <summary>
/// MetricRegistryOptions says how a <see cref="MetricRegistry"/> presents itself beyond its families: whether its
/// metrics are also published as <c>System.Diagnostics.Metrics</c> instruments, which constant labels every series
/// carries, and which service identity its <c>target_info</c> states.
/// </summary>
/// <remarks>Read once, when the registry is created; later changes to the options object are not seen.</remarks>
public sealed class MetricRegistryOptions
{
    /// <summary>
    /// Whether every family registered here is also published as a <c>System.Diagnostics.Metrics</c> instrument, on a
    /// <c>Meter</c> named after the assembly that declares it, so <c>MeterListener</c>s and the OpenTelemetry SDK see it.
    /// True for <see cref="MetricRegistry.Default"/>; false by default for registries created by hand. The default
    /// collectors' process and runtime metrics are not published (.NET has meters of its own for them); see
    /// <see cref="MetricMeters"/> for names, instrument kinds and units.
    /// </summary>
    public bool PublishInstruments { get; set; }

    /// <summary>
    /// When set, every family of this registry is published on one <c>Meter</c> of this name instead of one per
    /// declaring assembly: for several registries in one process (one per hosted service) that are exported separately,
    /// since OpenTelemetry selects meters by name only.
    /// </summary>
    public string? MeterName { get; set; }

    /// <summary>
    /// Labels every series of this registry carries, in this order, before its own labels (e.g. <c>service</c> when
    /// several services share one process). Names follow the label-name rules and may not be declared by a family.
    /// </summary>
    public IDictionary<string, string> ConstantLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The resource attributes of the service this registry belongs to (<c>service.name</c>,
    /// <c>service.instance.id</c>, <c>deployment.environment</c>, …). When any is set, the exposition starts with a
    /// <c>target_info</c> series carrying them (dots become underscores), the OpenTelemetry convention that lets pulled
    /// and pushed series of one service be joined.
    /// </summary>
    public IDictionary<string, string> TargetInfo { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

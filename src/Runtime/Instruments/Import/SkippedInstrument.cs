namespace Metrics.Generators;

/// <summary>
/// SkippedInstrument is an instrument of an imported meter that a <see cref="MeterImport"/> does not expose, and why:
/// most often its Prometheus name is already taken by a registered family (the default collectors'
/// <c>dotnet_gc_collections_total</c> against <c>System.Runtime</c>'s <c>dotnet.gc.collections</c>).
/// </summary>
/// <param name="MeterName">The instrument's meter.</param>
/// <param name="InstrumentName">The instrument's name as .NET publishes it.</param>
/// <param name="MetricName">The Prometheus name it would have had (empty when none could be made).</param>
/// <param name="Reason">Why it is not exposed.</param>
public sealed record SkippedInstrument(string MeterName, string InstrumentName, string MetricName, string Reason);

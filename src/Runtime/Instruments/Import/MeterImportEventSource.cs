using System.Diagnostics.Tracing;

namespace Metrics.Generators;

/// <summary>
/// MeterImportEventSource (<c>Metrics-Generators-MeterImport</c>) reports what an import cannot do without failing the
/// instrumented code or a scrape: an instrument skipped (its name is taken), an observable callback that threw.
/// Read it with <c>dotnet-trace</c> or an <c>EventListener</c>; <see cref="MeterImport.Skipped"/> lists the skips too.
/// </summary>
[EventSource(Name = "Metrics-Generators-MeterImport")]
internal sealed class MeterImportEventSource : EventSource
{
    public static readonly MeterImportEventSource Log = new();

    private MeterImportEventSource()
    {
    }

    [Event(1, Level = EventLevel.Warning, Message = "Instrument '{1}' of meter '{0}' is not imported as '{2}': {3}")]
    public void InstrumentSkipped(string meterName, string instrumentName, string metricName, string reason)
        => WriteEvent(1, meterName, instrumentName, metricName, reason);

    [Event(2, Level = EventLevel.Warning, Message = "Reading the observable instruments of meters {0} failed; the scrape shows their last values: {1}")]
    public void ObservableCallbackFailed(string meterNames, string error)
        => WriteEvent(2, meterNames, error);
}

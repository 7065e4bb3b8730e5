using System.Diagnostics.Metrics;

namespace Metrics.Generators.Tests.Instruments;

/// <summary>CountingListener enables one registry's instruments and only counts measurements, so it allocates nothing itself.</summary>
internal sealed class CountingListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public CountingListener(MetricRegistry registry)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, registry))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _count));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}

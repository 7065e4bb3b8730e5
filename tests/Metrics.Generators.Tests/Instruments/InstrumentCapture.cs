using System.Diagnostics.Metrics;

namespace Metrics.Generators.Tests.Instruments;

/// <summary>
/// InstrumentCapture is a <see cref="MeterListener"/> that enables only the instruments of one registry's meters
/// (<c>Meter.Scope == registry</c>, so tests running in parallel do not see each other) and keeps what they report.
/// </summary>
internal sealed class InstrumentCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Measured> _recorded = [];
    private readonly List<Measured> _observed = [];
    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);

    public InstrumentCapture(MetricRegistry registry)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, registry))
            {
                lock (_instruments)
                {
                    _instruments[instrument.Name] = instrument;
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var measured = new Measured(instrument, value, Tags(tags));
            var list = instrument.IsObservable ? _observed : _recorded;
            lock (list)
            {
                list.Add(measured);
            }
        });
        _listener.Start();
    }

    /// <summary>The instruments seen, by name.</summary>
    public IReadOnlyDictionary<string, Instrument> Instruments
    {
        get
        {
            lock (_instruments)
            {
                return new Dictionary<string, Instrument>(_instruments, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>What histograms recorded so far.</summary>
    public List<Measured> Recorded
    {
        get
        {
            lock (_recorded)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>Runs every observable callback once and returns what they reported.</summary>
    public List<Measured> Observe()
    {
        lock (_observed)
        {
            _observed.Clear();
        }

        _listener.RecordObservableInstruments();
        lock (_observed)
        {
            return [.. _observed];
        }
    }

    public void Dispose() => _listener.Dispose();

    private static Dictionary<string, string> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result.Add(tag.Key, (string)tag.Value!);
        }

        return result;
    }

    /// <summary>One measurement: its instrument, value and tags (all string-valued).</summary>
    internal sealed record Measured(Instrument Instrument, double Value, Dictionary<string, string> Tags)
    {
        public bool HasTags(IReadOnlyDictionary<string, string> expected)
            => Tags.Count == expected.Count && expected.All(pair => Tags.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}

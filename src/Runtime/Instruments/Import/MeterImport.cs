using System.Diagnostics.Metrics;
using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// MeterImport exposes the instruments of named <c>System.Diagnostics.Metrics</c> meters (ASP.NET Core's
/// <c>Microsoft.AspNetCore.Hosting</c>, the runtime's <c>System.Runtime</c>, <c>Npgsql</c>, your own) as families of a
/// <see cref="MetricRegistry"/>, named by the OpenTelemetry-to-Prometheus compatibility rules
/// (<c>http.server.request.duration</c> in <c>s</c> → <c>http_server_request_duration_seconds</c>). Start one with
/// <see cref="MeterImportExtensions.ImportMeters(MetricRegistry, string[])"/>; dispose it to stop listening and remove
/// its families.
/// </summary>
/// <remarks>
/// <para>Kinds: <c>Counter&lt;T&gt;</c> and <c>ObservableCounter&lt;T&gt;</c> become counters; <c>UpDownCounter&lt;T&gt;</c>,
/// <c>ObservableUpDownCounter&lt;T&gt;</c>, <c>Gauge&lt;T&gt;</c> and <c>ObservableGauge&lt;T&gt;</c> gauges;
/// <c>Histogram&lt;T&gt;</c> histograms, with the buckets configured for the instrument, else its advice, else the
/// declared histograms' defaults. Every numeric T is read (byte, short, int, long, float, double, decimal).
/// Tags become labels (<c>http.request.method</c> → <c>http_request_method</c>); each instrument keeps at most
/// <see cref="MeterImportOptions.MaxSeriesPerInstrument"/> tag sets, further ones fold into an <c>__overflow__</c> series.
/// Observable instruments are read once per scrape, before the registry writes.</para>
/// <para>What is never imported: instruments of meters whose scope is a <see cref="MetricRegistry"/> (the meters a
/// registry publishes its own metrics on, so a registry never shows its metrics twice), whatever names are passed.
/// An instrument whose Prometheus name is already taken (by a registered family, or by another imported instrument of
/// a different kind or unit) is skipped, never failing the instrumented code or the app: it is listed in
/// <see cref="Skipped"/> and reported on the <c>Metrics-Generators-MeterImport</c> event source. Instruments appear as
/// meters create them, at any time, so a clash cannot be known when the import starts; and a family registered by
/// other code after an instrument took its name throws as any duplicate registration does.
/// Two instruments of one name, kind and unit (a meter created twice) share one family.</para>
/// <para>Concurrency and cost: measurements arrive on any thread; recording one with a known tag set takes no lock and
/// allocates nothing (see <c>TagSetTable</c>). Publishing an instrument and creating a series take a lock.</para>
/// </remarks>
public sealed class MeterImport : IDisposable
{
    private readonly MetricRegistry _registry;
    private readonly string[] _meterNames;
    private readonly int _maxSeries;
    private readonly Dictionary<string, double[]> _buckets;
    private readonly object? _scope;
    private readonly MeterListener _listener;
    private readonly Action _readObservables;
    private readonly Lock _gate = new();
    private readonly Lock _roundGate = new();
    private readonly Dictionary<string, ImportedFamily> _families = new(StringComparer.Ordinal);
    private readonly List<SkippedInstrument> _skipped = [];
    private ImportedFamily[] _familyList = [];
    private bool _disposed;

    internal MeterImport(MetricRegistry registry, MeterImportOptions options, string[] meterNames)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterNames);
        if (meterNames.Length == 0)
        {
            throw new ArgumentException("Name at least one meter to import: nothing is imported by default.", nameof(meterNames));
        }

        foreach (var name in meterNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A meter name is null or blank.", nameof(meterNames));
            }
        }

        _buckets = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (instrument, bounds) in options.HistogramBuckets)
        {
            var problem = bounds is null ? "no bounds" : BucketLayout.Validate(bounds);
            if (problem is not null)
            {
                throw new ArgumentException($"The histogram buckets configured for instrument '{instrument}' are invalid: {problem}.", nameof(options));
            }

            _buckets[instrument] = (double[])bounds!.Clone();
        }

        _registry = registry;
        _meterNames = (string[])meterNames.Clone();
        MeterNames = Array.AsReadOnly(_meterNames);
        _maxSeries = options.MaxSeriesPerInstrument;
        _scope = options.MeterScope;
        _readObservables = ReadObservables;

        _listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((ImportedFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((ImportedFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((ImportedFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((ImportedFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((ImportedFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((ImportedFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((ImportedFamily)state!).Record((double)value, tags));
        registry.AddBeforeWrite(_readObservables);

        // Start publishes the instruments that exist already, on this thread; later ones arrive as they are created.
        _listener.Start();
    }

    /// <summary>The registry the families are registered in.</summary>
    public MetricRegistry Registry => _registry;

    /// <summary>The meter names imported (exact, case-insensitive; a trailing <c>*</c> matches a prefix).</summary>
    public IReadOnlyList<string> MeterNames { get; }

    /// <summary>The Prometheus names of the families imported so far (a snapshot).</summary>
    public IReadOnlyList<string> MetricNames
    {
        get
        {
            lock (_gate)
            {
                return _families.Keys.Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>The instruments not imported so far, and why (a snapshot).</summary>
    public IReadOnlyList<SkippedInstrument> Skipped
    {
        get
        {
            lock (_gate)
            {
                return _skipped.ToArray();
            }
        }
    }

    /// <summary>How many measurements, over all imported instruments, folded into an <c>__overflow__</c> series.</summary>
    public long OverflowCount => Volatile.Read(ref _familyList).Sum(static family => family.OverflowCount);

    /// <summary>Stops listening and removes the imported families from the registry. Idempotent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _registry.RemoveBeforeWrite(_readObservables);

        // Not under _gate: the runtime publishes instruments under its own lock and calls us, which takes _gate.
        _listener.Dispose();
        foreach (var family in Volatile.Read(ref _familyList))
        {
            _registry.Unregister(family);
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (meter.Scope is MetricRegistry || !IsImported(meter.Name) || (_scope is not null && meter.Scope is not null && !ReferenceEquals(meter.Scope, _scope)))
        {
            return;
        }

        // This runs inside the code that creates the instrument: nothing may escape into it.
        try
        {
            if (Family(instrument) is { } family)
            {
                listener.EnableMeasurementEvents(instrument, family);
            }
        }
        catch (Exception e)
        {
            Skip(instrument, string.Empty, "it could not be imported: " + e.Message);
        }
    }

    private ImportedFamily? Family(Instrument instrument)
    {
        if (ImportedKinds.Of(instrument) is not { } kind)
        {
            Skip(instrument, string.Empty, $"its type {instrument.GetType().Name} is not a counter, up-down counter, gauge or histogram");
            return null;
        }

        var type = ImportedKinds.TypeOf(kind);
        var (name, unit) = ImportedNames.Metric(instrument.Name, instrument.Unit, type);
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            if (_families.TryGetValue(name, out var existing))
            {
                if (existing.Kind == kind && existing.Descriptor.Unit == unit)
                {
                    return existing;
                }

                Skip(instrument, name, $"instrument '{existing.InstrumentName}' of meter '{existing.MeterName}' is already imported as '{name}' with another kind or unit");
                return null;
            }

            var descriptor = new MetricDescriptor(
                name,
                type,
                string.IsNullOrWhiteSpace(instrument.Description) ? $"{instrument.Name} (from .NET meter {instrument.Meter.Name}; it has no description)." : instrument.Description,
                unit,
                [],
                buckets: kind == ImportedKind.Histogram ? Buckets(instrument) : null)
            {
                DeclaringType = typeof(MeterImport),
                DeclaringMember = $"ImportMeters: meter '{instrument.Meter.Name}', instrument '{instrument.Name}'",
            };
            var family = new ImportedFamily(descriptor, kind, _maxSeries, instrument.Meter.Name, instrument.Name);
            try
            {
                _registry.Register(family);
            }
            catch (InvalidOperationException e)
            {
                Skip(instrument, name, e.Message);
                return null;
            }

            _families.Add(name, family);
            Volatile.Write(ref _familyList, [.. _familyList, family]);
            return family;
        }
    }

    // Configured for the instrument, else its advice (when valid), else the declared histograms' defaults.
    private double[]? Buckets(Instrument instrument)
    {
        if (_buckets.TryGetValue(instrument.Name, out var configured))
        {
            return configured;
        }

        var advised = instrument switch
        {
            Instrument<double> d => d.Advice?.HistogramBucketBoundaries?.ToArray(),
            Instrument<float> f => f.Advice?.HistogramBucketBoundaries?.Select(static x => (double)x).ToArray(),
            Instrument<long> l => l.Advice?.HistogramBucketBoundaries?.Select(static x => (double)x).ToArray(),
            Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(static x => (double)x).ToArray(),
            Instrument<short> s => s.Advice?.HistogramBucketBoundaries?.Select(static x => (double)x).ToArray(),
            Instrument<byte> b => b.Advice?.HistogramBucketBoundaries?.Select(static x => (double)x).ToArray(),
            Instrument<decimal> m => m.Advice?.HistogramBucketBoundaries?.Select(static x => (double)x).ToArray(),
            _ => null,
        };
        return advised is { Length: > 0 } && BucketLayout.Validate(advised) is null ? advised : null;
    }

    private bool IsImported(string meterName)
    {
        foreach (var name in _meterNames)
        {
            var matches = name.EndsWith('*')
                ? meterName.StartsWith(name.AsSpan(0, name.Length - 1), StringComparison.OrdinalIgnoreCase)
                : string.Equals(name, meterName, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private void Skip(Instrument instrument, string metricName, string reason)
    {
        lock (_gate)
        {
            _skipped.Add(new SkippedInstrument(instrument.Meter.Name, instrument.Name, metricName, reason));
        }

        MeterImportEventSource.Log.InstrumentSkipped(instrument.Meter.Name, instrument.Name, metricName, reason);
    }

    // The registry's pre-write hook: one observation round per scrape. Rounds never overlap, so an overflow series'
    // round total is never mixed with a concurrent scrape's.
    private void ReadObservables()
    {
        lock (_roundGate)
        {
            if (Volatile.Read(ref _disposed))
            {
                return;
            }

            var families = Volatile.Read(ref _familyList);
            foreach (var family in families)
            {
                family.BeginRound();
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (Exception e)
            {
                // A throwing callback costs its own values this scrape, never the scrape.
                MeterImportEventSource.Log.ObservableCallbackFailed(string.Join(", ", _meterNames), e.Message);
            }

            foreach (var family in families)
            {
                family.EndRound();
            }
        }
    }
}

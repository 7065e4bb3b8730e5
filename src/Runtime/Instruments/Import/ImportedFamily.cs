namespace Metrics.Generators;

/// <summary>
/// ImportedFamily is one <c>System.Diagnostics.Metrics</c> instrument (or several of one name, from meters of one
/// name) as a family of a registry: its series are keyed by the measurement's tag set (<see cref="TagSetTable"/>),
/// not by our fixed label dimensions, because an instrument's tags are only known as measurements arrive.
/// </summary>
/// <remarks>
/// <para>The descriptor declares no labels; each series carries its own rendered label block, which the exposition
/// writes as is. Recording a known tag set is lock-free and allocation-free: one table lookup, then the cell's own
/// atomic update.</para>
/// <para>Values the Prometheus type cannot hold are dropped, never thrown back into the instrumented code: a negative
/// or NaN counter increment, a NaN histogram observation.</para>
/// </remarks>
internal sealed class ImportedFamily : MetricFamily
{
    private readonly Dictionary<string, string> _labelNames = new(StringComparer.Ordinal);
    private readonly TagSetTable _table;
    private long _overflowed;

    public ImportedFamily(MetricDescriptor descriptor, ImportedKind kind, int maxSeries, string meterName, string instrumentName)
        : base(descriptor, ImportedKinds.TypeOf(kind), [])
    {
        Kind = kind;
        MeterName = meterName;
        InstrumentName = instrumentName;
        var bounds = descriptor.BucketBounds;
        var index = 0L;

        // Never filled: an imported family is never published back as an instrument (it came from one).
        var unpublished = new InstrumentSlot();
        Func<SeriesCell> create = kind switch
        {
            ImportedKind.Counter => () => new CounterCell(Interlocked.Increment(ref index)),
            ImportedKind.Histogram => () => new HistogramCell(Interlocked.Increment(ref index), bounds, unpublished),
            _ => () => new GaugeCell(Interlocked.Increment(ref index)),
        };

        // Called under the table's lock only.
        var histogram = kind == ImportedKind.Histogram;
        _table = new TagSetTable(maxSeries, create, key =>
        {
            if (!_labelNames.TryGetValue(key, out var name))
            {
                _labelNames.Add(key, name = ImportedNames.Label(key, histogram));
            }

            return name;
        });
    }

    /// <summary>How measurements land in a series.</summary>
    public ImportedKind Kind { get; }

    /// <summary>The meter the instrument belongs to.</summary>
    public string MeterName { get; }

    /// <summary>The instrument's own name.</summary>
    public string InstrumentName { get; }

    /// <inheritdoc/>
    public override int SeriesCount => _table.Count;

    /// <summary>How many measurements went to the overflow series.</summary>
    public long OverflowCount => Interlocked.Read(ref _overflowed);

    /// <summary>The series so far, overflow included, for the exposition's walk.</summary>
    internal TagSetTable Series => _table;

    /// <summary>Records one measurement with its tags; safe from any thread, allocation-free for a known tag set.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = _table.GetOrAdd(tags);
        if (series.IsOverflow)
        {
            Interlocked.Increment(ref _overflowed);
        }

        switch (Kind)
        {
            case ImportedKind.Counter:
                if (value >= 0)
                {
                    ((CounterCell)series.Cell).Add(value);
                }

                break;
            case ImportedKind.UpDownCounter:
                ((GaugeCell)series.Cell).Inc(value);
                break;
            case ImportedKind.Histogram:
                ((HistogramCell)series.Cell).Observe(value);
                break;
            case ImportedKind.ObservableCounter or ImportedKind.ObservableUpDownCounter when series.IsOverflow:
                // Several tag sets land here in one round: their total, not the last one.
                series.AddToRound(value);
                break;
            default:
                ((GaugeCell)series.Cell).Set(value);
                break;
        }
    }

    /// <summary>Starts an observation round (before the listener reads the observable instruments).</summary>
    public void BeginRound()
    {
        if (IsSummedObservable && _table.Overflow is { } overflow)
        {
            overflow.BeginRound();
        }
    }

    /// <summary>Ends an observation round: the overflow series shows the round's total.</summary>
    public void EndRound()
    {
        if (IsSummedObservable && _table.Overflow is { } overflow)
        {
            overflow.EndRound();
        }
    }

    private bool IsSummedObservable => Kind is ImportedKind.ObservableCounter or ImportedKind.ObservableUpDownCounter;
}

using System.Diagnostics.Metrics;

namespace Metrics.Generators;

/// <summary>
/// ObservedFamilyInstrument publishes a counter family as an <see cref="ObservableCounter{T}"/> and a gauge family as an
/// <see cref="ObservableGauge{T}"/>: a listener's collection reads every series' cell, as a scrape does. Recording
/// costs nothing more, whether anyone listens or not.
/// </summary>
/// <remarks>
/// Each series' tags are built on the first collection that sees it and kept, keyed by series index (series are never
/// removed); a collection allocates its list of measurements. Collections may run concurrently (several listeners),
/// so the tag cache is locked; recording never takes that lock.
/// </remarks>
/// <typeparam name="TCell"><see cref="CounterCell"/> or <see cref="GaugeCell"/>.</typeparam>
internal sealed class ObservedFamilyInstrument<TCell> : FamilyInstrument
    where TCell : SeriesCell
{
    private readonly MetricFamily<TCell> _family;
    private readonly Dictionary<long, KeyValuePair<string, object?>[]> _tags = [];
    private volatile bool _active;

    public ObservedFamilyInstrument(Meter meter, MetricFamily<TCell> family, KeyValuePair<string, object?>[] constantTags)
        : base(family, constantTags)
    {
        _family = family;
        var descriptor = family.Descriptor;
        var name = InstrumentNaming.Name(descriptor);
        var unit = InstrumentNaming.Unit(descriptor.Unit);
        Instrument = typeof(TCell) == typeof(CounterCell)
            ? meter.CreateObservableCounter(name, Observe, unit, descriptor.Help)
            : meter.CreateObservableGauge(name, Observe, unit, descriptor.Help);
    }

    public override Instrument Instrument { get; }

    public override void Activate() => _active = true;

    public override void Deactivate() => _active = false;

    private IEnumerable<Measurement<double>> Observe()
    {
        if (!_active)
        {
            return [];
        }

        var measurements = new List<Measurement<double>>(_family.SeriesCount);
        lock (_tags)
        {
            foreach (var cell in _family.Series)
            {
                measurements.Add(new Measurement<double>(Read(cell), TagsOf(cell.SeriesIndex)));
            }
        }

        return measurements;
    }

    // The value a scrape writes for the series.
    private static double Read(TCell cell) => cell switch
    {
        CounterCell counter => counter.Snapshot().Value,
        GaugeCell gauge => gauge.Collect(),
        _ => double.NaN,
    };

    private KeyValuePair<string, object?>[] TagsOf(long seriesIndex)
    {
        if (!_tags.TryGetValue(seriesIndex, out var tags))
        {
            tags = SeriesTags.Build(ConstantTags, _family.LabelArray, seriesIndex);
            _tags.Add(seriesIndex, tags);
        }

        return tags;
    }
}

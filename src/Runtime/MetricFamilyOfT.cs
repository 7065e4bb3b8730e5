namespace Metrics.Generators;

/// <summary>
/// MetricFamily&lt;TCell&gt; holds the series of one metric, one <typeparamref name="TCell"/> per label
/// combination, created on first use: <see cref="CounterCell"/>, <see cref="GaugeCell"/>,
/// <see cref="HistogramCell"/> (every cell sharing the descriptor's bucket bounds) or <see cref="SummaryCell"/>.
/// The metric types differ only in their cell. Generated code records per call through <see cref="FamilyRecording"/>
/// with a mixed-radix series index computed from the typed label arguments, and binds a series with
/// <see cref="GetOrAdd"/>.
/// </summary>
/// <remarks>
/// <see cref="GetOrAdd"/> for an existing series is lock-free and allocation-free (see <c>SeriesTable</c>);
/// creating a series takes a lock once. A family with no labels creates its single series at once. Thread-safe.
/// </remarks>
/// <typeparam name="TCell">The cell type, which decides the metric type.</typeparam>
public sealed class MetricFamily<TCell> : MetricFamily
    where TCell : SeriesCell
{
    private readonly SeriesTable<TCell> _series;

    /// <summary>Creates the family of <paramref name="descriptor"/> over <paramref name="labels"/>.</summary>
    /// <param name="descriptor">The metric's descriptor, of the type <typeparamref name="TCell"/> records.</param>
    /// <param name="labels">One dimension per descriptor label name, in the same order.</param>
    /// <exception cref="ArgumentException">When the descriptor's type is not <typeparamref name="TCell"/>'s or the labels do not match it.</exception>
    public MetricFamily(MetricDescriptor descriptor, params LabelDimension[] labels)
        : this(descriptor, clock: null, labels)
    {
    }

    /// <summary>Creates the family with a clock in milliseconds for summaries (tests drive window rotation with it).</summary>
    internal MetricFamily(MetricDescriptor descriptor, Func<long>? clock, LabelDimension[] labels)
        : base(descriptor, TypeOf(descriptor), labels)
    {
        Bounds = descriptor.BucketBounds;
        Instruments = typeof(TCell) == typeof(HistogramCell) || typeof(TCell) == typeof(SummaryCell) ? new InstrumentSlot() : null;
        _series = new SeriesTable<TCell>(LabelArray, CellFactory(descriptor, clock, Instruments));
        if (labels.Length == 0)
        {
            _series.GetOrAdd(0);
        }
    }

    /// <inheritdoc/>
    public override int SeriesCount => _series.Count;

    /// <summary>A histogram's bucket bounds (empty for other types), held here so the per-call path can search before the lookup.</summary>
    internal double[] Bounds { get; }

    /// <summary>
    /// Histograms and summaries: where every cell finds the instrument a publishing registry gave the family (null for
    /// counters and gauges, whose instruments read the cells instead).
    /// </summary>
    internal InstrumentSlot? Instruments { get; }

    /// <summary>
    /// Hands the slot's current instrument to every cell (histograms and summaries), under the creation lock, so a cell
    /// created at the same moment either is walked here or reads the slot in its constructor.
    /// </summary>
    internal override void RefreshPublished()
    {
        lock (_series.CreationGate)
        {
            foreach (var cell in _series)
            {
                switch (cell)
                {
                    case HistogramCell histogram:
                        histogram.RefreshPublished();
                        break;
                    case SummaryCell summary:
                        summary.RefreshPublished();
                        break;
                }
            }
        }
    }

    /// <summary>The series created so far, for the exposition's walk.</summary>
    internal SeriesTable<TCell> Series => _series;

    /// <summary>Returns the series at <paramref name="seriesIndex"/>, creating it on first use.</summary>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <returns>The series' cell; keep it to record without any lookup.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside the labels' combined cardinality.</exception>
    public TCell GetOrAdd(long seriesIndex) => _series.GetOrAdd(seriesIndex);

    // The metric type a cell type records; checked against the descriptor once, by the base constructor.
    private static MetricType TypeOf(MetricDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var type = typeof(TCell);
        return type == typeof(CounterCell) ? MetricType.Counter
            : type == typeof(GaugeCell) ? MetricType.Gauge
            : type == typeof(HistogramCell) ? MetricType.Histogram
            : type == typeof(SummaryCell) ? MetricType.Summary
            : throw new ArgumentException($"{type.Name} is not a cell type a family can hold.", nameof(TCell));
    }

    // Runs once per family; the casts go through object because TCell is one of the four, as TypeOf checked.
    private static Func<long, TCell> CellFactory(MetricDescriptor descriptor, Func<long>? clock, InstrumentSlot? instruments)
    {
        var type = typeof(TCell);
        if (type == typeof(CounterCell))
        {
            return (Func<long, TCell>)(object)(Func<long, CounterCell>)(static index => new CounterCell(index));
        }

        if (type == typeof(GaugeCell))
        {
            return (Func<long, TCell>)(object)(Func<long, GaugeCell>)(static index => new GaugeCell(index));
        }

        if (type == typeof(HistogramCell))
        {
            var bounds = descriptor.BucketBounds;
            return (Func<long, TCell>)(object)(Func<long, HistogramCell>)(index => new HistogramCell(index, bounds, instruments!));
        }

        return (Func<long, TCell>)(object)(Func<long, SummaryCell>)(index => new SummaryCell(index, descriptor, clock, instruments!));
    }
}

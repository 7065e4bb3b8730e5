namespace Metrics.Generators;

/// <summary>
/// CounterFamily holds the series of one counter, one <see cref="CounterCell"/> per label combination, created
/// on first use. Generated code calls <see cref="GetOrAdd"/> with a mixed-radix series index computed from the
/// typed label arguments.
/// </summary>
/// <remarks>
/// <see cref="GetOrAdd"/> for an existing series is lock-free and allocation-free (see <c>SeriesTable</c>);
/// creating a series takes a lock once. Thread-safe.
/// </remarks>
public sealed class CounterFamily : MetricFamily
{
    private readonly SeriesTable<CounterCell> _series;

    /// <summary>Creates the family of <paramref name="descriptor"/> (a counter) over <paramref name="labels"/>.</summary>
    /// <param name="descriptor">The counter's descriptor.</param>
    /// <param name="labels">One dimension per descriptor label name, in the same order.</param>
    /// <exception cref="ArgumentException">When the descriptor is not a counter or the labels do not match it.</exception>
    public CounterFamily(MetricDescriptor descriptor, params LabelDimension[] labels)
        : base(descriptor, MetricType.Counter, labels)
    {
        _series = new SeriesTable<CounterCell>(LabelArray, static index => new CounterCell(index));
        if (labels.Length == 0)
        {
            _series.GetOrAdd(0);
        }
    }

    /// <inheritdoc/>
    public override int SeriesCount => _series.Count;

    /// <summary>Returns the series at <paramref name="seriesIndex"/>, creating it on first use.</summary>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <returns>The series' cell; keep it to record without any lookup.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside the labels' combined cardinality.</exception>
    public CounterCell GetOrAdd(long seriesIndex) => _series.GetOrAdd(seriesIndex);

    /// <summary>
    /// Adds 1 to the series at <paramref name="seriesIndex"/>, creating it on first use. This is the path of a
    /// recording that names its labels on every call: besides the increment it watches for other threads writing
    /// the same series at the same moment, and stripes a series that they do (see <see cref="CounterCell"/>).
    /// </summary>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside the labels' combined cardinality.</exception>
    public void Inc(long seriesIndex) => _series.GetOrAdd(seriesIndex).IncWatchingContention();

    /// <summary>Adds <paramref name="amount"/> to the series at <paramref name="seriesIndex"/>, as <see cref="Inc(long)"/> does 1.</summary>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <param name="amount">A non-negative amount; may be fractional or +Inf.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the index is out of range, or <paramref name="amount"/> is negative or NaN.</exception>
    public void Add(long seriesIndex, double amount) => _series.GetOrAdd(seriesIndex).AddWatchingContention(amount);

    internal override void Write(ref ExpositionWriter writer, ExpositionFormat format)
    {
        writer.Write(Descriptor.Header(format));
        foreach (var cell in _series)
        {
            cell.Write(ref writer, Descriptor, LabelsOf(cell));
        }
    }
}

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
        _series = new SeriesTable<CounterCell>(LabelArray, static block => new CounterCell(block));
        if (labels.Length == 0)
        {
            _series.GetOrAdd(0);
        }
    }

    /// <inheritdoc/>
    public override int SeriesCount => _series.Cells.Length;

    /// <summary>Returns the series at <paramref name="seriesIndex"/>, creating it on first use.</summary>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <returns>The series' cell; keep it to record without any lookup.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside the labels' combined cardinality.</exception>
    public CounterCell GetOrAdd(long seriesIndex) => _series.GetOrAdd(seriesIndex);

    internal override void Write(ref ExpositionWriter writer, ExpositionFormat format)
    {
        writer.Write(Descriptor.Header(format));
        foreach (var cell in _series.Cells)
        {
            cell.Write(ref writer, Descriptor);
        }
    }
}

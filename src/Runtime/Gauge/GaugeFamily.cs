namespace Metrics.Generators;

/// <summary>
/// GaugeFamily holds the series of one gauge, one <see cref="GaugeCell"/> per label combination, created on
/// first use.
/// </summary>
/// <remarks>
/// <see cref="GetOrAdd"/> for an existing series is lock-free and allocation-free; creating a series takes a
/// lock once. Thread-safe.
/// </remarks>
public sealed class GaugeFamily : MetricFamily
{
    private readonly SeriesTable<GaugeCell> _series;

    /// <summary>Creates the family of <paramref name="descriptor"/> (a gauge) over <paramref name="labels"/>.</summary>
    /// <param name="descriptor">The gauge's descriptor.</param>
    /// <param name="labels">One dimension per descriptor label name, in the same order.</param>
    /// <exception cref="ArgumentException">When the descriptor is not a gauge or the labels do not match it.</exception>
    public GaugeFamily(MetricDescriptor descriptor, params LabelDimension[] labels)
        : base(descriptor, MetricType.Gauge, labels)
    {
        _series = new SeriesTable<GaugeCell>(LabelArray, static index => new GaugeCell(index));
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
    public GaugeCell GetOrAdd(long seriesIndex) => _series.GetOrAdd(seriesIndex);

    internal override void Write(ref ExpositionWriter writer, ExpositionFormat format)
    {
        writer.Write(Descriptor.Header(format));
        foreach (var cell in _series)
        {
            cell.Write(ref writer, Descriptor, LabelsOf(cell));
        }
    }
}

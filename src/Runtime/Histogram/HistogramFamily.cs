namespace Metrics.Generators;

/// <summary>
/// HistogramFamily holds the series of one histogram, one <see cref="HistogramCell"/> per label combination,
/// created on first use; every cell shares the descriptor's bucket bounds.
/// </summary>
/// <remarks>
/// <see cref="GetOrAdd"/> for an existing series is lock-free and allocation-free; creating a series takes a
/// lock once. Thread-safe.
/// </remarks>
public sealed class HistogramFamily : MetricFamily
{
    private readonly SeriesTable<HistogramCell> _series;
    private readonly double[] _bounds;

    /// <summary>Creates the family of <paramref name="descriptor"/> (a histogram) over <paramref name="labels"/>.</summary>
    /// <param name="descriptor">The histogram's descriptor.</param>
    /// <param name="labels">One dimension per descriptor label name, in the same order.</param>
    /// <exception cref="ArgumentException">When the descriptor is not a histogram or the labels do not match it.</exception>
    public HistogramFamily(MetricDescriptor descriptor, params LabelDimension[] labels)
        : base(descriptor, MetricType.Histogram, labels)
    {
        var bounds = descriptor.BucketBounds;
        _bounds = bounds;
        _series = new SeriesTable<HistogramCell>(LabelArray, index => new HistogramCell(index, bounds));
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
    public HistogramCell GetOrAdd(long seriesIndex) => _series.GetOrAdd(seriesIndex);

    /// <summary>
    /// Records <paramref name="value"/> in the series at <paramref name="seriesIndex"/>, creating it on first use.
    /// This is the path of a recording that names its labels on every call; a NaN value is ignored.
    /// </summary>
    /// <remarks>
    /// The bucket is found from the family's bounds before the series is: the search depends only on the value, so
    /// the processor runs it alongside the label lookup instead of after it, where it would delay the write.
    /// </remarks>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <param name="value">The observed value, in the metric's unit.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside the labels' combined cardinality.</exception>
    public void Observe(long seriesIndex, double value)
    {
        var bucket = HistogramCell.BucketIndex(_bounds, value);
        var cell = _series.GetOrAdd(seriesIndex);

        // As through the cell: the series exists from its first use, even if that use was a NaN.
        if (!double.IsNaN(value))
        {
            cell.ObserveInBucket(bucket, value);
        }
    }

    internal override void Write(ref ExpositionWriter writer, ExpositionFormat format)
    {
        writer.Write(Descriptor.Header(format));
        foreach (var cell in _series)
        {
            cell.Write(ref writer, Descriptor, format, LabelsOf(cell));
        }
    }
}

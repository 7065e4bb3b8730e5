using System.Buffers;

namespace Metrics.Generators;

/// <summary>
/// SummaryFamily holds the series of one summary, one <see cref="SummaryCell"/> per label combination, created on
/// first use.
/// </summary>
/// <remarks>
/// <see cref="GetOrAdd"/> for an existing series is lock-free and allocation-free; creating a series takes a
/// lock once. A scrape rents one merge buffer (≈55 KiB, from <see cref="ArrayPool{T}.Shared"/>) for the whole
/// family. Thread-safe.
/// </remarks>
public sealed class SummaryFamily : MetricFamily
{
    private const int StackQuantiles = 32;

    private readonly SeriesTable<SummaryCell> _series;

    /// <summary>Creates the family of <paramref name="descriptor"/> (a summary) over <paramref name="labels"/>.</summary>
    /// <param name="descriptor">The summary's descriptor.</param>
    /// <param name="labels">One dimension per descriptor label name, in the same order.</param>
    /// <exception cref="ArgumentException">When the descriptor is not a summary or the labels do not match it.</exception>
    public SummaryFamily(MetricDescriptor descriptor, params LabelDimension[] labels)
        : this(descriptor, clock: null, labels)
    {
    }

    /// <summary>Creates the family with a clock in milliseconds (tests drive window rotation with it).</summary>
    internal SummaryFamily(MetricDescriptor descriptor, Func<long>? clock, LabelDimension[] labels)
        : base(descriptor, MetricType.Summary, labels)
    {
        _series = new SeriesTable<SummaryCell>(LabelArray, index => new SummaryCell(index, descriptor, clock));
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
    public SummaryCell GetOrAdd(long seriesIndex) => _series.GetOrAdd(seriesIndex);

    internal override void Write(ref ExpositionWriter writer, ExpositionFormat format)
    {
        writer.Write(Descriptor.Header(format));
        if (_series.Count == 0)
        {
            return;
        }

        var quantileCount = Descriptor.QuantileValues.Length;
        if (quantileCount == 0)
        {
            MergedCounts none = default;
            foreach (var cell in _series)
            {
                cell.Write(ref writer, ref none, default, LabelsOf(cell));
            }

            return;
        }

        var buffer = ArrayPool<long>.Shared.Rent(MergedCounts.BufferLength);
        try
        {
            var merged = new MergedCounts(buffer);
            var results = quantileCount <= StackQuantiles ? stackalloc double[StackQuantiles] : new double[quantileCount];
            foreach (var cell in _series)
            {
                cell.Write(ref writer, ref merged, results, LabelsOf(cell));
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(buffer);
        }
    }
}

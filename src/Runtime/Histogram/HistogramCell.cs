namespace Metrics.Generators;

/// <summary>
/// HistogramCell is one histogram series: observations counted into buckets by upper bound, plus their sum.
/// </summary>
/// <remarks>
/// <para>Mechanism: each bucket holds a non-cumulative count. <see cref="Observe"/> finds the first bound that is
/// at least the value (a linear scan for up to 8 bounds, a binary search beyond), increments that one bucket with
/// <see cref="Interlocked.Increment(ref long)"/>, and adds the value to the sum with a compare-and-swap loop. So a
/// write touches one counter however many buckets there are, and there is no separate total to keep in step.</para>
/// <para>A scrape reads each bucket once and cumulates as it writes, then writes <c>_count</c> as that same
/// cumulated total, so <c>_count</c> always equals the <c>+Inf</c> bucket within a scrape even while writers run.
/// <c>_sum</c> is read separately and may include an observation whose bucket the scrape just missed (or the
/// reverse); it is never torn.</para>
/// <para>NaN observations are ignored: a NaN has no bucket, and would make <c>_sum</c> NaN forever (which
/// OpenMetrics parsers reject). Thread-safe; <see cref="Observe"/> allocates nothing.</para>
/// </remarks>
public sealed class HistogramCell
{
    private const int LinearScanLimit = 8;

    private readonly double[] _bounds;
    private readonly long[] _buckets;
    private long _sumBits;

    internal HistogramCell(byte[] labelBlock, double[] bounds)
    {
        LabelBlock = labelBlock;
        _bounds = bounds;
        _buckets = new long[bounds.Length + 1];
    }

    /// <summary>How many values were observed (reads every bucket once).</summary>
    public long Count
    {
        get
        {
            long count = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                count += Volatile.Read(ref _buckets[i]);
            }

            return count;
        }
    }

    /// <summary>The sum of the observed values.</summary>
    public double Sum => AtomicDouble.Read(ref _sumBits);

    /// <summary>The pre-rendered, escaped label block of this series (empty when unlabeled).</summary>
    internal byte[] LabelBlock { get; }

    /// <summary>Records <paramref name="value"/>: one bucket increment and one sum update; NaN is ignored.</summary>
    /// <param name="value">The observed value, in the metric's unit.</param>
    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        Interlocked.Increment(ref _buckets[BucketIndex(value)]);
        AtomicDouble.Add(ref _sumBits, value);
    }

    /// <summary>
    /// Starts a timer that observes the elapsed seconds when disposed:
    /// <c>using (histogram.Time()) { … }</c>. A struct; timing allocates nothing.
    /// </summary>
    /// <returns>The running timer.</returns>
    public HistogramTimer Time() => new(this);

    internal void Write(ref ExpositionWriter writer, MetricDescriptor descriptor, ExpositionFormat format)
    {
        var labels = descriptor.BucketLabels;
        long cumulative = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            cumulative += Volatile.Read(ref _buckets[i]);
            writer.WriteSample(descriptor.BucketName, LabelBlock, labels[i], cumulative);
        }

        // OpenMetrics forbids _sum on a histogram with negative bounds, and _count without _sum.
        if (format == ExpositionFormat.OpenMetrics && descriptor.HasNegativeBuckets)
        {
            return;
        }

        writer.WriteSample(descriptor.SumName, LabelBlock, default, Sum);
        writer.WriteSample(descriptor.CountName, LabelBlock, default, cumulative);
    }

    private int BucketIndex(double value)
    {
        var bounds = _bounds;
        if (bounds.Length <= LinearScanLimit)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                if (value <= bounds[i])
                {
                    return i;
                }
            }

            return bounds.Length;
        }

        // First bound >= value; a value above every bound lands in +Inf (index bounds.Length).
        var found = Array.BinarySearch(bounds, value);
        return found >= 0 ? found : ~found;
    }
}

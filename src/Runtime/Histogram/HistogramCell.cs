using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Metrics.Generators;

/// <summary>
/// HistogramCell is one histogram series: observations counted into buckets by upper bound, plus their sum.
/// </summary>
/// <remarks>
/// <para>Mechanism: each bucket holds a non-cumulative count. <see cref="Observe"/> finds the first bound that is
/// at least the value (a linear scan for up to 8 bounds, a branch-free vector count of the bounds below the value up to 64, a
/// binary search beyond), then updates that one bucket and the sum inside a writer lock of the series: one
/// compare-exchange to take it, plain stores, and a plain release store to give it back. That is one atomic
/// instruction per observation, where an atomic bucket increment plus a compare-and-swap on the sum is two (2.4×
/// one increment on its own, measured in the benchmarks); the section is a few instructions, and a writer that finds it
/// taken spins (yielding if it must). OpenTelemetry's histogram guards its buckets the same way.</para>
/// <para>A scrape reads each bucket once and cumulates as it writes, then writes <c>_count</c> as that same
/// cumulated total, so <c>_count</c> always equals the <c>+Inf</c> bucket within a scrape even while writers run.
/// <c>_sum</c> is read separately and may include an observation whose bucket the scrape just missed (or the
/// reverse); it is never torn.</para>
/// <para>NaN observations are ignored: a NaN has no bucket, and would make <c>_sum</c> NaN forever (which
/// OpenMetrics parsers reject). Thread-safe; <see cref="Observe"/> allocates nothing.</para>
/// <para>In a registry that publishes instruments, every observation (through the cell, its timer or the family) is
/// also recorded into the family's <c>Histogram&lt;double&gt;</c> while a <c>MeterListener</c> has it enabled, with the
/// series' tags built once; with no listener that is a read of one field of the cell, of the instrument's
/// <c>Enabled</c> flag and a branch (see <c>RecordedFamilyInstrument</c>).</para>
/// </remarks>
public sealed class HistogramCell : SeriesCell
{
    private const int LinearScanLimit = 8;
    private const int VectorScanLimit = 64;

    private readonly double[] _bounds;
    private readonly long[] _buckets;
    private readonly InstrumentSlot _instruments;
    private SeriesTags? _tags;

    // The family's published instrument, or null: set at creation and by the family under its creation lock, so the
    // per-call check is one field of this cell and the instrument's Enabled flag.
    private System.Diagnostics.Metrics.Histogram<double>? _published;
    private long _sumBits;
    private int _writing;

    internal HistogramCell(long seriesIndex, double[] bounds, InstrumentSlot instruments)
        : base(seriesIndex)
    {
        _bounds = bounds;
        _instruments = instruments;
        _published = instruments.Current?.Histogram;
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

    /// <summary>Whether a recording has reached a published instrument (its tags are built then): how tests see that none did.</summary>
    internal bool HasInstrumentTags => Volatile.Read(ref _tags) is not null;

    /// <summary>Called by the family, under its creation lock, when its published instrument changes.</summary>
    internal void RefreshPublished() => _published = _instruments.Current?.Histogram;

    /// <summary>Records <paramref name="value"/>: one bucket count and the sum, under the series' writer lock; NaN is ignored.</summary>
    /// <param name="value">The observed value, in the metric's unit.</param>
    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        ObserveInBucket(BucketIndex(_bounds, value), value);
    }

    /// <summary>Records <paramref name="value"/> (not NaN) in bucket <paramref name="bucketIndex"/> of this series' bounds.</summary>
    internal void ObserveInBucket(int bucketIndex, double value)
    {
        ref var bucket = ref _buckets[bucketIndex];
        if (Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
        {
            WaitToWrite();
        }

        // Only the lock holder writes; a scrape reads each long atomically without the lock.
        Volatile.Write(ref bucket, bucket + 1);
        Volatile.Write(ref _sumBits, BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(_sumBits) + value));
        Volatile.Write(ref _writing, 0);

        // Published: also to the instrument, only while a listener has it enabled (outside the lock: a listener's
        // callback may be slow). Unpublished, this is a load of a field of this cell and a branch.
        if (_published is { Enabled: true })
        {
            RecordPublished(value);
        }
    }

    /// <summary>
    /// Starts a timer that observes the elapsed seconds when disposed:
    /// <c>using (histogram.Time()) { … }</c>. A struct; timing allocates nothing.
    /// </summary>
    /// <returns>The running timer.</returns>
    public HistogramTimer Time() => new(this);

    /// <summary>
    /// The count of bucket <paramref name="index"/> alone (not cumulative), one atomic read; the last bucket is
    /// <c>+Inf</c>. An exposition cumulates as it reads, so its <c>_count</c> is the sum of what it read.
    /// </summary>
    internal long ReadBucket(int index) => Volatile.Read(ref _buckets[index]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitToWrite()
    {
        var spin = default(SpinWait);
        do
        {
            spin.SpinOnce();
        }
        while (Volatile.Read(ref _writing) != 0 || Interlocked.CompareExchange(ref _writing, 1, 0) != 0);
    }

    /// <summary>
    /// The index of the first of <paramref name="bounds"/> (sorted, distinct) that is at least <paramref name="value"/>;
    /// <c>bounds.Length</c> when none is. For NaN it is some index in range, which the caller must not record into.
    /// </summary>
    internal static int BucketIndex(double[] bounds, double value)
    {
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

        return bounds.Length <= VectorScanLimit ? CountBoundsBelow(bounds, value) : BinarySearch(bounds, value);
    }

    // The bounds are sorted and distinct, and value is not NaN, so the first bound >= value is at the index equal to
    // the number of bounds below value. Counting them with vector compares has no data-dependent branch: for the
    // common 9 to 32 bounds it is a few compares and popcounts, cheaper than a binary search's mispredicted branches.
    // The loads are unchecked: every one ends at or before the last bound (there are more than 8), and a range
    // check per vector was a measurable part of an observation.
    private static int CountBoundsBelow(double[] bounds, double value)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(bounds);
        var length = (nuint)bounds.Length;
        var below = 0;
        nuint i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var probe = Vector256.Create(value);
            for (; i + (nuint)Vector256<double>.Count <= length; i += (nuint)Vector256<double>.Count)
            {
                below += BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref first, i), probe).ExtractMostSignificantBits());
            }

            // The rest as one more vector ending at the last bound, dropping the lanes the loop already counted:
            // no scalar tail.
            var rest = (int)(length - i);
            if (rest > 0)
            {
                var less = Vector256.LessThan(Vector256.LoadUnsafe(ref first, length - (nuint)Vector256<double>.Count), probe);
                below += BitOperations.PopCount(less.ExtractMostSignificantBits() >> (Vector256<double>.Count - rest));
            }

            return below;
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var probe = Vector128.Create(value);
            for (; i + (nuint)Vector128<double>.Count <= length; i += (nuint)Vector128<double>.Count)
            {
                below += BitOperations.PopCount(Vector128.LessThan(Vector128.LoadUnsafe(ref first, i), probe).ExtractMostSignificantBits());
            }
        }

        for (; i < length; i++)
        {
            below += Unsafe.Add(ref first, i) < value ? 1 : 0;
        }

        return below;
    }

    // First bound >= value; a value above every bound lands in +Inf (index bounds.Length). Written out rather than
    // Array.BinarySearch, which goes through a comparer.
    private static int BinarySearch(double[] bounds, double value)
    {
        int low = 0, high = bounds.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (bounds[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Off the per-call path: only while a listener has the instrument enabled.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RecordPublished(double value) => _instruments.Current?.Record(ref _tags, SeriesIndex, value);
}

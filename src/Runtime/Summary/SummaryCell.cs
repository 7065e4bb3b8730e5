using System.Buffers;

namespace Metrics.Generators;

/// <summary>
/// SummaryCell is one summary series: the count and sum of all observations (exact, since start) and, when the
/// descriptor lists quantiles, those quantiles over a sliding time window.
/// </summary>
/// <remarks>
/// <para>Mechanism: <see cref="Observe"/> increments the count, adds to the sum with a compare-and-swap loop,
/// and, with quantiles, counts the value in the current sub-window's log-bucketed sketch (one logarithm and one
/// atomic increment; see <c>QuantileSketch</c> and <c>QuantileWindow</c>). A scrape merges the live sub-windows
/// and reads each quantile from the merge.</para>
/// <para>Accuracy: a reported quantile is within 1% (relative) of a value of the window whose rank is the
/// quantile's rank; an empty window reports NaN, as the Go and Python clients do. The window covers between
/// <c>maxAge × (ageBuckets − 1) / ageBuckets</c> and <c>maxAge</c> seconds.</para>
/// <para>NaN observations are ignored (a NaN sum would poison the series for good). Thread-safe; observing is
/// allocation-free once the sketch chunks for the values' range exist (the first observations in a new range
/// allocate 1 KiB, once per sub-window for the series' life). Prefer histograms when quantiles must be aggregated
/// across instances.</para>
/// <para>In a registry that publishes instruments, observations are also recorded into a <c>Histogram&lt;double&gt;</c>
/// while a listener has it enabled: OpenTelemetry has no summary, so it shows a histogram whose <c>_sum</c> and
/// <c>_count</c> equal ours, without the quantiles.</para>
/// </remarks>
public sealed class SummaryCell : SeriesCell
{
    private readonly MetricDescriptor _descriptor;
    private readonly QuantileWindow? _window;
    private readonly InstrumentSlot _instruments;
    private SeriesTags? _tags;

    // The family's published instrument, or null: set at creation and by the family under its creation lock, so the
    // per-call check is one field of this cell and the instrument's Enabled flag.
    private System.Diagnostics.Metrics.Histogram<double>? _published;
    private long _count;
    private long _sumBits;

    internal SummaryCell(long seriesIndex, MetricDescriptor descriptor, Func<long>? clock, InstrumentSlot instruments)
        : base(seriesIndex)
    {
        _descriptor = descriptor;
        _instruments = instruments;
        _published = instruments.Current?.Histogram;
        _window = descriptor.QuantileValues.Length == 0 ? null : new QuantileWindow(descriptor, clock);
    }

    /// <summary>How many values were observed since start.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The sum of the values observed since start.</summary>
    public double Sum => AtomicDouble.Read(ref _sumBits);

    /// <summary>Whether a recording has reached a published instrument (its tags are built then): how tests see that none did.</summary>
    internal bool HasInstrumentTags => Volatile.Read(ref _tags) is not null;

    /// <summary>Called by the family, under its creation lock, when its published instrument changes.</summary>
    internal void RefreshPublished() => _published = _instruments.Current?.Histogram;

    /// <summary>Records <paramref name="value"/>; NaN is ignored.</summary>
    /// <param name="value">The observed value, in the metric's unit.</param>
    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        AtomicDouble.Add(ref _sumBits, value);
        _window?.Record(value);

        // Published: also to the family's histogram instrument while a listener has it enabled (see HistogramCell).
        if (_published is { Enabled: true })
        {
            RecordPublished(value);
        }
    }

    /// <summary>
    /// Starts a timer that observes the elapsed seconds when disposed: <c>using (summary.Time()) { … }</c>.
    /// A struct; timing allocates nothing.
    /// </summary>
    /// <returns>The running timer.</returns>
    public SummaryTimer Time() => new(this);

    /// <summary>Computes the current quantiles into <paramref name="results"/> (one per descriptor quantile, ascending).</summary>
    internal void Quantiles(Span<double> results)
    {
        var buffer = ArrayPool<long>.Shared.Rent(MergedCounts.BufferLength);
        try
        {
            var merged = new MergedCounts(buffer);
            Quantiles(ref merged, results);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Computes the current quantiles into <paramref name="results"/> using <paramref name="merged"/> as scratch
    /// (an exposition rents one for a whole family).
    /// </summary>
    internal void Quantiles(ref MergedCounts merged, scoped Span<double> results)
    {
        var quantiles = _descriptor.QuantileValues;
        if (_window is null)
        {
            results.Fill(double.NaN);
            return;
        }

        _window.Collect(ref merged);
        merged.Quantiles(quantiles, results[..quantiles.Length]);
        merged.Reset();
    }

    // Off the per-call path: only while a listener has the instrument enabled.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RecordPublished(double value) => _instruments.Current?.Record(ref _tags, SeriesIndex, value);
}

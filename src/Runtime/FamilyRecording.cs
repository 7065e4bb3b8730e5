using System.Runtime.CompilerServices;

namespace Metrics.Generators;

/// <summary>
/// FamilyRecording is the one recording shape of a series named by its labels on every call: the generated
/// <c>Inc(labels…)</c>, <c>Set(value, labels…)</c>, <c>Observe(value, labels…)</c> are each
/// <c>FamilyRecording.&lt;Method&gt;(_family, seriesIndex, …)</c>, for every metric type. A bound series (the
/// generated <c>Series</c>, or a kept cell) records on the cell instead, with no lookup.
/// </summary>
/// <remarks>
/// <para>Most of these are <c>family.GetOrAdd(seriesIndex)</c> then the cell's method. Two do more, which is why the
/// per-call path has helpers at all rather than calling the cell: a counter recorded per call also watches for other
/// threads writing the same series at the same moment and stripes it when they do (see <see cref="CounterCell"/>; the
/// bound path stays one atomic instruction); a histogram searches its bucket from the family's bounds before it
/// finds the series, so the processor runs the search alongside the label lookup instead of behind the cell load
/// (measured: per-call histogram 2.36× → 1.9× of an increment, docs/benchmarks.md, run 6).</para>
/// <para>Plain static methods, not extension methods: <c>Add</c> and <c>Set</c> would share names with extension
/// methods of Microsoft.Extensions.* (ExtensionNameAuditTests), and generated code calls them by full name anyway.</para>
/// <para>Every method is thread-safe, allocation-free for an existing series, and creates the series on first use
/// (also for a NaN observation, which records nothing). An index outside the labels' combined cardinality throws
/// <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public static class FamilyRecording
{
    /// <summary>Adds 1 to the counter series at <paramref name="seriesIndex"/>, watching for contention.</summary>
    /// <param name="family">The counter family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    public static void Inc(MetricFamily<CounterCell> family, long seriesIndex)
        => family.GetOrAdd(seriesIndex).IncWatchingContention();

    /// <summary>Adds <paramref name="amount"/> to the counter series at <paramref name="seriesIndex"/>, watching for contention.</summary>
    /// <param name="family">The counter family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <param name="amount">A non-negative amount; may be fractional or +Inf.</param>
    /// <exception cref="ArgumentOutOfRangeException">Also when <paramref name="amount"/> is negative or NaN.</exception>
    public static void Add(MetricFamily<CounterCell> family, long seriesIndex, double amount)
        => family.GetOrAdd(seriesIndex).AddWatchingContention(amount);

    /// <summary>Adds 1 to the gauge series at <paramref name="seriesIndex"/>.</summary>
    /// <param name="family">The gauge family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    public static void Inc(MetricFamily<GaugeCell> family, long seriesIndex) => family.GetOrAdd(seriesIndex).Inc();

    /// <summary>Subtracts 1 from the gauge series at <paramref name="seriesIndex"/>.</summary>
    /// <param name="family">The gauge family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    public static void Dec(MetricFamily<GaugeCell> family, long seriesIndex) => family.GetOrAdd(seriesIndex).Dec();

    /// <summary>Adds <paramref name="delta"/>, which may be negative, to the gauge series at <paramref name="seriesIndex"/>.</summary>
    /// <param name="family">The gauge family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <param name="delta">The change.</param>
    public static void Add(MetricFamily<GaugeCell> family, long seriesIndex, double delta) => family.GetOrAdd(seriesIndex).Inc(delta);

    /// <summary>Sets the gauge series at <paramref name="seriesIndex"/> to <paramref name="value"/>.</summary>
    /// <param name="family">The gauge family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <param name="value">The new value; NaN and ±Inf are allowed.</param>
    public static void Set(MetricFamily<GaugeCell> family, long seriesIndex, double value) => family.GetOrAdd(seriesIndex).Set(value);

    /// <summary>
    /// Records <paramref name="value"/> in the histogram series at <paramref name="seriesIndex"/>; NaN is ignored.
    /// The bucket is searched before the series is found (see the remarks).
    /// </summary>
    /// <param name="family">The histogram family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <param name="value">The observed value, in the metric's unit.</param>
    // Inlined by hand: left to the JIT, this static helper stayed a call of its own (checked in the JIT output).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Observe(MetricFamily<HistogramCell> family, long seriesIndex, double value)
    {
        var bucket = HistogramCell.BucketIndex(family.Bounds, value);
        var cell = family.GetOrAdd(seriesIndex);

        // As through the cell: the series exists from its first use, even if that use was a NaN.
        if (!double.IsNaN(value))
        {
            cell.ObserveInBucket(bucket, value);
        }
    }

    /// <summary>Records <paramref name="value"/> in the summary series at <paramref name="seriesIndex"/>; NaN is ignored.</summary>
    /// <param name="family">The summary family.</param>
    /// <param name="seriesIndex">The mixed-radix index over the labels, first label most significant.</param>
    /// <param name="value">The observed value, in the metric's unit.</param>
    public static void Observe(MetricFamily<SummaryCell> family, long seriesIndex, double value) => family.GetOrAdd(seriesIndex).Observe(value);
}

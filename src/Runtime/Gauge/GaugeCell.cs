namespace Metrics.Generators;

/// <summary>
/// GaugeCell is one gauge series: a value that goes up and down, is set, tracks work in progress, or is read
/// from a callback at scrape time.
/// </summary>
/// <remarks>
/// <para>Mechanism: the value is a <see cref="double"/> kept as its bits in a <see cref="long"/>.
/// <see cref="Set"/> is one atomic store; <see cref="Inc()"/>/<see cref="Dec()"/> and the amount overloads are a
/// compare-and-swap loop on the bits (usually one iteration), so concurrent increments are never lost.</para>
/// <para>Thread-safe; recording allocates nothing. When a callback is set (<see cref="SetCallback"/>) the stored
/// value is ignored: a scrape calls the callback, and if it throws the series shows NaN instead of failing the
/// scrape.</para>
/// </remarks>
public sealed class GaugeCell : SeriesCell
{
    private long _bits;
    private Func<double>? _callback;

    internal GaugeCell(long seriesIndex)
        : base(seriesIndex)
    {
    }

    /// <summary>The current value; when a callback is set, the callback's result (its exceptions propagate).</summary>
    public double Value => Volatile.Read(ref _callback) is { } callback ? callback() : AtomicDouble.Read(ref _bits);

    /// <summary>Adds 1.</summary>
    public void Inc() => AtomicDouble.Add(ref _bits, 1);

    /// <summary>Adds <paramref name="amount"/> (which may be negative).</summary>
    /// <param name="amount">The amount to add.</param>
    public void Inc(double amount) => AtomicDouble.Add(ref _bits, amount);

    /// <summary>Subtracts 1.</summary>
    public void Dec() => AtomicDouble.Add(ref _bits, -1);

    /// <summary>Subtracts <paramref name="amount"/>.</summary>
    /// <param name="amount">The amount to subtract.</param>
    public void Dec(double amount) => AtomicDouble.Add(ref _bits, -amount);

    /// <summary>Sets the value. One atomic store.</summary>
    /// <param name="value">The new value; NaN and ±Inf are allowed.</param>
    public void Set(double value) => AtomicDouble.Write(ref _bits, value);

    /// <summary>Sets the value to the current UTC time in Unix seconds (with the fraction).</summary>
    public void SetToCurrentTimeUtc()
        => Set((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond);

    /// <summary>
    /// Adds 1 now and returns a tracker that subtracts 1 when disposed: <c>using (gauge.TrackInProgress()) { … }</c>.
    /// Dispose the tracker exactly once.
    /// </summary>
    /// <returns>The tracker; a struct, so nothing is allocated.</returns>
    public InProgressTracker TrackInProgress()
    {
        Inc();
        return new InProgressTracker(this);
    }

    /// <summary>
    /// Makes scrapes read the value from <paramref name="callback"/> (null reverts to the stored value). The
    /// callback runs on the scraping thread for every scrape; keep it fast. If it throws, the scrape shows NaN.
    /// </summary>
    /// <param name="callback">The function that returns the current value, or null.</param>
    public void SetCallback(Func<double>? callback) => Volatile.Write(ref _callback, callback);

    /// <summary>The value for an exposition: the stored value, or the callback's (NaN when it throws).</summary>
    internal double Collect()
    {
        if (Volatile.Read(ref _callback) is not { } callback)
        {
            return AtomicDouble.Read(ref _bits);
        }

        try
        {
            return callback();
        }
        catch (Exception)
        {
            // One broken callback must not cost the whole scrape; NaN says "no value" to a reader.
            return double.NaN;
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Metrics.Generators;

/// <summary>
/// CounterCell is one counter series: a value that only goes up. Keep the cell (or the generated <c>Series</c>
/// that wraps it) when you record often with the same labels; recording is then a single atomic operation.
/// </summary>
/// <remarks>
/// <para>Mechanism: the value is split in two. Whole increments (<see cref="Inc"/>, and <see cref="Add"/> of an
/// integral amount below 2^53) are one <see cref="Interlocked.Increment(ref long)"/> / <see cref="Interlocked.Add(ref long, long)"/>
/// on a <see cref="long"/>: exact, wait-free, no floating-point drift. Other amounts go to a separate
/// <see cref="double"/> updated with a compare-and-swap loop on its bits. <see cref="Value"/> is the sum of the two.</para>
/// <para>Past the long range: the whole part (and each stripe) is read as an unsigned 64-bit number, so an add that
/// takes it past <see cref="long.MaxValue"/> is still exact. The add that crosses 2^63 folds 2^63 out of the whole
/// part into the double part, so the unsigned range is never reached. The fold moves value between two fields;
/// readers check a fold version around their reads (a sequence lock taken only by the rare fold, never by
/// recording) so no scrape sees the value between the two steps, and the counter never appears to go down.</para>
/// <para>Contention: when a series is recorded per call with its labels (<see cref="FamilyRecording"/>, what
/// the generated <c>Inc(labels…)</c> calls), about one increment in 64 (chosen by the value it produced) also
/// checks whether another thread wrote the series within the same few nanoseconds. The first time one did, the
/// series grows per-processor stripes, and from then on every increment of it, through this cell too, goes to the
/// stripe of the processor it runs on, so threads on different cores stop trading the counter's cache line. A
/// series nobody contends stays a single <see cref="long"/>. <see cref="Inc"/> itself does not watch: it is the
/// bound-handle path, kept to one atomic instruction and a null check.</para>
/// <para>Thread-safe; recording allocates nothing (beyond, once in a series' life, its stripes or fractional
/// part). A counter never goes down: a negative or NaN amount throws.</para>
/// </remarks>
public sealed class CounterCell : SeriesCell
{
    private const double MaxExactInteger = 9007199254740992d;

    /// <summary>One increment in <c>ProbeInterval</c> (by value) checks for contention.</summary>
    private const long ProbeInterval = 64;

    private long _whole;
    private CounterSpill? _spill;

    internal CounterCell(long seriesIndex)
        : base(seriesIndex)
    {
    }

    /// <summary>The current value: whole increments plus fractional amounts.</summary>
    public double Value
    {
        get
        {
            var (whole, fraction) = Read();
            return (double)whole + fraction;
        }
    }

    /// <summary>Whether this series has grown per-processor stripes (after contention was seen).</summary>
    internal bool IsStriped => Volatile.Read(ref _spill)?.Stripes is not null;

    /// <summary>Adds 1. One atomic increment; allocation-free.</summary>
    public void Inc()
    {
        if (_spill is null)
        {
            if (Interlocked.Increment(ref _whole) == long.MinValue)
            {
                FoldWhole();
            }
        }
        else
        {
            AddWhole(1, watch: false);
        }
    }

    /// <summary>Adds <paramref name="amount"/>. Integral amounts cost one atomic add; others a short CAS loop.</summary>
    /// <param name="amount">A non-negative amount; may be fractional or +Inf.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="amount"/> is negative or NaN.</exception>
    public void Add(double amount) => AddAmount(amount, watch: false);

    /// <summary>Runs <paramref name="action"/>; if it throws, adds 1 and rethrows the same exception.</summary>
    /// <param name="action">The code whose exceptions are counted.</param>
    public void CountExceptions(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
        }
        catch
        {
            Inc();
            throw;
        }
    }

    /// <summary>Runs <paramref name="func"/> and returns its result; if it throws, adds 1 and rethrows.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="func">The code whose exceptions are counted.</param>
    /// <returns>What <paramref name="func"/> returned.</returns>
    public T CountExceptions<T>(Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        try
        {
            return func();
        }
        catch
        {
            Inc();
            throw;
        }
    }

    /// <summary>Awaits <paramref name="action"/>; if it throws (synchronously or when awaited), adds 1 and rethrows.</summary>
    /// <param name="action">The asynchronous code whose exceptions are counted.</param>
    /// <returns>A task that completes as <paramref name="action"/>'s task does.</returns>
    public async Task CountExceptionsAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action().ConfigureAwait(false);
        }
        catch
        {
            Inc();
            throw;
        }
    }

    /// <summary>Awaits <paramref name="func"/> and returns its result; if it throws, adds 1 and rethrows.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="func">The asynchronous code whose exceptions are counted.</param>
    /// <returns>A task with <paramref name="func"/>'s result.</returns>
    public async Task<T> CountExceptionsAsync<T>(Func<Task<T>> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        try
        {
            return await func().ConfigureAwait(false);
        }
        catch
        {
            Inc();
            throw;
        }
    }

    /// <summary>The value for an exposition: whole-only values stay exact integers even past 2^53.</summary>
    internal CounterValue Snapshot()
    {
        var (whole, fraction) = Read();
        return fraction == 0 && whole <= long.MaxValue
            ? CounterValue.OfWhole((long)whole)
            : CounterValue.Of((double)whole + fraction);
    }

    /// <summary>
    /// Adds 1, and now and then checks whether another thread is writing this series at the same moment: the
    /// recording of a call that looks its series up by labels (<see cref="FamilyRecording.Inc(MetricFamily{CounterCell}, long)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void IncWatchingContention()
    {
        // Kept to a null check and one atomic so that it inlines; the rest is out of line.
        if (_spill is not null)
        {
            AddWhole(1, watch: true);
        }
        else if (Interlocked.Increment(ref _whole) is var total && (total & (ProbeInterval - 1)) == 0)
        {
            // Also catches the increment that reaches 2^63 (its low bits are zero too).
            ProbeContention(total);
        }
    }

    /// <summary>Adds <paramref name="amount"/> as <see cref="Add"/> does, watching for contention as <see cref="IncWatchingContention"/> does.</summary>
    internal void AddWatchingContention(double amount) => AddAmount(amount, watch: true);

    private void AddAmount(double amount, bool watch)
    {
        if (!(amount >= 0))
        {
            ThrowNotIncrease(amount);
        }

        if (amount <= MaxExactInteger && amount == Math.Floor(amount))
        {
            AddWhole((long)amount, watch);
            return;
        }

        AtomicDouble.Add(ref Spill().FractionBits, amount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddWhole(long amount, bool watch)
    {
        if (Volatile.Read(ref _spill) is { Stripes: { } stripes } striped)
        {
            striped.Add(stripes, amount);
            return;
        }

        var total = Interlocked.Add(ref _whole, amount);
        if (total < 0 && unchecked(total - amount) >= 0)
        {
            FoldWhole();
        }
        else if (watch && ((total - amount) ^ total) >= ProbeInterval)
        {
            // The add crossed a multiple of the probe interval (or several).
            ProbeContention(total);
        }
    }

    /// <summary>
    /// The whole part (unsigned, so past <see cref="long.MaxValue"/> before a fold) and the double part, read so that
    /// no fold is seen half done.
    /// </summary>
    private (UInt128 Whole, double Fraction) Read()
    {
        // The whole part first: a fold publishes the spill before it subtracts, so a whole part read after the
        // subtraction is always followed by seeing the spill (and its fold version).
        var whole = (ulong)Volatile.Read(ref _whole);
        if (Volatile.Read(ref _spill) is not { } spill)
        {
            return (whole, 0);
        }

        var spinner = default(SpinWait);
        while (true)
        {
            var version = Volatile.Read(ref spill.FoldVersion);
            if ((version & 1) == 0)
            {
                var total = (UInt128)(ulong)Volatile.Read(ref _whole) + spill.StripedTotal();
                var fraction = spill.Fraction;
                if (Volatile.Read(ref spill.FoldVersion) == version)
                {
                    return (total, fraction);
                }
            }

            spinner.SpinOnce();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FoldWhole() => Spill().Fold(ref _whole);

    private CounterSpill Spill()
    {
        if (Volatile.Read(ref _spill) is { } spill)
        {
            return spill;
        }

        var created = new CounterSpill();
        return Interlocked.CompareExchange(ref _spill, created, null) ?? created;
    }

    // Another thread changing the value between this read and the compare-exchange a few nanoseconds later means
    // two threads are writing this series at the same moment: stripe it. A single writer never fails the check.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ProbeContention(long total)
    {
        if (total == long.MinValue)
        {
            // This increment reached 2^63: fold, as AddWhole does for the add that crosses it.
            FoldWhole();
            return;
        }

        var seen = Volatile.Read(ref _whole);
        if (Interlocked.CompareExchange(ref _whole, seen, seen) != seen)
        {
            Spill().EnsureStripes();
        }
    }

    [DoesNotReturn]
    private static void ThrowNotIncrease(double amount)
        => throw new ArgumentOutOfRangeException(nameof(amount), amount, "A counter only goes up: the amount must be zero or positive, and not NaN.");
}

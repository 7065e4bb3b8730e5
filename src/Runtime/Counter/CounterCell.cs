using System.Diagnostics.CodeAnalysis;

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
/// <para>Thread-safe; recording allocates nothing. A counter never goes down: a negative or NaN amount throws.</para>
/// </remarks>
public sealed class CounterCell
{
    private const double MaxExactInteger = 9007199254740992d;

    private long _whole;
    private long _fractionBits;

    internal CounterCell(byte[] labelBlock) => LabelBlock = labelBlock;

    /// <summary>The current value: whole increments plus fractional amounts.</summary>
    public double Value => Volatile.Read(ref _whole) + BitConverter.Int64BitsToDouble(Volatile.Read(ref _fractionBits));

    /// <summary>The pre-rendered, escaped label block of this series (empty when unlabeled).</summary>
    internal byte[] LabelBlock { get; }

    /// <summary>Adds 1. One atomic increment; allocation-free.</summary>
    public void Inc() => Interlocked.Increment(ref _whole);

    /// <summary>Adds <paramref name="amount"/>. Integral amounts cost one atomic add; others a short CAS loop.</summary>
    /// <param name="amount">A non-negative amount; may be fractional or +Inf.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="amount"/> is negative or NaN.</exception>
    public void Add(double amount)
    {
        if (!(amount >= 0))
        {
            ThrowNotIncrease(amount);
        }

        if (amount <= MaxExactInteger && amount == Math.Floor(amount))
        {
            Interlocked.Add(ref _whole, (long)amount);
            return;
        }

        AtomicDouble.Add(ref _fractionBits, amount);
    }

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

    /// <summary>Writes the sample; whole-only values print as exact integers even past 2^53.</summary>
    internal void Write(ref ExpositionWriter writer, MetricDescriptor descriptor)
    {
        var whole = Volatile.Read(ref _whole);
        var fraction = BitConverter.Int64BitsToDouble(Volatile.Read(ref _fractionBits));
        if (fraction == 0)
        {
            writer.WriteSample(descriptor.ValueName, LabelBlock, default, whole);
        }
        else
        {
            writer.WriteSample(descriptor.ValueName, LabelBlock, default, whole + fraction);
        }
    }

    [DoesNotReturn]
    private static void ThrowNotIncrease(double amount)
        => throw new ArgumentOutOfRangeException(nameof(amount), amount, "A counter only goes up: the amount must be zero or positive, and not NaN.");
}

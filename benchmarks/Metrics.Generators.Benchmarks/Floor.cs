namespace Metrics.Generators.Benchmarks;

/// <summary>
/// Floor is the hardware floor every case is measured against: one atomic increment of a <see cref="long"/>, and
/// one <see cref="double"/> add by compare-and-swap on its bits. Nothing a metrics library does can be cheaper.
/// </summary>
public sealed class Floor
{
    private long _count;
    private long _bits;

    /// <summary>The current count.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The current double value.</summary>
    public double Value => BitConverter.Int64BitsToDouble(Volatile.Read(ref _bits));

    /// <summary>Adds 1 with <see cref="Interlocked.Increment(ref long)"/>.</summary>
    public void Increment() => Interlocked.Increment(ref _count);

    /// <summary>Adds <paramref name="amount"/> to the double with a compare-and-swap loop.</summary>
    /// <param name="amount">The amount.</param>
    public void Add(double amount)
    {
        var current = Volatile.Read(ref _bits);
        while (true)
        {
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + amount);
            var seen = Interlocked.CompareExchange(ref _bits, next, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

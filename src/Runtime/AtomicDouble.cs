namespace Metrics.Generators;

/// <summary>
/// AtomicDouble updates a <see cref="double"/> stored as its 64 bits in a <see cref="long"/>, with a
/// compare-and-swap loop. Comparing bits rather than doubles matters: a NaN never equals itself, so a loop
/// comparing values would spin forever once the value is NaN.
/// </summary>
internal static class AtomicDouble
{
    /// <summary>Adds <paramref name="delta"/> to the double in <paramref name="bits"/>; lock-free, allocation-free.</summary>
    public static void Add(ref long bits, double delta)
    {
        var current = Volatile.Read(ref bits);
        while (true)
        {
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + delta);
            var seen = Interlocked.CompareExchange(ref bits, next, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Reads the double in <paramref name="bits"/> atomically.</summary>
    public static double Read(ref long bits) => BitConverter.Int64BitsToDouble(Volatile.Read(ref bits));

    /// <summary>Stores <paramref name="value"/> into <paramref name="bits"/> atomically.</summary>
    public static void Write(ref long bits, double value) => Volatile.Write(ref bits, BitConverter.DoubleToInt64Bits(value));
}

using System.Numerics;

namespace Metrics.Generators;

/// <summary>
/// CounterSpill holds what only some counter series need, so the others stay small: the fractional part of the
/// value (for amounts that are not whole), and per-processor stripes for a series that several threads increment
/// at the same moment.
/// </summary>
/// <remarks>
/// <para>Stripes: one <see cref="long"/> per processor slot, each on a cache line of its own, chosen by
/// <see cref="Thread.GetCurrentProcessorId"/>. Two threads incrementing one striped series touch different lines,
/// so neither waits for the other's line, where on a single shared <see cref="long"/> every increment moves the
/// line between cores. Increments stay atomic (a thread can move to another processor between choosing a slot
/// and writing it); the value is the sum of the slots, read at scrape time.</para>
/// <para>A spill is created at most once per series and never removed, published with a compare-and-swap.</para>
/// </remarks>
internal sealed class CounterSpill
{
    /// <summary>Longs per cache line (64 bytes): a stripe's spacing in <see cref="Stripes"/>.</summary>
    private const int LineLongs = 8;

    /// <summary>Processor slots: the processor count rounded up to a power of two, at most 64.</summary>
    private static readonly int SlotCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64));

    /// <summary>The fractional part of the value, as the bits of a <see cref="double"/>.</summary>
    public long FractionBits;

    /// <summary>
    /// The stripes once contention was seen, else null: slot <c>s</c> at index <c>(s + 1) × 8</c>, so no stripe
    /// shares a line with another or with the array's header (which every increment reads for the bounds check).
    /// </summary>
    public long[]? Stripes;

    /// <summary>The fractional part of the value.</summary>
    public double Fraction => AtomicDouble.Read(ref FractionBits);

    /// <summary>Adds <paramref name="amount"/> to the stripe of the current processor.</summary>
    public static void Add(long[] stripes, long amount)
    {
        var slot = Thread.GetCurrentProcessorId() & ((stripes.Length / LineLongs) - 2);
        Interlocked.Add(ref stripes[(slot + 1) * LineLongs], amount);
    }

    /// <summary>Creates the stripes if no other thread has.</summary>
    public void EnsureStripes()
    {
        if (Volatile.Read(ref Stripes) is null)
        {
            Interlocked.CompareExchange(ref Stripes, new long[(SlotCount + 1) * LineLongs], null);
        }
    }

    /// <summary>The sum of the stripes (0 before any).</summary>
    public long StripedTotal()
    {
        if (Volatile.Read(ref Stripes) is not { } stripes)
        {
            return 0;
        }

        long total = 0;
        for (var i = LineLongs; i < stripes.Length; i += LineLongs)
        {
            total += Volatile.Read(ref stripes[i]);
        }

        return total;
    }
}

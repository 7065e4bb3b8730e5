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
/// <para>Folding: a whole part (the cell's <see cref="long"/> or a stripe) is read as unsigned; the add that takes
/// it to 2^63 or past calls <see cref="Fold"/>, which moves 2^63 from it into the double part under
/// <see cref="FoldVersion"/> (odd while a fold is under way), so the sum stays exact in the unsigned range and a
/// counter past <see cref="long.MaxValue"/> keeps going up. Folds happen once per 2^63 of increments, so the lock
/// they take costs nothing in practice; recording never takes it.</para>
/// <para>A spill is created at most once per series and never removed, published with a compare-and-swap.</para>
/// </remarks>
internal sealed class CounterSpill
{
    /// <summary>Longs per cache line (64 bytes): a stripe's spacing in <see cref="Stripes"/>.</summary>
    private const int LineLongs = 8;

    /// <summary>Processor slots: the processor count rounded up to a power of two, at most 64.</summary>
    private static readonly int SlotCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64));

    /// <summary>The double part of the value (fractional amounts and folded 2^63 chunks), as the bits of a <see cref="double"/>.</summary>
    public long FractionBits;

    /// <summary>Even when no fold is under way; a reader that sees it change (or odd) reads again.</summary>
    public long FoldVersion;

    /// <summary>
    /// The stripes once contention was seen, else null: slot <c>s</c> at index <c>(s + 1) × 8</c>, so no stripe
    /// shares a line with another or with the array's header (which every increment reads for the bounds check).
    /// </summary>
    public long[]? Stripes;

    /// <summary>The double part of the value.</summary>
    public double Fraction => AtomicDouble.Read(ref FractionBits);

    /// <summary>Adds <paramref name="amount"/> to the stripe of the current processor.</summary>
    public void Add(long[] stripes, long amount)
    {
        var slot = Thread.GetCurrentProcessorId() & ((stripes.Length / LineLongs) - 2);
        ref var stripe = ref stripes[(slot + 1) * LineLongs];
        var total = Interlocked.Add(ref stripe, amount);
        if (total < 0 && unchecked(total - amount) >= 0)
        {
            Fold(ref stripe);
        }
    }

    /// <summary>Moves 2^63 from <paramref name="whole"/> (which just reached 2^63 or more, read unsigned) into the double part.</summary>
    public void Fold(ref long whole)
    {
        lock (this)
        {
            Interlocked.Increment(ref FoldVersion);
            Interlocked.Add(ref whole, long.MinValue);
            AtomicDouble.Add(ref FractionBits, 9223372036854775808d);
            Interlocked.Increment(ref FoldVersion);
        }
    }

    /// <summary>Creates the stripes if no other thread has.</summary>
    public void EnsureStripes()
    {
        if (Volatile.Read(ref Stripes) is null)
        {
            Interlocked.CompareExchange(ref Stripes, new long[(SlotCount + 1) * LineLongs], null);
        }
    }

    /// <summary>The sum of the stripes, each read unsigned (0 before any).</summary>
    public UInt128 StripedTotal()
    {
        if (Volatile.Read(ref Stripes) is not { } stripes)
        {
            return 0;
        }

        UInt128 total = 0;
        for (var i = LineLongs; i < stripes.Length; i += LineLongs)
        {
            total += (ulong)Volatile.Read(ref stripes[i]);
        }

        return total;
    }
}

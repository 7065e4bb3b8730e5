namespace Metrics.Generators;

/// <summary>
/// QuantileSketch counts the observations of one summary sub-window in logarithmic buckets (the DDSketch idea):
/// bucket <c>k</c> holds values in (γ^(k-1), γ^k] with γ = 1.01/0.99, so reporting a bucket as 2γ^k/(γ+1) is within
/// 1% of every value in it, whatever the distribution. Negative values have their own buckets by magnitude;
/// values within 1e-12 of zero are counted as zero.
/// </summary>
/// <remarks>
/// <para>Mechanism: bucket counts live in chunks of 128 <see cref="long"/>s, allocated on first use with a
/// compare-and-swap and kept for the sketch's life (a reset zeroes them), so the steady state allocates nothing.
/// Recording is a logarithm, a chunk lookup and one <see cref="Interlocked.Increment(ref long)"/>. Magnitudes are
/// indexable from 1e-12 to 1e18 (≈3,460 buckets per sign); larger ones are counted in the top bucket and so reported
/// as about 1e18.</para>
/// <para>Rotation: <see cref="Epoch"/> says which sub-window the counts belong to. The first writer of a newer
/// epoch resets the sketch under a small lock (once per sub-window length); a writer racing that reset may have
/// its observation land just before or after the clear, which moves at most a few observations between
/// sub-windows.</para>
/// </remarks>
internal sealed class QuantileSketch
{
    /// <summary>The relative accuracy of every reported quantile: |reported − true| ≤ 1% of the true value's magnitude.</summary>
    public const double RelativeAccuracy = 0.01;

    /// <summary>log2 of the chunk size.</summary>
    public const int ChunkShift = 7;

    /// <summary>Buckets per chunk.</summary>
    public const int ChunkSize = 1 << ChunkShift;

    /// <summary>Magnitudes at or below this count as zero.</summary>
    public const double MinIndexable = 1e-12;

    /// <summary>Magnitudes at or above this share the top bucket.</summary>
    public const double MaxIndexable = 1e18;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);
    private static readonly double InverseLogGamma = 1 / LogGamma;
    private static readonly double RepresentativeFactor = 2 / (1 + Gamma);
    private static readonly int MinKey = Key(MinIndexable);

    private readonly long[]?[] _positive = new long[]?[ChunkCount];
    private readonly long[]?[] _negative = new long[]?[ChunkCount];
    private readonly Lock _gate = new();
    private long _zero;

    /// <summary>The sub-window these counts belong to (clock milliseconds / sub-window length); never yet used: <see cref="long.MinValue"/>.</summary>
    public long Epoch = long.MinValue;

    /// <summary>How many buckets one sign has.</summary>
    public static int BucketCount { get; } = Key(MaxIndexable) - MinKey + 1;

    /// <summary>How many chunks one sign has (at most 64, so a <see cref="ulong"/> can mark which are in use).</summary>
    public static int ChunkCount { get; } = (BucketCount + ChunkSize - 1) >> ChunkShift;

    /// <summary>Counts <paramref name="value"/> (not NaN). Lock-free; allocation-free once its chunk exists.</summary>
    public void Add(double value)
    {
        if (value > MinIndexable)
        {
            Increment(_positive, Slot(value));
        }
        else if (value < -MinIndexable)
        {
            Increment(_negative, Slot(-value));
        }
        else
        {
            Interlocked.Increment(ref _zero);
        }
    }

    /// <summary>Clears the counts and moves to <paramref name="epoch"/>, unless another writer already moved it there or past.</summary>
    public void ResetTo(long epoch)
    {
        lock (_gate)
        {
            if (Volatile.Read(ref Epoch) >= epoch)
            {
                return;
            }

            Clear(_positive);
            Clear(_negative);
            Volatile.Write(ref _zero, 0);
            Volatile.Write(ref Epoch, epoch);
        }
    }

    /// <summary>Adds this sketch's counts into <paramref name="merged"/>.</summary>
    public void MergeInto(ref MergedCounts merged)
    {
        merged.Zero += Volatile.Read(ref _zero);
        MergeSign(_positive, merged.Positive, ref merged.PositiveChunks);
        MergeSign(_negative, merged.Negative, ref merged.NegativeChunks);
    }

    /// <summary>The value reported for bucket slot <paramref name="slot"/> (of either sign, by magnitude).</summary>
    public static double Representative(int slot) => Math.Exp((slot + MinKey) * LogGamma) * RepresentativeFactor;

    private static int Key(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) * InverseLogGamma);

    private static int Slot(double magnitude)
    {
        if (magnitude >= MaxIndexable)
        {
            return BucketCount - 1;
        }

        return Math.Clamp(Key(magnitude) - MinKey, 0, BucketCount - 1);
    }

    private static void Increment(long[]?[] chunks, int slot)
    {
        var chunk = Volatile.Read(ref chunks[slot >> ChunkShift]) ?? AllocateChunk(chunks, slot >> ChunkShift);
        Interlocked.Increment(ref chunk[slot & (ChunkSize - 1)]);
    }

    private static long[] AllocateChunk(long[]?[] chunks, int index)
    {
        var fresh = new long[ChunkSize];
        return Interlocked.CompareExchange(ref chunks[index], fresh, null) ?? fresh;
    }

    private static void Clear(long[]?[] chunks)
    {
        foreach (var chunk in chunks)
        {
            if (chunk is not null)
            {
                Array.Clear(chunk);
            }
        }
    }

    private static void MergeSign(long[]?[] chunks, Span<long> into, ref ulong used)
    {
        for (var c = 0; c < chunks.Length; c++)
        {
            if (Volatile.Read(ref chunks[c]) is not { } chunk)
            {
                continue;
            }

            used |= 1UL << c;
            var target = into.Slice(c << ChunkShift, ChunkSize);
            for (var i = 0; i < ChunkSize; i++)
            {
                target[i] += Volatile.Read(ref chunk[i]);
            }
        }
    }
}

namespace Metrics.Generators;

/// <summary>
/// MergedCounts is the scrape-time sum of a summary's live sub-window sketches, over a buffer rented once per
/// family scrape, and the quantile query over it. Masks record which chunks were touched so that clearing between
/// series and scanning cost only what is in use.
/// </summary>
internal ref struct MergedCounts
{
    /// <summary>Chunks marked used for positive values.</summary>
    public ulong PositiveChunks;

    /// <summary>Chunks marked used for negative values.</summary>
    public ulong NegativeChunks;

    /// <summary>Observations counted as zero.</summary>
    public long Zero;

    /// <summary>Wraps <paramref name="buffer"/> (at least <see cref="BufferLength"/> longs) and clears it.</summary>
    public MergedCounts(long[] buffer)
    {
        var length = QuantileSketch.ChunkCount * QuantileSketch.ChunkSize;
        Positive = buffer.AsSpan(0, length);
        Negative = buffer.AsSpan(length, length);
        Positive.Clear();
        Negative.Clear();
    }

    /// <summary>How many longs the buffer needs.</summary>
    public static int BufferLength => 2 * QuantileSketch.ChunkCount * QuantileSketch.ChunkSize;

    /// <summary>Counts of positive values by slot.</summary>
    public Span<long> Positive { get; }

    /// <summary>Counts of negative values by slot (by magnitude).</summary>
    public Span<long> Negative { get; }

    /// <summary>
    /// Fills <paramref name="results"/> with the value at each of <paramref name="quantiles"/> (ascending): the
    /// bucket where the cumulative count first exceeds q × (n − 1), so p50 of 1..1000 is ≈500 and p99 ≈990. NaN
    /// for all when nothing was observed in the window.
    /// </summary>
    public readonly void Quantiles(ReadOnlySpan<double> quantiles, Span<double> results)
    {
        var total = Zero + Sum(Positive, PositiveChunks) + Sum(Negative, NegativeChunks);
        if (total == 0)
        {
            results.Fill(double.NaN);
            return;
        }

        var next = 0;
        long cumulative = 0;
        var last = double.NaN;

        // Ascending values: negatives from the largest magnitude down, then zero, then positives up.
        for (var c = QuantileSketch.ChunkCount - 1; c >= 0 && next < quantiles.Length; c--)
        {
            if ((NegativeChunks & (1UL << c)) == 0)
            {
                continue;
            }

            for (var slot = (c << QuantileSketch.ChunkShift) + QuantileSketch.ChunkSize - 1; slot >= c << QuantileSketch.ChunkShift; slot--)
            {
                if (Negative[slot] != 0)
                {
                    cumulative += Negative[slot];
                    last = -QuantileSketch.Representative(slot);
                    next = Assign(quantiles, results, next, cumulative, total, last);
                }
            }
        }

        if (Zero != 0)
        {
            cumulative += Zero;
            last = 0;
            next = Assign(quantiles, results, next, cumulative, total, last);
        }

        for (var c = 0; c < QuantileSketch.ChunkCount && next < quantiles.Length; c++)
        {
            if ((PositiveChunks & (1UL << c)) == 0)
            {
                continue;
            }

            var end = (c << QuantileSketch.ChunkShift) + QuantileSketch.ChunkSize;
            for (var slot = c << QuantileSketch.ChunkShift; slot < end; slot++)
            {
                if (Positive[slot] != 0)
                {
                    cumulative += Positive[slot];
                    last = QuantileSketch.Representative(slot);
                    next = Assign(quantiles, results, next, cumulative, total, last);
                }
            }
        }

        for (; next < quantiles.Length; next++)
        {
            results[next] = last;
        }
    }

    /// <summary>Zeroes the chunks in use, ready for the next series.</summary>
    public void Reset()
    {
        ClearUsed(Positive, PositiveChunks);
        ClearUsed(Negative, NegativeChunks);
        PositiveChunks = 0;
        NegativeChunks = 0;
        Zero = 0;
    }

    private static int Assign(ReadOnlySpan<double> quantiles, Span<double> results, int next, long cumulative, long total, double value)
    {
        while (next < quantiles.Length && cumulative > quantiles[next] * (total - 1))
        {
            results[next++] = value;
        }

        return next;
    }

    private static long Sum(Span<long> counts, ulong used)
    {
        long sum = 0;
        for (var c = 0; used != 0; c++, used >>= 1)
        {
            if ((used & 1) != 0)
            {
                foreach (var count in counts.Slice(c << QuantileSketch.ChunkShift, QuantileSketch.ChunkSize))
                {
                    sum += count;
                }
            }
        }

        return sum;
    }

    private static void ClearUsed(Span<long> counts, ulong used)
    {
        for (var c = 0; used != 0; c++, used >>= 1)
        {
            if ((used & 1) != 0)
            {
                counts.Slice(c << QuantileSketch.ChunkShift, QuantileSketch.ChunkSize).Clear();
            }
        }
    }
}

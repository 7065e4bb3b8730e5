using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// HistogramBuckets builds bucket bounds at run time, with the same math the generator applies to
/// <see cref="LinearBucketsAttribute"/>, <see cref="ExponentialBucketsAttribute"/> and <see cref="SloBucketsAttribute"/>.
/// </summary>
public static class HistogramBuckets
{
    /// <summary>prometheus_client's default bounds, suited to request latencies in seconds (0.005 … 10).</summary>
    public static IReadOnlyList<double> Default { get; } = Array.AsReadOnly(BucketLayout.Default);

    /// <summary>Returns <paramref name="count"/> bounds: start, start + width, ….</summary>
    /// <exception cref="ArgumentOutOfRangeException">When width is not positive, count &lt; 1 or a value is not finite.</exception>
    public static double[] Linear(double start, double width, int count)
        => BucketLayout.Linear(start, width, count)
           ?? throw new ArgumentOutOfRangeException(nameof(width), "Linear buckets need a finite start, a positive width and count >= 1.");

    /// <summary>Returns <paramref name="count"/> bounds: start, start × factor, ….</summary>
    /// <exception cref="ArgumentOutOfRangeException">When start is not positive, factor is not above 1, or count &lt; 1.</exception>
    public static double[] Exponential(double start, double factor, int count)
        => BucketLayout.Exponential(start, factor, count)
           ?? throw new ArgumentOutOfRangeException(nameof(factor), "Exponential buckets need start > 0, factor > 1 and count >= 1.");

    /// <summary>Returns bounds in which every SLO threshold is an exact bound, with finer bounds around each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When no threshold is given or one is not positive and finite.</exception>
    public static double[] SloAligned(params double[] thresholds)
        => BucketLayout.SloAligned(thresholds)
           ?? throw new ArgumentOutOfRangeException(nameof(thresholds), "SLO thresholds must be positive and finite, at least one.");
}

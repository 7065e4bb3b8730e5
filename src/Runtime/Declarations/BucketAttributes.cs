namespace Metrics.Generators;

/// <summary>
/// LinearBucketsAttribute lays out <paramref name="count"/> histogram buckets starting at
/// <paramref name="start"/>, each <paramref name="width"/> wider than the previous one.
/// Computed at compile time; see <see cref="HistogramBuckets.Linear"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class LinearBucketsAttribute(double start, double width, int count) : Attribute
{
    /// <summary>The first upper bound.</summary>
    public double Start { get; } = start;
    /// <summary>The distance between consecutive bounds.</summary>
    public double Width { get; } = width;
    /// <summary>The number of bounds (without <c>+Inf</c>).</summary>
    public int Count { get; } = count;
}

/// <summary>
/// ExponentialBucketsAttribute lays out <paramref name="count"/> histogram buckets starting at
/// <paramref name="start"/>, each <paramref name="factor"/> times the previous one.
/// Computed at compile time; see <see cref="HistogramBuckets.Exponential"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ExponentialBucketsAttribute(double start, double factor, int count) : Attribute
{
    /// <summary>The first upper bound.</summary>
    public double Start { get; } = start;
    /// <summary>The ratio between consecutive bounds (&gt; 1).</summary>
    public double Factor { get; } = factor;
    /// <summary>The number of bounds (without <c>+Inf</c>).</summary>
    public int Count { get; } = count;
}

/// <summary>
/// SloBucketsAttribute lays out histogram buckets around service-level objective thresholds:
/// every threshold is an exact bound, with finer bounds near it (see <see cref="HistogramBuckets.SloAligned"/>).
/// Computed at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SloBucketsAttribute(params double[] thresholds) : Attribute
{
    /// <summary>The SLO thresholds, in the metric's unit.</summary>
    public double[] Thresholds { get; } = thresholds;
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace Metrics.Generators.Shared;

/// <summary>
/// BucketLayout computes histogram bucket bounds. It is compiled into the generator (bounds declared by
/// attributes are computed at build time) and into the runtime (<c>HistogramBuckets</c>), so both produce
/// the same bounds bit for bit.
/// </summary>
internal static class BucketLayout
{
    /// <summary>The most bucket bounds a histogram may have: beyond it the bounds are surely a mistake (and cost every scrape).</summary>
    public const int MaxCount = 1000;

    /// <summary>prometheus_client's default buckets, for request latencies in seconds.</summary>
    public static readonly double[] Default = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    // Multiples of an SLO threshold that become bounds: coarse far away, fine near the threshold so
    // "just over the SLO" and "just under" land in different buckets.
    private static readonly double[] SloMultipliers = [0.1, 0.25, 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 4, 10];

    /// <summary>Returns <paramref name="count"/> bounds start, start + width, …; null when the arguments are invalid.</summary>
    public static double[]? Linear(double start, double width, int count)
    {
        if (count < 1 || !IsFinite(start) || !IsFinite(width) || width <= 0)
        {
            return null;
        }

        var bounds = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Multiply rather than accumulate: repeated addition drifts (0.1 + 0.2 = 0.30000000000000004).
            bounds[i] = Clean(start + (i * width));
        }

        return bounds;
    }

    /// <summary>Returns <paramref name="count"/> bounds start, start × factor, …; null when the arguments are invalid.</summary>
    public static double[]? Exponential(double start, double factor, int count)
    {
        if (count < 1 || !IsFinite(start) || start <= 0 || !IsFinite(factor) || factor <= 1)
        {
            return null;
        }

        var bounds = new double[count];
        for (var i = 0; i < count; i++)
        {
            bounds[i] = Clean(start * Math.Pow(factor, i));
        }

        return IsFinite(bounds[count - 1]) ? bounds : null;
    }

    /// <summary>
    /// Returns bounds where every threshold is exact, with finer bounds around each
    /// (0.1×, 0.25×, 0.5×, 0.75×, 0.9×, 1×, 1.1×, 1.25×, 1.5×, 2×, 4×, 10×); null when a threshold is not positive and finite.
    /// </summary>
    public static double[]? SloAligned(IReadOnlyList<double> thresholds)
    {
        if (thresholds.Count == 0)
        {
            return null;
        }

        var set = new SortedSet<double>();
        foreach (var threshold in thresholds)
        {
            if (!IsFinite(threshold) || threshold <= 0)
            {
                return null;
            }

            foreach (var multiplier in SloMultipliers)
            {
                set.Add(multiplier == 1 ? threshold : Clean(threshold * multiplier));
            }
        }

        var bounds = new double[set.Count];
        set.CopyTo(bounds);
        return bounds;
    }

    /// <summary>Returns the first problem with <paramref name="bounds"/> (empty, not finite, not strictly increasing), or null.</summary>
    public static string? Validate(IReadOnlyList<double> bounds)
    {
        if (bounds.Count == 0)
        {
            return "no buckets are declared";
        }

        for (var i = 0; i < bounds.Count; i++)
        {
            if (!IsFinite(bounds[i]))
            {
                return "bucket " + bounds[i].ToString("R", CultureInfo.InvariantCulture) + " is not finite (+Inf is implied)";
            }

            if (i > 0 && bounds[i] <= bounds[i - 1])
            {
                return bounds[i] == bounds[i - 1]
                    ? "bucket " + bounds[i].ToString("R", CultureInfo.InvariantCulture) + " is declared twice"
                    : "buckets are not in increasing order at " + bounds[i].ToString("R", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    // Rounds away binary noise (12 significant digits) so bounds print the way they were meant: 0.3, not 0.30000000000000004.
    private static double Clean(double value)
        => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}

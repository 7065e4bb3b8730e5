using System.Globalization;
using System.Text;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// SeriesBudget counts the most series one declaration can expose (MG2003): the product of every label's
/// cardinality (its values plus <c>__overflow__</c>) times the series per label set — histogram buckets
/// with <c>+Inf</c>, <c>_sum</c> and <c>_count</c>; summary quantiles, <c>_sum</c> and <c>_count</c>.
/// </summary>
internal static class SeriesBudget
{
    /// <summary>The series count (saturating at <see cref="long.MaxValue"/>) and a readable product, e.g. "route 201 × method 5 × 17 per histogram".</summary>
    public static (long Series, string Breakdown) Count(MetricSpec spec)
    {
        long series = 1;
        var breakdown = new StringBuilder();
        foreach (var label in spec.Labels)
        {
            series = Multiply(series, label.Cardinality);
            breakdown.Append(breakdown.Length == 0 ? string.Empty : " × ").Append(label.Name).Append(' ').Append(label.Cardinality.ToString(CultureInfo.InvariantCulture));
        }

        var perSet = spec.Kind switch
        {
            MetricKind.Histogram => spec.Buckets.Count + 3,
            MetricKind.Summary => spec.Quantiles.Count + 2,
            _ => 1,
        };
        if (perSet > 1)
        {
            series = Multiply(series, perSet);
            breakdown.Append(breakdown.Length == 0 ? string.Empty : " × ").Append(perSet.ToString(CultureInfo.InvariantCulture))
                .Append(spec.Kind == MetricKind.Histogram ? " per histogram" : " per summary");
        }

        return (series, breakdown.Length == 0 ? "no labels" : breakdown.ToString());
    }

    /// <summary>Formats a count with thousands separators, invariantly.</summary>
    public static string Format(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static long Multiply(long left, long right)
        => right != 0 && left > long.MaxValue / right ? long.MaxValue : left * right;
}

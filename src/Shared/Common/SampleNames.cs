using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Shared;

/// <summary>
/// SampleNames is the one rule for the names a metric puts in an exposition: a counter declared <c>x_total</c> is
/// the family <c>x</c> and samples <c>x_total</c>; a histogram <c>x</c> writes <c>x_bucket</c>, <c>x_sum</c> and
/// <c>x_count</c>. The registry (a name clash at start-up), the duplicate-name analyzer (MG0003, across assemblies),
/// the exposition and the monitoring artifacts all ask here, so they cannot disagree about what clashes.
/// </summary>
internal static class SampleNames
{
    /// <summary>The suffix of a counter's samples.</summary>
    public const string TotalSuffix = "_total";

    /// <summary>The family (metric) name: a counter's declared name without <c>_total</c>; any other name unchanged.</summary>
    public static string Family(string name, MetricKind kind)
        => kind == MetricKind.Counter && name.EndsWith(TotalSuffix, System.StringComparison.Ordinal)
            ? name.Substring(0, name.Length - TotalSuffix.Length)
            : name;

    /// <summary>
    /// Every name a metric declared <paramref name="name"/> claims in a registry: the family name, the sample names it
    /// writes, and the <c>_created</c> sample OpenMetrics reserves for counters, histograms and summaries (we do not
    /// write it, but a parser reads a family named <c>x_created</c> next to counter <c>x</c> as part of it). Two metrics in
    /// one registry, or one assembly and a referenced one, may not share any.
    /// </summary>
    public static string[] Claimed(string name, MetricKind kind)
    {
        var family = Family(name, kind);
        return kind switch
        {
            MetricKind.Counter => [family, family + TotalSuffix, family + "_created"],
            MetricKind.Gauge => [family],
            MetricKind.Histogram => [family, family + "_bucket", family + "_count", family + "_sum", family + "_created"],
            _ => [family, family + "_count", family + "_sum", family + "_created"],
        };
    }
}

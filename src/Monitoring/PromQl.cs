using System.Globalization;
using System.Text;

namespace Metrics.Generators.Monitoring;

/// <summary>
/// PromQl writes the expressions the rules file records and the dashboard plots, once, so the two cannot
/// disagree. The rules file uses it without matchers; the dashboard adds its template-variable filters
/// (<c>job=~"$job"</c>) to every selector.
/// </summary>
/// <remarks>
/// Every expression sums over instances before anything else (<c>sum by (job, …) (rate(…))</c>): ratios and
/// quantiles are taken of sums, never averaged from per-instance ratios, which would not be statistically valid.
/// Numbers are written invariantly; <c>le</c> values exactly as the runtime exposes them
/// (<see cref="NumberFormatting.FormatLabelNumber"/>), since a matcher compares strings.
/// </remarks>
internal sealed class PromQl
{
    private readonly string[] _matchers;

    /// <summary>Creates a writer for one window, with <paramref name="matchers"/> added to every selector.</summary>
    public PromQl(TimeSpan window, params string[] matchers)
    {
        Window = Duration(window);
        _matchers = matchers;
    }

    /// <summary>The rate window as a Prometheus duration, e.g. <c>5m</c>.</summary>
    public string Window { get; }

    /// <summary><c>sum by (…) (rate(&lt;base&gt;_total[w]))</c>: a counter's per-second rate.</summary>
    public string CounterRate(MetricDescriptor counter, IReadOnlyList<string> by)
        => SumRate(by, counter.FamilyName + "_total");

    /// <summary>
    /// The fraction of a RED counter's rate whose status is 5xx: <c>(errors or 0 * all) / all</c>, so a job that
    /// serves requests and no errors reads 0 rather than disappearing from the result.
    /// </summary>
    public string ErrorRatio(MetricDescriptor counter, string statusLabel, IReadOnlyList<string> by)
    {
        var series = counter.FamilyName + "_total";
        var all = SumRate(by, series);
        return "(" + SumRate(by, series, statusLabel + "=~\"5..\"") + " or 0 * " + all + ") / " + all;
    }

    /// <summary><c>histogram_quantile(q, sum by (…, le) (rate(&lt;name&gt;_bucket[w])))</c>.</summary>
    public string HistogramQuantile(MetricDescriptor histogram, double quantile, IReadOnlyList<string> by)
        => "histogram_quantile(" + Number(quantile) + ", " + SumRate([.. by, "le"], histogram.FamilyName + "_bucket") + ")";

    /// <summary>
    /// The fraction of observations at or under the histogram's SLO: the rate of the <c>le="&lt;slo&gt;"</c> bucket
    /// over the rate of <c>_count</c>. Exact because the SLO is always one of the bounds.
    /// </summary>
    public string SloRatio(MetricDescriptor histogram, IReadOnlyList<string> by)
        => SumRate(by, histogram.FamilyName + "_bucket", "le=\"" + NumberFormatting.FormatLabelNumber(histogram.Slo) + "\"")
           + " / " + SumRate(by, histogram.FamilyName + "_count");

    /// <summary><c>sum by (…) (rate(&lt;name&gt;_count[w]))</c>: observations per second.</summary>
    public string CountRate(MetricDescriptor metric, IReadOnlyList<string> by)
        => SumRate(by, metric.FamilyName + "_count");

    /// <summary>The mean observation over the window: rate of <c>_sum</c> over rate of <c>_count</c> (NaN with no observations).</summary>
    public string Mean(MetricDescriptor metric, IReadOnlyList<string> by)
        => SumRate(by, metric.FamilyName + "_sum") + " / " + SumRate(by, metric.FamilyName + "_count");

    /// <summary><c>sum by (…) (&lt;gauge&gt;)</c>: a gauge's current value summed over instances.</summary>
    public string GaugeSum(MetricDescriptor gauge, IReadOnlyList<string> by)
        => "sum by (" + string.Join(", ", by) + ") (" + Selector(gauge.FamilyName) + ")";

    /// <summary>The bare series, for values that cannot be aggregated (a summary's client-side quantiles).</summary>
    public string Raw(MetricDescriptor metric) => Selector(metric.FamilyName);

    /// <summary>Formats a non-negative whole-millisecond duration in the largest Prometheus unit that divides it: <c>5m</c>, <c>90s</c>, <c>1500ms</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var milliseconds = duration.Ticks / TimeSpan.TicksPerMillisecond;
        if (milliseconds == 0)
        {
            return "0s";
        }

        ReadOnlySpan<(long Milliseconds, string Unit)> units = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "m"), (1_000, "s")];
        foreach (var (size, unit) in units)
        {
            if (milliseconds % size == 0)
            {
                return (milliseconds / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>A number in PromQL (and in human text): invariant and round-trippable, <c>0.99</c>, <c>0.5</c>, <c>1</c>.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Joins label lists keeping first occurrences, so an aggregation label that is also a metric label is listed once.</summary>
    public static string[] Union(IReadOnlyList<string> first, IEnumerable<string> second)
    {
        var result = new List<string>(first);
        foreach (var label in second)
        {
            if (!result.Contains(label))
            {
                result.Add(label);
            }
        }

        return [.. result];
    }

    private string SumRate(IReadOnlyList<string> by, string series, string? matcher = null)
        => "sum by (" + string.Join(", ", by) + ") (rate(" + Selector(series, matcher) + "[" + Window + "]))";

    private string Selector(string series, string? matcher = null)
    {
        if (matcher is null && _matchers.Length == 0)
        {
            return series;
        }

        var builder = new StringBuilder(series).Append('{');
        var first = true;
        if (matcher is not null)
        {
            builder.Append(matcher);
            first = false;
        }

        foreach (var extra in _matchers)
        {
            builder.Append(first ? string.Empty : ",").Append(extra);
            first = false;
        }

        return builder.Append('}').ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Metrics.Generators.Monitoring;

/// <summary>
/// MetricRoles reads, from a descriptor alone, what a metric is for monitoring purposes: a RED request counter
/// (and which label holds its status), which dashboard row it belongs to, how a rule names its aggregation level.
/// The rules file and the dashboard ask here, so they classify every metric the same way.
/// </summary>
internal static class MetricRoles
{
    /// <summary>The quantiles recorded and plotted for every histogram.</summary>
    public static readonly double[] HistogramQuantiles = [0.5, 0.95, 0.99];

    // The label names taken to hold a response status, in order of preference (the analyzers' MG4003 knows the same names).
    private static readonly string[] s_statusLabels = ["status", "code", "status_code", "http_status", "http_status_code", "response_code"];

    /// <summary>
    /// The status label of a RED request counter, or null when <paramref name="metric"/> is not one. A RED counter
    /// is a counter whose name ends in <c>requests</c> (<c>http_requests_total</c>, <c>api_requests</c>) and that has
    /// a status label. The name matters: <c>orders_total{status}</c> counts outcomes such as <c>failed</c>, not HTTP
    /// statuses, so a 5xx ratio of it would always read 0.
    /// </summary>
    public static string? ErrorStatusLabel(MetricDescriptor metric)
    {
        if (metric.Type != MetricType.Counter || !metric.FamilyName.EndsWith("requests", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var candidate in s_statusLabels)
        {
            if (metric.LabelNames.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>True when the metric has a <c>route</c> label, so the error ratio is also recorded per route.</summary>
    public static bool HasRoute(MetricDescriptor metric) => metric.LabelNames.Contains("route");

    /// <summary>The dashboard row: the first segment of the family name (<c>http</c> for <c>http_requests</c> and <c>http_request_duration_seconds</c>).</summary>
    public static string Group(MetricDescriptor metric)
    {
        foreach (var segment in metric.FamilyName.Split('_'))
        {
            if (segment.Length > 0)
            {
                return segment;
            }
        }

        return metric.FamilyName;
    }

    /// <summary>Orders metrics inside a row the RED way: rate and errors (counters), duration (histograms, summaries), then gauges.</summary>
    public static int RowOrder(MetricType type) => type switch
    {
        MetricType.Counter => 0,
        MetricType.Histogram => 1,
        MetricType.Summary => 2,
        _ => 3,
    };

    /// <summary>A quantile as a name part, via decimal so no binary rounding shows: 0.5 → <c>p50</c>, 0.99 → <c>p99</c>, 0.999 → <c>p999</c>.</summary>
    public static string QuantileName(double quantile)
        => "p" + ((decimal)quantile * 100).ToString("0.############", CultureInfo.InvariantCulture).Replace(".", string.Empty, StringComparison.Ordinal);

    /// <summary>The level part of a rule name: the labels the result keeps, joined by <c>_</c> (<c>job</c>, <c>job_route</c>).</summary>
    public static string Level(IEnumerable<string> labels) => string.Join("_", labels);

    /// <summary>A family name in CamelCase for alert names: <c>http_request_duration_seconds</c> → <c>HttpRequestDurationSeconds</c>.</summary>
    public static string CamelCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }
}

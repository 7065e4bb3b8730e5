namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpServerMetricsOptions configures the RED metrics recorded for incoming requests:
/// <c>http_requests_total{method,route,status}</c>, <c>http_request_duration_seconds{method,route}</c> and
/// <c>http_requests_in_progress{method,route}</c>.
/// </summary>
public sealed class HttpServerMetricsOptions
{
    /// <summary>
    /// The default latency buckets, in seconds: 5 ms to 5 s, dense around the 50–250 ms a typical API endpoint
    /// answers in. Place a bucket at your SLO threshold (and set <see cref="DurationSlo"/>) if it is not one of these.
    /// </summary>
    public static IReadOnlyList<double> DefaultDurationBuckets { get; } = HttpServerMetrics.HttpRequestDurationSeconds.Descriptor.Buckets;

    /// <summary>Whether incoming requests are measured at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Histogram bucket upper bounds for <c>http_request_duration_seconds</c>, strictly increasing, in seconds.</summary>
    public IList<double> DurationBuckets { get; set; } = new List<double>(DefaultDurationBuckets);

    /// <summary>
    /// The latency SLO threshold in seconds, one of <see cref="DurationBuckets"/>, or 0 for none. Recorded in the
    /// histogram's descriptor, where the generated Prometheus rules pick it up for the SLO alert.
    /// </summary>
    public double DurationSlo { get; set; }

    /// <summary>
    /// The most distinct route templates labelled; further templates fold into <c>__overflow__</c>. Route templates
    /// are finite (one per endpoint), so this only guards against an app with a very large route table. Default 200.
    /// </summary>
    public int MaxRoutes { get; set; } = 200;

    /// <summary>The most distinct status codes labelled; further codes fold into <c>__overflow__</c>. Default 40.</summary>
    public int MaxStatusCodes { get; set; } = 40;

    /// <summary>
    /// Whether requests to the endpoint mapped by <c>MapPrometheusMetrics()</c> are measured too. Default false: scrapes are
    /// not the service's traffic, and counting them would make every idle service look busy.
    /// </summary>
    public bool MeasureMetricsEndpoint { get; set; }
}

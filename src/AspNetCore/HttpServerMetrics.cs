namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpServerMetrics owns the RED metrics of incoming requests and records one request at a time for
/// <see cref="HttpMetricsMiddleware"/>:
/// <list type="bullet">
/// <item><c>http_requests_total{method,route,status}</c> — rate and errors (<c>status=~"5.."</c>);</item>
/// <item><c>http_request_duration_seconds{method,route}</c> — duration; no status label, so an endpoint's latency
/// distribution is not fragmented by outcome;</item>
/// <item><c>http_requests_in_progress{method,route}</c> — saturation.</item>
/// </list>
/// </summary>
/// <remarks>
/// <c>route</c> is the matched endpoint's route template (<c>/orders/{id:int}</c>), never the raw path, so the
/// number of series is bounded by the route table; requests no endpoint matched share <see cref="UnmatchedRoute"/>.
/// Methods outside the standard set are <c>_OTHER</c>. Thread-safe.
/// </remarks>
public sealed class HttpServerMetrics
{
    /// <summary>The <c>route</c> value of requests that no endpoint matched (404s, requests answered by middleware).</summary>
    public const string UnmatchedRoute = "__unmatched__";

    private readonly FixedLabel _methods;
    private readonly BoundedStringLabel _requestRoutes;
    private readonly BoundedStringLabel _statuses;
    private readonly BoundedStringLabel _durationRoutes;
    private readonly BoundedStringLabel _inProgressRoutes;

    /// <summary>Creates the RED families and registers them in <paramref name="registry"/>.</summary>
    /// <param name="registry">Where the families are registered.</param>
    /// <param name="options">Buckets, SLO and label bounds.</param>
    /// <exception cref="ArgumentException">When the buckets or SLO are invalid (the message says why).</exception>
    /// <exception cref="InvalidOperationException">When the registry already holds metrics with these names.</exception>
    public HttpServerMetrics(MetricRegistry registry, HttpServerMetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);

        // One label instance per family: a bounded label hands out indexes per metric, as generated code does.
        _methods = new FixedLabel("method", HttpMethodLabel.Values);
        _requestRoutes = new BoundedStringLabel("route", options.MaxRoutes);
        _statuses = new BoundedStringLabel("status", options.MaxStatusCodes);
        _durationRoutes = new BoundedStringLabel("route", options.MaxRoutes);
        _inProgressRoutes = new BoundedStringLabel("route", options.MaxRoutes);

        RequestsDescriptor = new MetricDescriptor(
            "http_requests_total", MetricType.Counter,
            "HTTP requests by method, route template and status code.", unit: null,
            ["method", "route", "status"]);
        DurationDescriptor = new MetricDescriptor(
            "http_request_duration_seconds", MetricType.Histogram,
            "HTTP request duration by method and route template, from the first middleware to the end of the response.", "seconds",
            ["method", "route"], [.. options.DurationBuckets], slo: options.DurationSlo);
        InProgressDescriptor = new MetricDescriptor(
            "http_requests_in_progress", MetricType.Gauge,
            "HTTP requests being processed, by method and route template.", unit: null,
            ["method", "route"]);

        Requests = new MetricFamily<CounterCell>(RequestsDescriptor, _methods, _requestRoutes, _statuses);
        Duration = new MetricFamily<HistogramCell>(DurationDescriptor, _methods, _durationRoutes);
        InProgress = new MetricFamily<GaugeCell>(InProgressDescriptor, _methods, _inProgressRoutes);
        registry.Register(Requests);
        registry.Register(Duration);
        registry.Register(InProgress);
    }

    /// <summary>The descriptor of <c>http_requests_total</c>.</summary>
    public MetricDescriptor RequestsDescriptor { get; }

    /// <summary>The descriptor of <c>http_request_duration_seconds</c>.</summary>
    public MetricDescriptor DurationDescriptor { get; }

    /// <summary>The descriptor of <c>http_requests_in_progress</c>.</summary>
    public MetricDescriptor InProgressDescriptor { get; }

    /// <summary>The three descriptors, e.g. for <c>MonitoringArtifacts</c>.</summary>
    public IReadOnlyList<MetricDescriptor> Descriptors => [RequestsDescriptor, DurationDescriptor, InProgressDescriptor];

    /// <summary><c>http_requests_total</c>.</summary>
    public MetricFamily<CounterCell> Requests { get; }

    /// <summary><c>http_request_duration_seconds</c>.</summary>
    public MetricFamily<HistogramCell> Duration { get; }

    /// <summary><c>http_requests_in_progress</c>.</summary>
    public MetricFamily<GaugeCell> InProgress { get; }

    /// <summary>Returns the in-progress gauge of (<paramref name="method"/>, <paramref name="route"/>).</summary>
    /// <param name="method">The request method.</param>
    /// <param name="route">The route template.</param>
    /// <returns>The series' gauge.</returns>
    internal GaugeCell InProgressOf(string method, string route)
        => InProgress.GetOrAdd(((long)HttpMethodLabel.IndexOf(method) * _inProgressRoutes.Cardinality) + _inProgressRoutes.IndexOf(route));

    /// <summary>Counts one finished request and observes its duration.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="route">The route template, or <see cref="UnmatchedRoute"/>.</param>
    /// <param name="statusCode">The response status code (500 when the request threw).</param>
    /// <param name="seconds">How long the request took.</param>
    internal void RecordRequest(string method, string route, int statusCode, double seconds)
    {
        long methodIndex = HttpMethodLabel.IndexOf(method);
        var requestIndex = (((methodIndex * _requestRoutes.Cardinality) + _requestRoutes.IndexOf(route)) * _statuses.Cardinality)
                           + _statuses.IndexOf(StatusCodeText.Of(statusCode));
        Requests.GetOrAdd(requestIndex).Inc();
        Duration.GetOrAdd((methodIndex * _durationRoutes.Cardinality) + _durationRoutes.IndexOf(route)).Observe(seconds);
    }
}

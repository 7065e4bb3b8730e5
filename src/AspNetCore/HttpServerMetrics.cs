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
/// Methods outside the standard set are <c>_OTHER</c>. The metrics are ordinary declarations (below); the options'
/// buckets, SLO and bounds replace the declared ones through <see cref="MetricOverrides"/>. Thread-safe.
/// </remarks>
public sealed partial class HttpServerMetrics
{
    /// <summary>The <c>route</c> value of requests that no endpoint matched (404s, requests answered by middleware).</summary>
    public const string UnmatchedRoute = "__unmatched__";

    private readonly HttpRequestsTotal _requests;
    private readonly HttpRequestDurationSeconds _duration;
    private readonly HttpRequestsInProgress _inProgress;

    /// <summary>Creates the RED metrics and registers them in <paramref name="registry"/>.</summary>
    /// <param name="registry">Where the metrics are registered.</param>
    /// <param name="options">Buckets, SLO and label bounds.</param>
    /// <exception cref="ArgumentException">When the buckets, SLO or bounds are invalid (the message says why).</exception>
    /// <exception cref="InvalidOperationException">When the registry already holds metrics with these names.</exception>
    public HttpServerMetrics(MetricRegistry registry, HttpServerMetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);

        var routes = new MetricOverrides { MaxValues = { ["route"] = options.MaxRoutes } };
        var requests = new MetricOverrides { MaxValues = { ["route"] = options.MaxRoutes, ["status"] = options.MaxStatusCodes } };
        var duration = new MetricOverrides { Buckets = [.. options.DurationBuckets], Slo = options.DurationSlo, MaxValues = { ["route"] = options.MaxRoutes } };

        // Checked before anything registers, so bad options leave the registry as it was.
        RequestsDescriptor = requests.DescriptorFor(HttpRequestsTotal.Descriptor);
        DurationDescriptor = duration.DescriptorFor(HttpRequestDurationSeconds.Descriptor);
        InProgressDescriptor = routes.DescriptorFor(HttpRequestsInProgress.Descriptor);

        _requests = new HttpRequestsTotal(registry, requests);
        _duration = new HttpRequestDurationSeconds(registry, duration);
        _inProgress = new HttpRequestsInProgress(registry, routes);
    }

    /// <summary>The descriptor of <c>http_requests_total</c>.</summary>
    public MetricDescriptor RequestsDescriptor { get; }

    /// <summary>The descriptor of <c>http_request_duration_seconds</c>, with the options' buckets and SLO.</summary>
    public MetricDescriptor DurationDescriptor { get; }

    /// <summary>The descriptor of <c>http_requests_in_progress</c>.</summary>
    public MetricDescriptor InProgressDescriptor { get; }

    /// <summary>The three descriptors, e.g. for <c>MonitoringArtifacts</c>.</summary>
    public IReadOnlyList<MetricDescriptor> Descriptors => [RequestsDescriptor, DurationDescriptor, InProgressDescriptor];

    // The declarations. The generator implements each static property with an instance in MetricRegistry.Default;
    // nothing reads them (and the project sets MetricsGeneratorsRegisterDefaults=false, so no module initializer
    // does): the constructor creates the metric types per registry, with the options as MetricOverrides.
    /// <summary>HTTP requests by method, route template and status code.</summary>
    [Counter("http_requests_total", Help = "HTTP requests by method, route template and status code.")]
    [Label<HttpMethodLabel>("method")]
    [Label<string>("route", MaxValues = 200)]
    [Label<string>("status", MaxValues = 40)]
    internal static partial HttpRequestsTotal RequestsDeclaration { get; }

    /// <summary>HTTP request duration by method and route template.</summary>
    [Histogram(
        "http_request_duration_seconds",
        Help = "HTTP request duration by method and route template, from the first middleware to the end of the response.",
        Unit = "seconds",
        Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5])]
    [Label<HttpMethodLabel>("method")]
    [Label<string>("route", MaxValues = 200)]
    internal static partial HttpRequestDurationSeconds DurationDeclaration { get; }

    /// <summary>HTTP requests being processed, by method and route template.</summary>
    [Gauge("http_requests_in_progress", Help = "HTTP requests being processed, by method and route template.")]
    [Label<HttpMethodLabel>("method")]
    [Label<string>("route", MaxValues = 200)]
    internal static partial HttpRequestsInProgress InProgressDeclaration { get; }

    /// <summary>Returns the in-progress gauge of (<paramref name="method"/>, <paramref name="route"/>).</summary>
    /// <param name="method">The request method.</param>
    /// <param name="route">The route template.</param>
    /// <returns>The series' gauge.</returns>
    internal HttpRequestsInProgress.Series InProgressOf(string method, string route)
        => _inProgress.Bind(HttpMethodLabels.Of(method), route);

    /// <summary>Counts one finished request and observes its duration.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="route">The route template, or <see cref="UnmatchedRoute"/>.</param>
    /// <param name="statusCode">The response status code (500 when the request threw).</param>
    /// <param name="seconds">How long the request took.</param>
    internal void RecordRequest(string method, string route, int statusCode, double seconds)
    {
        var label = HttpMethodLabels.Of(method);
        _requests.Inc(label, route, StatusCodeText.Of(statusCode));
        _duration.Observe(seconds, label, route);
    }
}

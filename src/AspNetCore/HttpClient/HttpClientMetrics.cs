namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpClientMetrics owns the metrics of outgoing requests that <see cref="HttpClientMetricsHandler"/> records:
/// <list type="bullet">
/// <item><c>http_client_requests_total{client,host,method,status_class}</c> — <c>status_class</c> is
/// <c>1xx</c>…<c>5xx</c>, or <c>error</c> when no response came back (connection refused, timeout, cancellation);</item>
/// <item><c>http_client_request_duration_seconds{client,host,method}</c> — until the response headers arrived;</item>
/// <item><c>http_client_requests_in_flight{client,host}</c>.</item>
/// </list>
/// </summary>
/// <remarks>
/// <c>client</c> is the <c>IHttpClientFactory</c> name and <c>host</c> the request URI's host: never the path or
/// query, which are unbounded. Both are bounded labels (see <see cref="HttpClientMetricsOptions"/>). Thread-safe.
/// </remarks>
public sealed class HttpClientMetrics
{
    /// <summary>The <c>status_class</c> of a request that got no response.</summary>
    public const string ErrorStatusClass = "error";

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx", ErrorStatusClass];

    private readonly BoundedStringLabel _requestClients;
    private readonly BoundedStringLabel _requestHosts;
    private readonly BoundedStringLabel _durationClients;
    private readonly BoundedStringLabel _durationHosts;
    private readonly BoundedStringLabel _inFlightClients;
    private readonly BoundedStringLabel _inFlightHosts;
    private readonly FixedLabel _requestMethods = new("method", HttpMethodLabel.Values);
    private readonly FixedLabel _statusClasses = new("status_class", StatusClasses);

    /// <summary>Creates the families and registers them in <paramref name="registry"/>.</summary>
    /// <param name="registry">Where the families are registered.</param>
    /// <param name="options">Buckets and label bounds; defaults when null.</param>
    /// <exception cref="InvalidOperationException">When the registry already holds metrics with these names.</exception>
    public HttpClientMetrics(MetricRegistry registry, HttpClientMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new HttpClientMetricsOptions();
        _requestClients = new BoundedStringLabel("client", options.MaxClients);
        _requestHosts = new BoundedStringLabel("host", options.MaxHosts);
        _durationClients = new BoundedStringLabel("client", options.MaxClients);
        _durationHosts = new BoundedStringLabel("host", options.MaxHosts);
        _inFlightClients = new BoundedStringLabel("client", options.MaxClients);
        _inFlightHosts = new BoundedStringLabel("host", options.MaxHosts);

        Requests = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor(
                "http_client_requests_total", MetricType.Counter,
                "Outgoing HTTP requests by client name, host, method and status class.", unit: null,
                ["client", "host", "method", "status_class"]),
            _requestClients, _requestHosts, _requestMethods, _statusClasses));
        Duration = registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor(
                "http_client_request_duration_seconds", MetricType.Histogram,
                "Outgoing HTTP request duration until the response headers arrived, by client name, host and method.", "seconds",
                ["client", "host", "method"], [.. options.DurationBuckets]),
            _durationClients, _durationHosts, new FixedLabel("method", HttpMethodLabel.Values)));
        InFlight = registry.Register(new MetricFamily<GaugeCell>(
            new MetricDescriptor(
                "http_client_requests_in_flight", MetricType.Gauge,
                "Outgoing HTTP requests waiting for a response, by client name and host.", unit: null,
                ["client", "host"]),
            _inFlightClients, _inFlightHosts));
    }

    /// <summary><c>http_client_requests_total</c>.</summary>
    public MetricFamily<CounterCell> Requests { get; }

    /// <summary><c>http_client_request_duration_seconds</c>.</summary>
    public MetricFamily<HistogramCell> Duration { get; }

    /// <summary><c>http_client_requests_in_flight</c>.</summary>
    public MetricFamily<GaugeCell> InFlight { get; }

    /// <summary>The three descriptors, e.g. for <c>MonitoringArtifacts</c>.</summary>
    public IReadOnlyList<MetricDescriptor> Descriptors => [Requests.Descriptor, Duration.Descriptor, InFlight.Descriptor];

    internal GaugeCell InFlightOf(string client, string host)
        => InFlight.GetOrAdd(((long)_inFlightClients.IndexOf(client) * _inFlightHosts.Cardinality) + _inFlightHosts.IndexOf(host));

    /// <summary>Records one finished request; <paramref name="statusCode"/> is null when no response came back.</summary>
    internal void RecordRequest(string client, string host, string method, int? statusCode, double seconds)
    {
        long methodIndex = HttpMethodLabel.IndexOf(method);
        var statusClass = statusCode is >= 100 and <= 599 ? (statusCode.Value / 100) - 1 : StatusClasses.Length - 1;
        var requestIndex = (((((long)_requestClients.IndexOf(client) * _requestHosts.Cardinality) + _requestHosts.IndexOf(host))
                             * _requestMethods.Cardinality) + methodIndex) * _statusClasses.Cardinality + statusClass;
        Requests.GetOrAdd(requestIndex).Inc();
        var durationIndex = ((((long)_durationClients.IndexOf(client) * _durationHosts.Cardinality) + _durationHosts.IndexOf(host))
                             * _requestMethods.Cardinality) + methodIndex;
        Duration.GetOrAdd(durationIndex).Observe(seconds);
    }
}

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
/// query, which are unbounded. Both are bounded labels (see <see cref="HttpClientMetricsOptions"/>, applied through
/// <see cref="MetricOverrides"/>). Thread-safe.
/// </remarks>
public sealed partial class HttpClientMetrics
{
    /// <summary>The <c>status_class</c> of a request that got no response.</summary>
    public const string ErrorStatusClass = "error";

    private readonly HttpClientRequestsTotal _requests;
    private readonly HttpClientRequestDurationSeconds _duration;
    private readonly HttpClientRequestsInFlight _inFlight;

    /// <summary>Creates the metrics and registers them in <paramref name="registry"/>.</summary>
    /// <param name="registry">Where the metrics are registered.</param>
    /// <param name="options">Buckets and label bounds; defaults when null.</param>
    /// <exception cref="ArgumentException">When the buckets or bounds are invalid (the message says why).</exception>
    /// <exception cref="InvalidOperationException">When the registry already holds metrics with these names.</exception>
    public HttpClientMetrics(MetricRegistry registry, HttpClientMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new HttpClientMetricsOptions();
        var bounds = new MetricOverrides { MaxValues = { ["client"] = options.MaxClients, ["host"] = options.MaxHosts } };
        var duration = new MetricOverrides
        {
            Buckets = [.. options.DurationBuckets],
            MaxValues = { ["client"] = options.MaxClients, ["host"] = options.MaxHosts },
        };

        // Checked before anything registers, so bad options leave the registry as it was.
        Descriptors =
        [
            bounds.DescriptorFor(HttpClientRequestsTotal.Descriptor),
            duration.DescriptorFor(HttpClientRequestDurationSeconds.Descriptor),
            bounds.DescriptorFor(HttpClientRequestsInFlight.Descriptor),
        ];
        _requests = new HttpClientRequestsTotal(registry, bounds);
        _duration = new HttpClientRequestDurationSeconds(registry, duration);
        _inFlight = new HttpClientRequestsInFlight(registry, bounds);
    }

    /// <summary>The three descriptors (requests, duration, in flight), e.g. for <c>MonitoringArtifacts</c>.</summary>
    public IReadOnlyList<MetricDescriptor> Descriptors { get; }

    // The declarations. The generator implements each static property with an instance in MetricRegistry.Default;
    // nothing reads them (and the project sets MetricsGeneratorsRegisterDefaults=false, so no module initializer
    // does): the constructor creates the metric types per registry, with the options as MetricOverrides.
    /// <summary>Outgoing HTTP requests by client name, host, method and status class.</summary>
    [Counter("http_client_requests_total", Help = "Outgoing HTTP requests by client name, host, method and status class.")]
    [Label<string>("client", MaxValues = 50)]
    [Label<string>("host", MaxValues = 100)]
    [Label<HttpMethodLabel>("method")]
    [Label<HttpStatusClass>("status_class")]
    internal static partial HttpClientRequestsTotal RequestsDeclaration { get; }

    /// <summary>Outgoing HTTP request duration until the response headers arrived.</summary>
    [Histogram(
        "http_client_request_duration_seconds",
        Help = "Outgoing HTTP request duration until the response headers arrived, by client name, host and method.",
        Unit = "seconds",
        Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5])]
    [Label<string>("client", MaxValues = 50)]
    [Label<string>("host", MaxValues = 100)]
    [Label<HttpMethodLabel>("method")]
    internal static partial HttpClientRequestDurationSeconds DurationDeclaration { get; }

    /// <summary>Outgoing HTTP requests waiting for a response, by client name and host.</summary>
    [Gauge("http_client_requests_in_flight", Help = "Outgoing HTTP requests waiting for a response, by client name and host.")]
    [Label<string>("client", MaxValues = 50)]
    [Label<string>("host", MaxValues = 100)]
    internal static partial HttpClientRequestsInFlight InFlightDeclaration { get; }

    internal HttpClientRequestsInFlight.Series InFlightOf(string client, string host) => _inFlight.Bind(client, host);

    /// <summary>Records one finished request; <paramref name="statusCode"/> is null when no response came back.</summary>
    internal void RecordRequest(string client, string host, string method, int? statusCode, double seconds)
    {
        var label = HttpMethodLabels.Of(method);
        var statusClass = statusCode is >= 100 and <= 599 ? (HttpStatusClass)((statusCode.Value / 100) - 1) : HttpStatusClass.Error;
        _requests.Inc(client, host, label, statusClass);
        _duration.Observe(seconds, client, host, label);
    }
}

/// <summary>HttpStatusClass is the <c>status_class</c> label of outgoing requests; the value order is the label's.</summary>
internal enum HttpStatusClass
{
    [LabelValue("1xx")]
    Informational,
    [LabelValue("2xx")]
    Success,
    [LabelValue("3xx")]
    Redirection,
    [LabelValue("4xx")]
    ClientError,
    [LabelValue("5xx")]
    ServerError,

    /// <summary>No response came back.</summary>
    [LabelValue(HttpClientMetrics.ErrorStatusClass)]
    Error,
}

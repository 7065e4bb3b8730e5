namespace Metrics.Generators.AspNetCore;

/// <summary>HttpClientMetricsOptions configures the outgoing-request metrics of <see cref="HttpClientMetrics"/>.</summary>
public sealed class HttpClientMetricsOptions
{
    /// <summary>Histogram bucket upper bounds for <c>http_client_request_duration_seconds</c>, in seconds.</summary>
    public IList<double> DurationBuckets { get; set; } = new List<double>(HttpClientMetrics.HttpClientRequestDurationSeconds.Descriptor.Buckets);

    /// <summary>The most distinct client names labelled; further names fold into <c>__overflow__</c>. Default 50.</summary>
    public int MaxClients { get; set; } = 50;

    /// <summary>The most distinct hosts labelled; further hosts fold into <c>__overflow__</c>. Default 100.</summary>
    public int MaxHosts { get; set; } = 100;
}

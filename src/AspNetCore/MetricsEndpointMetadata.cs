namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricsEndpointMetadata marks an endpoint mapped by <c>MapPrometheusMetrics()</c>, so the RED middleware can leave
/// scrapes out of the service's own request metrics wherever the endpoint is mapped.
/// </summary>
public sealed class MetricsEndpointMetadata
{
    /// <summary>The one instance endpoints carry.</summary>
    public static MetricsEndpointMetadata Instance { get; } = new();

    private MetricsEndpointMetadata()
    {
    }
}

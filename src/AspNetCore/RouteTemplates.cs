using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Metrics.Generators.AspNetCore;

/// <summary>RouteTemplates reads the <c>route</c> label of an endpoint from routing metadata.</summary>
internal static class RouteTemplates
{
    /// <summary>
    /// Returns the endpoint's route template (<c>RoutePattern.RawText</c>, e.g. <c>/orders/{id:int}</c>); for an
    /// endpoint without one, its display name, which is as finite as the endpoint table.
    /// </summary>
    /// <param name="endpoint">The matched endpoint.</param>
    /// <returns>The label value.</returns>
    public static string Of(Endpoint endpoint)
        => (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName ?? HttpServerMetrics.UnmatchedRoute;

    /// <summary>Whether <paramref name="endpoint"/> is one mapped by <c>MapPrometheusMetrics()</c>.</summary>
    /// <param name="endpoint">The matched endpoint.</param>
    /// <returns>True for a metrics endpoint.</returns>
    public static bool IsMetricsEndpoint(Endpoint endpoint) => endpoint.Metadata.GetMetadata<MetricsEndpointMetadata>() is not null;
}

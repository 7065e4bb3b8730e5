using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Metrics.Generators.AspNetCore;

/// <summary>RouteTemplates reads the <c>route</c> label of an endpoint from routing metadata.</summary>
internal static class RouteTemplates
{
    /// <summary>
    /// Returns the endpoint's route template (<c>RoutePattern.RawText</c>, e.g. <c>/orders/{id:int}</c>), and
    /// <see cref="HttpServerMetrics.UnmatchedRoute"/> for an endpoint without one. Display names are never used: routing's
    /// own endpoints (the 405 for a method no endpoint of the path accepts) have names such as
    /// <c>405 HTTP Method Not Supported</c>, and no endpoint of the application matched such a request.
    /// </summary>
    /// <param name="endpoint">The matched endpoint.</param>
    /// <returns>The label value.</returns>
    public static string Of(Endpoint endpoint)
        => (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? HttpServerMetrics.UnmatchedRoute;

    /// <summary>Whether <paramref name="endpoint"/> is one mapped by <c>MapPrometheusMetrics()</c>.</summary>
    /// <param name="endpoint">The matched endpoint.</param>
    /// <returns>True for a metrics endpoint.</returns>
    public static bool IsMetricsEndpoint(Endpoint endpoint) => endpoint.Metadata.GetMetadata<MetricsEndpointMetadata>() is not null;
}

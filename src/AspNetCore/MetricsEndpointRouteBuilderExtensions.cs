using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Generators.AspNetCore;

/// <summary>Maps the endpoint Prometheus scrapes.</summary>
public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>The path <see cref="MapPrometheusMetrics(IEndpointRouteBuilder, string)"/> maps by default.</summary>
    public const string DefaultPattern = "/metrics";

    /// <summary>
    /// MapPrometheusMetrics serves the registry configured by <c>AddPrometheusMetrics()</c> (or <see cref="MetricRegistry.Default"/>)
    /// at <paramref name="pattern"/> for GET and HEAD, in text 0.0.4 or OpenMetrics by the <c>Accept</c> header,
    /// gzip-compressed when asked. It returns the endpoint's builder, so it composes with
    /// <c>RequireAuthorization()</c>, <c>RequireHost("*:9100")</c> (serve it on a management port only) and other
    /// conventions.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The route pattern, <c>/metrics</c> by default.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registry = endpoints.ServiceProvider.GetService<MetricRegistry>() ?? MetricRegistry.Default;
        return endpoints.MapPrometheusMetrics(pattern, registry);
    }

    /// <summary>MapPrometheusMetrics serves <paramref name="registry"/> at <paramref name="pattern"/>; see the other overload.</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="registry">The registry to serve.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern, MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(registry);
        return endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], context => MetricsResponse.WriteAsync(context, registry))
            .WithMetadata(MetricsEndpointMetadata.Instance)
            .WithDisplayName("Prometheus metrics");
    }
}

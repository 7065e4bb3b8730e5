using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore;

/// <summary>Maps the endpoint Prometheus scrapes.</summary>
public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>The path <see cref="MapPrometheusMetrics(IEndpointRouteBuilder, string)"/> maps by default.</summary>
    public const string DefaultPattern = "/metrics";

    /// <summary>
    /// MapPrometheusMetrics serves the registry configured by <c>AddPrometheusMetrics()</c> (or
    /// <see cref="MetricRegistry.Default"/>) at <paramref name="pattern"/> for GET and HEAD, in text 0.0.4 or
    /// OpenMetrics by the <c>Accept</c> header, gzip-compressed when asked, at most
    /// <see cref="MetricsOptions.MaxConcurrentScrapes"/> scrapes at a time (503 beyond). It returns the endpoint's
    /// builder, so it composes with <c>RequireAuthorization()</c> and other conventions, and with
    /// <see cref="MetricsEndpointConventionBuilder.RequireLocalPort"/> to serve it on a management port only.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The route pattern, <c>/metrics</c> by default.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static MetricsEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
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
    public static MetricsEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern, MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(registry);
        var options = endpoints.ServiceProvider.GetService<IOptions<MetricsOptions>>()?.Value;
        return Map(endpoints, pattern, registry, options?.MaxConcurrentScrapes ?? MetricsOptions.DefaultMaxConcurrentScrapes);
    }

    /// <summary>Maps the endpoint with its own cap on concurrent scrapes (shared by the mapped endpoint and <see cref="MetricServer"/>).</summary>
    internal static MetricsEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, MetricRegistry registry, int maxConcurrentScrapes)
    {
        var gate = new ScrapeGate(maxConcurrentScrapes);
        var endpoint = endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], context =>
            {
                // The fail-safe of RequireLocalPort: the handler itself refuses other listeners, whatever routing did.
                if (context.GetEndpoint()?.Metadata.GetMetadata<LocalPortMetadata>() is { } ports && !ports.Allows(context.Connection.LocalPort))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return MetricsResponse.WriteAsync(context, registry, gate);
            })
            .WithMetadata(MetricsEndpointMetadata.Instance)
            .WithDisplayName("Prometheus metrics");
        return new MetricsEndpointConventionBuilder(endpoint);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore;

/// <summary>Registers Metrics.Generators with an ASP.NET Core application.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// AddPrometheusMetrics measures every request (<c>http_requests_total</c>, <c>http_request_duration_seconds</c>,
    /// <c>http_requests_in_progress</c>, labelled by route template) and makes the registry available to
    /// <c>MapPrometheusMetrics()</c>. Call it once; <paramref name="configure"/> may be passed again to adjust options.
    /// Meters named in <see cref="MetricsOptions.ImportedMeters"/> are imported while the host runs.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Adjusts the options, e.g. latency buckets or the registry.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services, Action<MetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<MetricsOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(static provider => provider.GetRequiredService<IOptions<MetricsOptions>>().Value.Registry);
        services.TryAddSingleton(static provider =>
        {
            var options = provider.GetRequiredService<IOptions<MetricsOptions>>().Value;
            return PerRegistry<HttpServerMetrics>.GetOrCreate(options.Registry, registry => new HttpServerMetrics(registry, options.Http));
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, HttpMetricsStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MeterImportHostedService>());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Metrics.Generators.AspNetCore;

/// <summary>Runs a standalone metrics endpoint as part of a generic host.</summary>
public static class MetricServerServiceCollectionExtensions
{
    /// <summary>
    /// AddPrometheusMetricServer starts a <see cref="MetricServer"/> with the host and stops it with the host: the metrics
    /// endpoint of a worker service, or of a web app that serves metrics on a separate port. Without
    /// <paramref name="configure"/> it serves <see cref="MetricRegistry.Default"/> on 127.0.0.1:9100.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Adjusts address, port, path or registry.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPrometheusMetricServer(this IServiceCollection services, Action<MetricServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<MetricServerOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MetricServerHostedService>());
        return services;
    }
}

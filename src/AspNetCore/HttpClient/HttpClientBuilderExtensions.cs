using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore;

/// <summary>Adds outgoing-request metrics to clients made by <c>IHttpClientFactory</c>.</summary>
public static class HttpClientBuilderExtensions
{
    /// <summary>
    /// AddPrometheusHttpClientMetrics measures the requests of this client (or of every client, when called inside
    /// <c>services.ConfigureHttpClientDefaults(...)</c>) into <see cref="HttpClientMetrics"/>, labelled with the
    /// client's name. The metrics register in the registry of <c>AddPrometheusMetrics()</c>, or
    /// <see cref="MetricRegistry.Default"/>.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Buckets and label bounds; applied once, by the first call that passes it.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHttpClientBuilder AddPrometheusHttpClientMetrics(this IHttpClientBuilder builder, Action<HttpClientMetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<HttpClientMetricsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(static provider => PerRegistry<HttpClientMetrics>.GetOrCreate(
            provider.GetService<MetricRegistry>() ?? MetricRegistry.Default,
            registry => new HttpClientMetrics(registry, provider.GetRequiredService<IOptions<HttpClientMetricsOptions>>().Value)));

        // The handler is added per built handler chain, where the factory knows the client's name: that also works
        // for ConfigureHttpClientDefaults, whose builder has no name of its own.
        void AddHandler(HttpClientFactoryOptions factoryOptions)
            => factoryOptions.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(
                new HttpClientMetricsHandler(handlers.Services.GetRequiredService<HttpClientMetrics>(), handlers.Name)));

        if (builder.Name is null)
        {
            services.ConfigureAll<HttpClientFactoryOptions>(AddHandler);
        }
        else
        {
            services.Configure<HttpClientFactoryOptions>(builder.Name, AddHandler);
        }

        return builder;
    }
}

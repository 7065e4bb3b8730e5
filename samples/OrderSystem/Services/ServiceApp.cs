using Metrics.Generators;
using Metrics.Generators.AspNetCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrderSystem.Services;

/// <summary>ServiceApp is what the four services share: a loopback listener, quiet logs, and RED metrics into the service's own registry.</summary>
internal static class ServiceApp
{
    /// <summary>The latency SLO every service declares: 250 ms, a bucket of the default layout.</summary>
    public const double LatencySloSeconds = 0.25;

    public static WebApplicationBuilder CreateBuilder(int port, MetricRegistry registry)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(ServiceApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Program's host owns SIGTERM and Ctrl+C; a ConsoleLifetime per service would swallow them for the process.
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        builder.Services.AddPrometheusMetrics(options =>
        {
            options.Registry = registry;
            options.Http.DurationSlo = LatencySloSeconds;
        });
        return builder;
    }

    /// <summary>A host lifetime that handles no signals: the process's host stops the service.</summary>
    private sealed class SignalFreeLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The address the app listens on, with the real port when 0 was asked for.</summary>
    public static Uri AddressOf(WebApplication app)
        => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

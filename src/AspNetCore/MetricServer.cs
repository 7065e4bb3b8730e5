using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricServer serves a registry over HTTP on its own Kestrel listener: the metrics endpoint for console apps and
/// worker services (what <c>start_http_server</c> is to Python's client), or for a web app that keeps metrics on a
/// separate management port. It serves the path in <see cref="MetricServerOptions.Path"/> (GET and HEAD) with the
/// same negotiation and gzip as <c>MapPrometheusMetrics()</c>, and 404 elsewhere.
/// </summary>
/// <example>
/// <code>
/// await using var server = await MetricServer.StartAsync(new MetricServerOptions { Port = 9100 });
/// </code>
/// </example>
public sealed class MetricServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private MetricServer(WebApplication app) => _app = app;

    /// <summary>The addresses the server listens on, with the actual port when 0 was asked for.</summary>
    public IReadOnlyList<string> Urls
        => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>Starts a server; it listens until disposed or stopped.</summary>
    /// <param name="options">Where to listen and what to serve; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server.</returns>
    /// <exception cref="ArgumentException">When the host is not an address Kestrel can bind.</exception>
    /// <exception cref="IOException">When the address is in use.</exception>
    public static async Task<MetricServer> StartAsync(MetricServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MetricServerOptions();
        ArgumentNullException.ThrowIfNull(options.Registry);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);

        // An empty builder reads no configuration or environment (ASPNETCORE_URLS must not move this listener)
        // and logs nothing: the host application owns logging.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => Listen(kestrel, options.Host, options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapPrometheusMetrics(options.Path, options.Registry);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new MetricServer(app);
    }

    /// <summary>Stops listening; in-flight scrapes get until <paramref name="cancellationToken"/> to finish.</summary>
    /// <param name="cancellationToken">Ends the graceful stop.</param>
    /// <returns>A task that completes when the listener is closed.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, string host, int port)
    {
        if (host is "*" or "+" or "0.0.0.0")
        {
            kestrel.ListenAnyIP(port);
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port);
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            kestrel.Listen(address, port);
        }
        else
        {
            throw new ArgumentException($"MetricServer host '{host}' is not an IP address, 'localhost' or '*'.", nameof(host));
        }
    }
}

using System.Net;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricServer serves a registry over HTTP on its own Kestrel listener: the metrics endpoint for console apps and
/// worker services (what <c>start_http_server</c> is to Python's client), or for a web app that keeps metrics on a
/// separate management port. It serves the path in <see cref="MetricServerOptions.Path"/> (GET and HEAD) with the
/// same negotiation and gzip as <c>MapPrometheusMetrics()</c>, and 404 elsewhere; credentials, a request predicate
/// and TLS are set in <see cref="MetricServerOptions"/>.
/// </summary>
/// <remarks>
/// The server installs no signal handlers of its own: SIGTERM and Ctrl+C end the process as they would without it.
/// A console program that wants to stop gracefully on them awaits <see cref="WaitForShutdownAsync"/> or watches
/// <see cref="ShutdownRequested"/>; only then are the signals taken over (and the process's <c>Main</c> returns, exit
/// code 0). In a generic host, use <c>AddPrometheusMetricServer()</c> instead: the host owns the signals.
/// </remarks>
/// <example>
/// <code>
/// await using var server = await MetricServer.StartAsync(new MetricServerOptions { Port = 9100 });
/// await server.WaitForShutdownAsync(); // returns on SIGTERM, SIGINT (Ctrl+C) or SIGQUIT
/// </code>
/// </example>
public sealed class MetricServer : IAsyncDisposable
{
    private static readonly PosixSignal[] ShutdownSignals = [PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT];

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _signalsLock = new();
    private List<PosixSignalRegistration>? _signals;
    private volatile bool _observed;
    private int _waiters;
    private int _stopped;
    private bool _disposed;

    private MetricServer(WebApplication app) => _app = app;

    /// <summary>The addresses the server listens on, with the actual port when 0 was asked for.</summary>
    public IReadOnlyList<string> Urls
        => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>
    /// ShutdownRequested is cancelled when the process receives SIGTERM, SIGINT (Ctrl+C) or SIGQUIT, or when the
    /// server stops. Reading it takes those signals over for good: they no longer end the process by themselves, the
    /// program ends when its <c>Main</c> returns. Pass it to the work loop of a console worker.
    /// </summary>
    public CancellationToken ShutdownRequested
    {
        get
        {
            _observed = true;
            HandleSignals();
            return _shutdown.Token;
        }
    }

    /// <summary>Starts a server; it listens until disposed or stopped.</summary>
    /// <param name="options">Where to listen and what to serve; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server.</returns>
    /// <exception cref="ArgumentException">When the host is not an address Kestrel can bind, or credentials are malformed.</exception>
    /// <exception cref="IOException">When the address is in use.</exception>
    public static async Task<MetricServer> StartAsync(MetricServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MetricServerOptions();
        ArgumentNullException.ThrowIfNull(options.Registry);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentScrapes, 1);
        var authorization = MetricServerAuthorization.For(options);

        // An empty builder reads no configuration or environment (ASPNETCORE_URLS must not move this listener)
        // and logs nothing: the host application owns logging. Its lifetime installs no signal handlers: a default
        // ConsoleLifetime would swallow SIGTERM and Ctrl+C of the whole process and leave it running.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => Listen(kestrel, options.Host, options.Port, options.ConfigureListener));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        if (authorization is not null)
        {
            app.Use((context, next) => authorization.Check(context) ? next(context) : Task.CompletedTask);
        }

        app.UseRouting();
        MetricsEndpointRouteBuilderExtensions.Map(app, options.Path, options.Registry, options.MaxConcurrentScrapes);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new MetricServer(app);
    }

    /// <summary>
    /// WaitForShutdownAsync completes when the process receives SIGTERM, SIGINT (Ctrl+C) or SIGQUIT, when
    /// <paramref name="cancellationToken"/> is cancelled, or when the server is stopped; it then stops the server
    /// gracefully. While it waits, those signals do not end the process: the program carries on after the await and
    /// ends when its <c>Main</c> returns.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait as a signal would.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _waiters);
        try
        {
            HandleSignals();
            var shutdown = _shutdown.Token;
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (shutdown.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), stopped))
            using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), stopped))
            {
                await stopped.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }

        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Stops listening; in-flight scrapes get until <paramref name="cancellationToken"/> to finish.</summary>
    /// <param name="cancellationToken">Ends the graceful stop.</param>
    /// <returns>A task that completes when the listener is closed.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            RequestShutdown();
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (_signalsLock)
        {
            _disposed = true;
            foreach (var signal in _signals ?? [])
            {
                signal.Dispose();
            }

            _signals = null;
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    /// <summary>Registers for the shutdown signals the first time someone asks to be told of them.</summary>
    private void HandleSignals()
    {
        lock (_signalsLock)
        {
            if (_signals is not null || _disposed)
            {
                return;
            }

            _signals = [];
            foreach (var signal in ShutdownSignals)
            {
                try
                {
                    _signals.Add(PosixSignalRegistration.Create(signal, OnSignal));
                }
                catch (PlatformNotSupportedException)
                {
                    // Browser and other platforms without the signal: nothing to take over.
                }
            }
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Nobody asked: let the signal do what it does by default (end the process).
        if (!_observed && Volatile.Read(ref _waiters) == 0)
        {
            return;
        }

        context.Cancel = true;
        RequestShutdown(fromSignal: true);
    }

    private void RequestShutdown(bool fromSignal = false)
    {
        if (fromSignal)
        {
            // Off the signal-handling thread: token callbacks are the application's code.
            ThreadPool.QueueUserWorkItem(static server => server.RequestShutdown(), this, preferLocal: false);
            return;
        }

        lock (_signalsLock)
        {
            if (!_disposed)
            {
                _shutdown.Cancel();
            }
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions>? configure)
    {
        configure ??= static _ => { };
        if (host is "*" or "+" or "0.0.0.0")
        {
            kestrel.ListenAnyIP(port, configure);
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port, configure);
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            kestrel.Listen(address, port, configure);
        }
        else
        {
            throw new ArgumentException($"MetricServer host '{host}' is not an IP address, 'localhost' or '*'.", nameof(host));
        }
    }

    /// <summary>A host lifetime that waits for nothing and handles no signals: the process's owner decides when it ends.</summary>
    private sealed class SignalFreeLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

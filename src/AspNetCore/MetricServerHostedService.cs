using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore;

/// <summary>Runs a <see cref="MetricServer"/> for the lifetime of a host (see <c>AddPrometheusMetricServer</c>).</summary>
internal sealed class MetricServerHostedService(IOptions<MetricServerOptions> options) : IHostedService, IAsyncDisposable
{
    private MetricServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
        => _server = await MetricServer.StartAsync(options.Value, cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken)
        => _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MeterImportHostedService runs the import of <see cref="MetricsOptions.ImportedMeters"/> from host start to host
/// stop. Meters are scoped to this host's <c>IMeterFactory</c> unless the options name a scope, so several hosts in
/// one process (tests, multi-app processes) each import their own ASP.NET Core meters.
/// </summary>
internal sealed class MeterImportHostedService(IOptions<MetricsOptions> options, IServiceProvider services) : IHostedService, IDisposable
{
    private MeterImport? _import;

    /// <summary>The running import (null before start, after stop, or when no meter is named).</summary>
    internal MeterImport? Import => Volatile.Read(ref _import);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var metrics = options.Value;
        if (metrics.ImportedMeters.Count == 0)
        {
            return Task.CompletedTask;
        }

        // The collectors first: they keep their names whichever of the two starts first.
        CollectorsRegistration.Ensure(metrics);
        var configured = metrics.MeterImport;
        var import = new MeterImportOptions
        {
            MaxSeriesPerInstrument = configured.MaxSeriesPerInstrument,
            MeterScope = configured.MeterScope ?? services.GetService<IMeterFactory>(),
        };
        foreach (var (instrument, bounds) in configured.HistogramBuckets)
        {
            import.HistogramBuckets[instrument] = bounds;
        }

        _import = metrics.Registry.ImportMeters(import, metrics.ImportedMeters.Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _import, null)?.Dispose();
    }
}

using Metrics.Generators;
using OrderSystem.Services;

namespace OrderSystem;

/// <summary>
/// OrderSystemHost runs the four services of the seed's order system in one process, each its own Kestrel app
/// on 127.0.0.1 with its own <see cref="MetricRegistry"/> (so each <c>/metrics</c> shows only that service, as four
/// processes would). Ports are consecutive from a base port (8001 by default), or all free ports when it is 0.
/// </summary>
/// <remarks>
/// One process keeps the sample to one command and one build; the process collectors therefore describe the
/// whole process in every service. Business metrics are created per service registry with the generated types'
/// registry constructors; a single-service app uses the static properties and <see cref="MetricRegistry.Default"/>.
/// </remarks>
internal sealed class OrderSystemHost : IAsyncDisposable
{
    /// <summary>The Prometheus job name of each service, in start order of the seed's ports 8001–8004.</summary>
    public static readonly string[] Jobs = ["order-service", "inventory-service", "payment-service", "notification-service"];

    private readonly List<WebApplication> _apps = [];
    private readonly List<IDisposable> _exporters = [];
    private readonly OtlpPush? _otlp;

    private OrderSystemHost(OtlpPush? otlp) => _otlp = otlp;

    /// <summary>Each service's base address by job name.</summary>
    public Dictionary<string, Uri> Addresses { get; } = new(StringComparer.Ordinal);

    /// <summary>Each service's registry by job name.</summary>
    public Dictionary<string, MetricRegistry> Registries { get; } = new(StringComparer.Ordinal);

    public Uri OrderAddress => Addresses[Jobs[0]];

    /// <summary>Starts the four services; with <paramref name="otlp"/>, each also pushes its metrics over OTLP.</summary>
    public static async Task<OrderSystemHost> StartAsync(int basePort = 8001, CancellationToken cancellationToken = default, OtlpPush? otlp = null)
    {
        var host = new OrderSystemHost(otlp);
        try
        {
            int Port(int offset) => basePort == 0 ? 0 : basePort + offset;
            var inventory = await host.StartAsync(Jobs[1], registry => InventoryService.Build(Port(1), registry), cancellationToken);
            var payment = await host.StartAsync(Jobs[2], registry => PaymentService.Build(Port(2), registry), cancellationToken);
            var notification = await host.StartAsync(Jobs[3], registry => NotificationService.Build(Port(3), registry), cancellationToken);
            await host.StartAsync(Jobs[0], registry => OrderService.Build(Port(0), registry, inventory, payment, notification), cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync();
        }

        // After the apps stopped and before their registries go: the exporters' last push sees every request.
        foreach (var exporter in _exporters)
        {
            exporter.Dispose();
        }

        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.DisposeAsync();
        }
    }

    private async Task<Uri> StartAsync(string job, Func<MetricRegistry, WebApplication> build, CancellationToken cancellationToken)
    {
        // The service's identity, the same in target_info on /metrics and in the OTLP resource.
        var options = new MetricRegistryOptions { PublishInstruments = _otlp is not null, MeterName = "OrderSystem." + job };
        options.TargetInfo["service.name"] = job;
        options.TargetInfo["service.instance.id"] = $"{Environment.MachineName}-{Environment.ProcessId}-{job}";
        options.TargetInfo["deployment.environment"] = Environment.GetEnvironmentVariable("DEPLOYMENT_ENVIRONMENT") ?? "sample";
        var registry = new MetricRegistry(options);

        // Listening before the service exists: a histogram records into the SDK only while it listens, and the
        // service observes some (the database's connection open) while it starts.
        if (_otlp is not null)
        {
            _exporters.Add(_otlp.Start(registry));
        }

        var app = build(registry);
        _apps.Add(app);
        await app.StartAsync(cancellationToken);
        var address = ServiceApp.AddressOf(app);
        Addresses[job] = address;
        Registries[job] = registry;
        return address;
    }
}

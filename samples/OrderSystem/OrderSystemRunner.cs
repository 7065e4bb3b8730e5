using System.Globalization;

namespace OrderSystem;

/// <summary>
/// OrderSystemRunner is the sample's hosted service: it starts the four services (and the traffic generator) with the
/// host and stops them, in reverse, when the host stops on SIGTERM or Ctrl+C.
/// </summary>
internal sealed class OrderSystemRunner(int basePort, (double RequestsPerSecond, double FaultRate)? traffic, OtlpPush? otlp = null) : IHostedService
{
    private readonly CancellationTokenSource _stopTraffic = new();
    private OrderSystemHost? _system;
    private Task _traffic = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _system = await OrderSystemHost.StartAsync(basePort, cancellationToken, otlp);
        foreach (var (job, address) in _system.Addresses.OrderBy(a => a.Value.Port))
        {
            Console.WriteLine($"{job,-21} {address}  metrics: {new Uri(address, "/metrics")}");
        }

        if (traffic is var (requestsPerSecond, faultRate))
        {
            Console.WriteLine($"traffic: {requestsPerSecond.ToString(CultureInfo.InvariantCulture)} requests/s to {_system.OrderAddress}, {faultRate:P0} with an injected payment fault (--no-traffic to stop it)");
            _traffic = new TrafficGenerator(_system.OrderAddress, requestsPerSecond, faultRate).RunAsync(_stopTraffic.Token);
        }

        if (otlp is not null)
        {
            Console.WriteLine($"otlp: pushing every {otlp.IntervalMilliseconds} ms to {new Uri(otlp.Endpoint, "v1/metrics")} ({otlp.Temporality.ToString().ToLowerInvariant()}), as well as serving /metrics");
        }

        Console.WriteLine("Ctrl+C stops everything.");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopTraffic.CancelAsync();
        try
        {
            await _traffic;
        }
        catch (OperationCanceledException)
        {
        }

        if (_system is not null)
        {
            await _system.DisposeAsync();
        }

        _stopTraffic.Dispose();
        Console.WriteLine("stopped");
    }
}

using System.Globalization;
using OrderSystem;

// dotnet run --project samples/OrderSystem [-- --base-port 8001] [--no-traffic] [--rps 10] [--fault-rate 0.02]
// dotnet run --project samples/OrderSystem -- --write-monitoring DIR   (rules + dashboard, then exit; DIR is relative to the project directory)
var monitoringIndex = Array.IndexOf(args, "--write-monitoring");
if (monitoringIndex >= 0)
{
    var directory = monitoringIndex + 1 < args.Length ? args[monitoringIndex + 1] : "monitoring";
    OrderSystemMonitoring.Write(directory);
    Console.WriteLine($"wrote {Path.Combine(Path.GetFullPath(directory), Metrics.Generators.Monitoring.MonitoringArtifacts.RulesFileName)} and {Path.Combine(Path.GetFullPath(directory), Metrics.Generators.Monitoring.MonitoringArtifacts.DashboardFileName)}");
    return;
}

var basePort = Option("--base-port", 8001);
var traffic = !args.Contains("--no-traffic");
var requestsPerSecond = Option("--rps", 10.0);
var faultRate = Option("--fault-rate", 0.02);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var system = await OrderSystemHost.StartAsync(basePort, stop.Token);
foreach (var (job, address) in system.Addresses.OrderBy(a => a.Value.Port))
{
    Console.WriteLine($"{job,-21} {address}  metrics: {new Uri(address, "/metrics")}");
}

if (traffic)
{
    Console.WriteLine($"traffic: {requestsPerSecond.ToString(CultureInfo.InvariantCulture)} requests/s to {system.OrderAddress}, {faultRate:P0} with an injected payment fault (--no-traffic to stop it)");
}

Console.WriteLine("Ctrl+C stops everything.");
try
{
    await (traffic
        ? new TrafficGenerator(system.OrderAddress, requestsPerSecond, faultRate).RunAsync(stop.Token)
        : Task.Delay(Timeout.Infinite, stop.Token));
}
catch (OperationCanceledException)
{
}

T Option<T>(string name, T fallback)
    where T : IParsable<T>
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? T.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

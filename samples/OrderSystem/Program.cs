using System.Globalization;
using OrderSystem;

// dotnet run --project samples/OrderSystem [-- --base-port 8001] [--no-traffic] [--rps 10] [--fault-rate 0.02]
// dotnet run --project samples/OrderSystem -- --otlp http://127.0.0.1:4318 [--otlp-temporality cumulative|delta] [--otlp-interval-ms 10000]
//   (push mode: every service also exports its metrics over OTLP/HTTP protobuf, besides serving /metrics)
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
var otlp = OtlpPush.FromArguments(args);

// A generic host owns the process's lifetime: its ConsoleLifetime turns SIGTERM and Ctrl+C into a graceful stop of
// the four services (RunAsync returns, exit code 0). The services' own hosts handle no signals (ServiceApp).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
builder.Services.AddHostedService(_ => new OrderSystemRunner(basePort, traffic ? (requestsPerSecond, faultRate) : null, otlp));
await builder.Build().RunAsync();

T Option<T>(string name, T fallback)
    where T : IParsable<T>
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? T.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

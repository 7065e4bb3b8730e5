using Metrics.Generators;
using Metrics.Generators.AspNetCore;

// dotnet MetricServerConsole.dll [port]   (0 picks a free port; the URL is printed)
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 9100;
DefaultCollectors.Register(MetricRegistry.Default);

// The README's console worker: metrics on their own port, work until SIGTERM or Ctrl+C, then a clean exit (code 0).
await using var server = await MetricServer.StartAsync(new MetricServerOptions { Port = port });
Console.WriteLine($"metrics: {server.Urls[0]}/metrics");

var work = Task.Run(async () =>
{
    var stop = server.ShutdownRequested;
    while (!stop.IsCancellationRequested)
    {
        await Task.Delay(100, stop).ContinueWith(_ => { }, TaskScheduler.Default);  // one unit of work
    }
});

await server.WaitForShutdownAsync();   // returns on SIGTERM, SIGINT or SIGQUIT, with the server stopped
await work;
Console.WriteLine("stopped");

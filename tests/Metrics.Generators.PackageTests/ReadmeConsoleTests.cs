using System.Net;
using System.Net.Sockets;
using Metrics.Generators.PackageTests.Support;

namespace Metrics.Generators.PackageTests;

/// <summary>
/// ReadmeConsoleTests builds the README's console/worker lines in a new <c>dotnet new console</c> project against
/// the packed packages, runs it as a real process and stops it the two ways an operator does — SIGTERM (containers,
/// systemd) and SIGINT (Ctrl+C): each must exit 0 within 10 s without an unhandled exception.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ReadmeConsoleTests(PackedPackages packages)
{
    private const string DefaultStart = "MetricServer.StartAsync()";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task ReadmeConsoleServer_ServesMetrics_AndStopsCleanlyOnSignal(string signal)
    {
        var parent = packages.NewDirectory($"console-{signal}-parent");
        packages.WriteNuGetConfig(parent);
        ChildProcess.Run(parent, "dotnet", "new", "console", "--name", "worker", "--output", "worker");
        var project = Path.Combine(parent, "worker");
        ChildProcess.Run(project, "dotnet", "add", "package", "Metrics.Generators", "--version", packages.Version);
        ChildProcess.Run(project, "dotnet", "add", "package", "Metrics.Generators.AspNetCore", "--version", packages.Version);

        // The README's lines, with one change: a free port instead of 9100, so the test never meets another server.
        var program = Repository.ReadmeBlock("console");
        Assert.Contains(DefaultStart, program);
        var port = FreePort();
        File.WriteAllText(Path.Combine(project, "Program.cs"), program.Replace(DefaultStart, $"MetricServer.StartAsync(new MetricServerOptions {{ Port = {port} }})", StringComparison.Ordinal));
        ChildProcess.Run(project, "dotnet", "build", "-c", "Release", "-o", "out", "-p:TreatWarningsAsErrors=true");

        using var app = ChildProcess.StartApp(project, "dotnet", Path.Combine(project, "out", "worker.dll"));
        var metrics = new Uri($"http://127.0.0.1:{port}/metrics");
        var exposition = await WaitForAsync(metrics, app);
        Assert.Contains("\nprocess_cpu_seconds_total ", exposition);
        await app.StopWithAsync(signal, TestContext.Current.CancellationToken);
    }

    private static async Task<string> WaitForAsync(Uri metrics, ChildProcess app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(app.HasExited, "the console app exited before serving:\n" + app.Output);
            try
            {
                return await Http.GetStringAsync(metrics);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

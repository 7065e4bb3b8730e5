using System.Net;
using System.Net.Sockets;

namespace Metrics.Generators.AspNetCore.Tests;

public sealed class MetricServerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serves_the_registry_on_loopback_and_nothing_else()
    {
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("jobs_total", MetricType.Counter, "Jobs done.", null, []))).GetOrAdd(0).Inc();
        await using var server = await MetricServer.StartAsync(new MetricServerOptions { Port = 0, Registry = registry }, Ct);
        var url = Assert.Single(server.Urls);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        var text = await client.GetStringAsync("/metrics", Ct);
        using var elsewhere = await client.GetAsync("/", Ct);

        Assert.Contains("jobs_total 1\n", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Stops_listening_when_disposed()
    {
        var server = await MetricServer.StartAsync(new MetricServerOptions { Port = 0, Registry = new MetricRegistry(), Path = "/m" }, Ct);
        var uri = new Uri(Assert.Single(server.Urls));
        using (var client = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(uri, "/m"), Ct)).StatusCode);
        }

        await server.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(IPAddress.Loopback, uri.Port, Ct));
    }

    [Fact]
    public async Task WaitForShutdownAsync_ends_with_its_token_and_stops_the_server()
    {
        await using var server = await MetricServer.StartAsync(new MetricServerOptions { Port = 0, Registry = new MetricRegistry() }, Ct);
        var uri = new Uri(Assert.Single(server.Urls));
        using var stop = new CancellationTokenSource();
        var waiting = server.WaitForShutdownAsync(stop.Token);
        Assert.False(waiting.IsCompleted);

        await stop.CancelAsync();
        await waiting;

        Assert.True(server.ShutdownRequested.IsCancellationRequested);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(IPAddress.Loopback, uri.Port, Ct));
    }

    [Fact]
    public async Task ShutdownRequested_is_cancelled_when_the_server_is_stopped()
    {
        await using var server = await MetricServer.StartAsync(new MetricServerOptions { Port = 0, Registry = new MetricRegistry() }, Ct);
        var shutdown = server.ShutdownRequested;
        Assert.False(shutdown.IsCancellationRequested);

        await server.StopAsync(Ct);

        Assert.True(shutdown.IsCancellationRequested);
    }

    [Fact]
    public async Task A_busy_port_is_a_clear_error()
    {
        await using var first = await MetricServer.StartAsync(new MetricServerOptions { Port = 0, Registry = new MetricRegistry() }, Ct);
        var port = new Uri(Assert.Single(first.Urls)).Port;

        var error = await Assert.ThrowsAsync<IOException>(() => MetricServer.StartAsync(new MetricServerOptions { Port = port, Registry = new MetricRegistry() }, Ct));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_host_that_is_not_an_address()
        => await Assert.ThrowsAsync<ArgumentException>(() => MetricServer.StartAsync(new MetricServerOptions { Host = "example.com", Port = 0 }, Ct));
}

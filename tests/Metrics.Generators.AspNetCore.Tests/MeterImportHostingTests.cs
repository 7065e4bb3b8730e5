using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Metrics.Generators.AspNetCore.Tests;

/// <summary>
/// ASP.NET Core's and the runtime's own meters on our /metrics: a real Kestrel app on 127.0.0.1 with a free port,
/// importing <c>Microsoft.AspNetCore.Hosting</c> and <c>System.Runtime</c> through <c>AddPrometheusMetrics</c>.
/// </summary>
public sealed class MeterImportHostingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_show_as_http_server_request_duration_with_the_real_tags_and_the_runtime_meter_beside_our_collectors()
    {
        var registry = new MetricRegistry();
        await using var app = await StartAsync(registry, options => options.ImportMeters("Microsoft.AspNetCore.Hosting", "System.Runtime"));
        using var client = new HttpClient { BaseAddress = new Uri(Address(app)) };
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("item " + i, await client.GetStringAsync("/items/" + i, Ct));
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/missing", Ct)).StatusCode);

        // ASP.NET Core records the duration after the response is sent: wait (bounded) until the last one landed.
        var route = new[] { ("http_route", "/items/{id}"), ("http_request_method", "GET"), ("http_response_status_code", "200"), ("url_scheme", "http") };
        var text = await ScrapeUntilAsync(client, text => Count(text, "http_server_request_duration_seconds_count", route) == 5);

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Equal(5, Scrape.Value(text, "http_server_request_duration_seconds_count", route));
        Assert.Equal(5, Scrape.Value(text, "http_server_request_duration_seconds_bucket", [.. route, ("le", "+Inf")]));
        Assert.True(Scrape.Value(text, "http_server_request_duration_seconds_sum", route) > 0);
        var first = Scrape.Samples(text, "http_server_request_duration_seconds_count").First(s => s.Labels.GetValueOrDefault("http_route") == "/items/{id}");
        Assert.Equal(["http_request_method", "http_response_status_code", "http_route", "network_protocol_version", "url_scheme"], first.Labels.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1.1", first.Labels["network_protocol_version"]);

        // ASP.NET Core's advice buckets (0.005 … 10), not our defaults' 14.
        Assert.Equal(
            ["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "+Inf"],
            Scrape.Samples(text, "http_server_request_duration_seconds_bucket").Where(s => s.Labels.GetValueOrDefault("http_route") == "/items/{id}").Select(s => s.Labels["le"]));

        // The runtime meter, beside our own collectors: where a name clashes (dotnet.gc.collections → dotnet_gc_collections_total)
        // the collector keeps it and the instrument is skipped, so the app starts and the series are our collector's.
        Assert.True(Scrape.Value(text, "dotnet_process_cpu_time_seconds_total", ("cpu_mode", "user")) > 0);
        Assert.True(Scrape.Value(text, "dotnet_gc_heap_total_allocated_bytes_total") > 0);
        Assert.True(Scrape.Value(text, "dotnet_assembly_count") > 0);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter\n", text, StringComparison.Ordinal);
        Assert.All(Scrape.Samples(text, "dotnet_gc_collections_total"), s => Assert.Equal(["generation"], s.Labels.Keys));
        Assert.True(Scrape.Value(text, "process_cpu_seconds_total") > 0);
        var import = app.Services.GetServices<IHostedService>().OfType<MeterImportHostedService>().Single().Import!;
        Assert.Equal(
            [("dotnet.exceptions", "dotnet_exceptions_total"), ("dotnet.gc.collections", "dotnet_gc_collections_total")],
            import.Skipped.Select(s => (s.InstrumentName, s.MetricName)).Order());
        Assert.All(import.Skipped, s => Assert.Equal("System.Runtime", s.MeterName));

        AssertPromtoolCleanButRuntimeCounts(text);
    }

    [Fact]
    public async Task Without_the_collectors_the_runtime_meter_provides_the_dotnet_names_itself()
    {
        var registry = new MetricRegistry();
        await using var app = await StartAsync(registry, options =>
        {
            options.Collectors = null;
            options.ImportedMeters.Add("System.Runtime");
        });
        GC.Collect(0);

        var text = Scrape.Text(registry);

        Assert.True(Scrape.Value(text, "dotnet_gc_collections_total", ("gc_heap_generation", "gen0")) >= 1);
        Scrape.AssertAbsent(text, "process_cpu_seconds_total");
        AssertPromtoolCleanButRuntimeCounts(text);
    }

    [Fact]
    public async Task Each_host_imports_its_own_aspnetcore_meter_and_stopping_the_host_removes_the_families()
    {
        var (first, second) = (new MetricRegistry(), new MetricRegistry());
        var app = await StartAsync(first, options => options.ImportMeters("Microsoft.AspNetCore.Hosting"));
        await using var other = await StartAsync(second, options => options.ImportMeters("Microsoft.AspNetCore.Hosting"));
        using var client = new HttpClient { BaseAddress = new Uri(Address(app)) };
        await client.GetStringAsync("/items/1", Ct);
        await ScrapeUntilAsync(client, text => Count(text, "http_server_request_duration_seconds_count", ("http_route", "/items/{id}")) == 1);

        Scrape.AssertAbsent(Scrape.Text(second), "http_server_request_duration_seconds_count", ("http_route", "/items/{id}"));

        await app.StopAsync(Ct);
        await app.DisposeAsync();
        Scrape.AssertAbsent(Scrape.Text(first), "http_server_request_duration_seconds_count");
    }

    [Fact]
    public void No_meter_is_imported_unless_named()
    {
        var options = new MetricsOptions();

        Assert.Empty(options.ImportedMeters);
        Assert.Same(options, options.ImportMeters("A", "B"));
        Assert.Equal(["A", "B"], options.ImportedMeters);
    }

    private static async Task<WebApplication> StartAsync(MetricRegistry registry, Action<MetricsOptions> configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPrometheusMetrics(options =>
        {
            options.Registry = registry;
            configure(options);
        });
        var app = builder.Build();
        app.MapGet("/items/{id}", (int id) => "item " + id);
        app.MapPrometheusMetrics();
        await app.StartAsync(Ct);
        return app;
    }

    // System.Runtime names gauges dotnet.assembly.count, dotnet.timer.count, …: the compatibility rules keep them as
    // dotnet_assembly_count (as OpenTelemetry's exporter does, so its dashboards work), which promtool's linter dislikes
    // for a gauge. That one lint, for those names, is expected; any other problem or a parse error fails.
    private static void AssertPromtoolCleanButRuntimeCounts(string text)
    {
        var (exitCode, stdout, stderr) = ExternalTools.Run(ExternalTools.Promtool(), ["check", "metrics"], text);
        var problems = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !System.Text.RegularExpressions.Regex.IsMatch(line, "^dotnet_[a-z_]+_count non-histogram and non-summary metrics should not have \"_count\" suffix$"))
            .ToArray();
        Assert.True(exitCode is 0 or 3 && problems.Length == 0, $"promtool check metrics exited {exitCode}:\n{string.Join('\n', problems)}");
    }

    private static string Address(WebApplication app)
        => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    private static double Count(string text, string name, params (string Key, string Value)[] match)
        => Scrape.Samples(text, name).Where(s => match.All(m => s.Labels.GetValueOrDefault(m.Key) == m.Value)).Sum(s => s.Value);

    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var text = await client.GetStringAsync("/metrics", Ct);
            if (done(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(50, Ct);
        }
    }
}

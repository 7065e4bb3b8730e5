using Metrics.Generators.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using static Metrics.Generators.Tests.Support.Scrape;

namespace Metrics.Generators.AspNetCore.Tests;

public sealed class HostingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hosts_on_one_registry_share_the_families_instead_of_failing()
    {
        // What WebApplicationFactory-style tests do with MetricRegistry.Default: one host after another, same registry.
        var shared = new MetricRegistry();
        await using (var first = await TestApp.StartAsync(a => a.MapGet("/", () => "ok"), o => o.Registry = shared))
        {
            await first.Client.GetStringAsync("/", Ct);
        }

        await using (var second = await TestApp.StartAsync(a => a.MapGet("/", () => "ok"), o => o.Registry = shared))
        {
            await second.Client.GetStringAsync("/", Ct);
        }

        var text = Text(shared);
        Assert.Equal(2, Value(text, "http_requests_total", ("route", "/")));
        Assert.Single(Samples(text, "process_cpu_seconds_total"));
    }

    [Fact]
    public async Task Default_collectors_are_registered_and_can_be_switched_off()
    {
        await using var withAll = await TestApp.StartAsync(a => a.MapPrometheusMetrics());
        await using var withoutExceptions = await TestApp.StartAsync(a => a.MapPrometheusMetrics(), o => o.Collectors = new DefaultCollectorOptions { Exceptions = false });
        await using var withNone = await TestApp.StartAsync(a => a.MapPrometheusMetrics(), o => o.Collectors = null);

        var all = await withAll.Client.GetStringAsync("/metrics", Ct);
        Assert.True(Value(all, "process_cpu_seconds_total") > 0);
        Assert.True(Value(all, "process_resident_memory_bytes") > 0);
        Assert.Contains("dotnet_gc_collections_total{generation=\"0\"}", all, StringComparison.Ordinal);
        Assert.Contains("dotnet_exceptions_total", all, StringComparison.Ordinal);

        var some = await withoutExceptions.Client.GetStringAsync("/metrics", Ct);
        Assert.Contains("process_cpu_seconds_total", some, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_exceptions_total", some, StringComparison.Ordinal);

        var none = await withNone.Client.GetStringAsync("/metrics", Ct);
        Assert.DoesNotContain("process_", none, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_served_scrape_with_every_integration_passes_promtool()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/orders/{id:int}", (int id) => id);
            a.MapPrometheusMetrics();
        });
        await app.Client.GetStringAsync("/orders/1", Ct);
        await app.Client.GetAsync("/nowhere", Ct);

        var text = await app.Client.GetStringAsync("/metrics", Ct);

        var promtool = Metrics.Generators.Tests.Support.ExternalTools.Promtool();
        var (exit, stdout, stderr) = Metrics.Generators.Tests.Support.ExternalTools.Run(promtool, ["check", "metrics"], text);
        Assert.True(exit == 0, $"promtool check metrics exited {exit}:\n{stdout}{stderr}");
    }
}

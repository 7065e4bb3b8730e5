using Metrics.Generators.AspNetCore;
using Metrics.Generators.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Metrics.Generators.EndToEnd.Tests;

/// <summary>
/// ASP.NET Core's own request histogram, imported from its meter, scraped by the real Prometheus 2.42 and queried with
/// PromQL: the count Prometheus stores is the number of requests the test made.
/// </summary>
public sealed class ImportedMeterPrometheusTests
{
    private const int Requests = 25;

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prometheus_stores_the_imported_aspnetcore_histogram_with_its_real_tags()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPrometheusMetrics(options =>
        {
            options.Registry = new MetricRegistry();
            options.ImportMeters("Microsoft.AspNetCore.Hosting");
        });
        await using var app = builder.Build();
        app.MapGet("/work/{id}", (int id) => "done " + id);
        app.MapPrometheusMetrics();
        await app.StartAsync(Ct);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        using var client = new HttpClient { BaseAddress = address };
        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal("done " + i, await client.GetStringAsync("/work/" + i, Ct));
        }

        await using var prometheus = await PrometheusServer.StartAsync(new Dictionary<string, Uri> { ["imported"] = address }, "1s", rulesYaml: null, Ct);

        const string Count = "sum(http_server_request_duration_seconds_count{job=\"imported\",http_route=\"/work/{id}\",http_request_method=\"GET\",http_response_status_code=\"200\"})";
        Assert.Equal(Requests, await prometheus.WaitForAsync(Count, value => value >= Requests, TimeSpan.FromSeconds(30), Ct));

        var inf = Assert.Single(await prometheus.QueryAsync(
            "sum(http_server_request_duration_seconds_bucket{job=\"imported\",http_route=\"/work/{id}\",le=\"+Inf\"})", Ct));
        Assert.Equal(Requests, inf.Value);
        var p50 = Assert.Single(await prometheus.QueryAsync(
            "histogram_quantile(0.5, sum by (le) (http_server_request_duration_seconds_bucket{job=\"imported\",http_route=\"/work/{id}\"}))", Ct));
        Assert.InRange(p50.Value, 0, 10);

        var series = await prometheus.QueryAsync("http_server_request_duration_seconds_count{job=\"imported\",http_route=\"/work/{id}\"}", Ct);
        var labels = Assert.Single(series).Labels;
        Assert.Equal("http", labels["url_scheme"]);
        Assert.Equal("1.1", labels["network_protocol_version"]);
    }
}

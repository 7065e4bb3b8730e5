using System.Net;
using Metrics.Generators.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Metrics.Generators.Tests.Support.Scrape;

namespace Metrics.Generators.AspNetCore.Tests;

public sealed class HttpMetricsMiddlewareTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Route_label_is_the_route_template_not_the_raw_path()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/orders/{id:int}", (int id) => Results.Ok(id)));

        for (var id = 1; id <= 5; id++)
        {
            (await app.Client.GetAsync($"/orders/{id}", Ct)).EnsureSuccessStatusCode();
        }

        var text = app.Scrape();
        var requests = Samples(text, "http_requests_total");
        var only = Assert.Single(requests);
        Assert.Equal("/orders/{id:int}", only.Labels["route"]);
        Assert.Equal("GET", only.Labels["method"]);
        Assert.Equal("200", only.Labels["status"]);
        Assert.Equal(5, only.Value);
        Assert.Equal(5, Value(text, "http_request_duration_seconds_count", ("route", "/orders/{id:int}"), ("method", "GET")));
        Assert.DoesNotContain("/orders/3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latency_histogram_has_no_status_label_and_uses_the_configured_buckets()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/", () => "ok"),
            o => { o.Http.DurationBuckets = [0.1, 0.3, 1]; o.Http.DurationSlo = 0.3; });

        await app.Client.GetStringAsync("/", Ct);

        var text = app.Scrape();
        var buckets = Samples(text, "http_request_duration_seconds_bucket");
        Assert.Equal(["0.1", "0.3", "1.0", "+Inf"], buckets.Select(b => b.Labels["le"]));
        Assert.All(buckets, b => Assert.False(b.Labels.ContainsKey("status")));
        Assert.Equal(0.3, app.Services.GetRequiredService<HttpServerMetrics>().DurationDescriptor.Slo);
    }

    [Fact]
    public async Task Distinct_raw_paths_create_no_more_series_than_the_route_table()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/orders/{id:int}", (int id) => Results.Ok(id));
            a.MapGet("/stock/{item}", (string item) => Results.Ok(item));
        });

        // 100,000 requests to 100,000 distinct raw paths: a third matched by each route, a third matched by none.
        const int requests = 100_000;
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var path = (i % 3) switch
                {
                    0 => $"/orders/{i}",
                    1 => $"/stock/item-{i}",
                    _ => $"/no/such/path/{i}",
                };
                using var response = await app.Client.GetAsync(path, Ct);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Worker()));

        var text = app.Scrape();
        var series = Samples(text, "http_requests_total");
        Assert.Equal(
            ["/orders/{id:int} 200", "/stock/{item} 200", "__unmatched__ 404"],
            series.Select(s => $"{s.Labels["route"]} {s.Labels["status"]}").Order(StringComparer.Ordinal));
        Assert.Equal(requests, series.Sum(s => s.Value));
        Assert.Equal(3, Samples(text, "http_request_duration_seconds_count").Count);
        Assert.Equal(requests, Samples(text, "http_request_duration_seconds_count").Sum(s => s.Value));
    }

    [Fact]
    public async Task Exception_counts_as_500_and_in_progress_comes_back_to_zero()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/boom", ThrowingEndpoint));

        for (var i = 0; i < 3; i++)
        {
            // The test server hands an unhandled exception to the client; a real server answers 500.
            await Assert.ThrowsAnyAsync<Exception>(() => app.Client.GetAsync("/boom", Ct));
        }

        var text = app.Scrape();
        Assert.Equal(3, Value(text, "http_requests_total", ("route", "/boom"), ("status", "500")));
        Assert.Equal(0, Value(text, "http_requests_in_progress", ("route", "/boom"), ("method", "GET")));
        Assert.Single(Samples(text, "http_requests_in_progress"));

        static string ThrowingEndpoint() => throw new InvalidOperationException("the endpoint failed");
    }

    [Fact]
    public async Task Exception_turned_into_500_by_an_exception_handler_counts_against_the_original_route()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.UseExceptionHandler("/error");
            a.MapGet("/boom", () => { throw new InvalidOperationException("the endpoint failed"); });
            a.MapGet("/error", () => Results.Problem(statusCode: 500));
        });

        using var response = await app.Client.GetAsync("/boom", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = app.Scrape();
        Assert.Equal(1, Value(text, "http_requests_total", ("route", "/boom"), ("status", "500")));
        AssertAbsent(text, "http_requests_total", ("route", "/error"));
        Assert.Equal(0, Value(text, "http_requests_in_progress", ("route", "/boom"), ("method", "GET")));
    }

    [Fact]
    public async Task In_progress_gauge_counts_requests_being_served_by_route()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new CountdownEvent(2);
        await using var app = await TestApp.StartAsync(a => a.MapPost("/slow/{n}", async (int n) =>
        {
            entered.Signal();
            await release.Task;
            return Results.Accepted();
        }));

        var first = app.Client.PostAsync("/slow/1", null, Ct);
        var second = app.Client.PostAsync("/slow/2", null, Ct);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30), Ct), "the requests never reached the endpoint");

        Assert.Equal(2, Value(app.Scrape(), "http_requests_in_progress", ("method", "POST"), ("route", "/slow/{n}")));
        release.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(0, Value(app.Scrape(), "http_requests_in_progress", ("method", "POST"), ("route", "/slow/{n}")));
        Assert.Equal(2, Value(app.Scrape(), "http_requests_total", ("method", "POST"), ("status", "202")));
    }

    [Fact]
    public async Task Metrics_endpoint_is_not_measured_by_default()
    {
        await using var app = await TestApp.StartAsync(a => { a.MapGet("/", () => "ok"); a.MapPrometheusMetrics(); });

        await app.Client.GetStringAsync("/", Ct);
        for (var i = 0; i < 3; i++)
        {
            await app.Client.GetStringAsync("/metrics", Ct);
        }

        var text = await app.Client.GetStringAsync("/metrics", Ct);
        Assert.Equal(1, Samples(text, "http_requests_total").Sum(s => s.Value));
        Assert.DoesNotContain("route=\"/metrics\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_endpoint_can_be_measured_when_asked()
    {
        await using var app = await TestApp.StartAsync(a => a.MapPrometheusMetrics(), o => o.Http.MeasureMetricsEndpoint = true);

        await app.Client.GetStringAsync("/metrics", Ct);

        Assert.Equal(1, Value(app.Scrape(), "http_requests_total", ("route", "/metrics")));
    }

    [Theory]
    [InlineData("GET", "GET")]
    [InlineData("PATCH", "PATCH")]
    [InlineData("OPTIONS", "OPTIONS")]
    [InlineData("PURGE", "_OTHER")]
    [InlineData("get", "_OTHER")]
    [InlineData("X-MADE-UP", "_OTHER")]
    public async Task Methods_outside_the_standard_set_fold_into_one_value(string method, string label)
    {
        await using var app = await TestApp.StartAsync(a => a.Map("/any", () => "ok"));

        using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/any"), Ct);

        var series = Assert.Single(Samples(app.Scrape(), "http_requests_total"));
        Assert.Equal(label, series.Labels["method"]);
    }

    [Fact]
    public async Task Many_invented_methods_stay_one_series()
    {
        await using var app = await TestApp.StartAsync(a => a.Map("/any", () => "ok"));

        for (var i = 0; i < 50; i++)
        {
            using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod($"M{i}"), "/any"), Ct);
        }

        var series = Assert.Single(Samples(app.Scrape(), "http_requests_total"));
        Assert.Equal(50, series.Value);
    }

    [Fact]
    public async Task Disabled_http_metrics_register_nothing_and_record_nothing()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/", () => "ok"), o => o.Http.Enabled = false);

        await app.Client.GetStringAsync("/", Ct);

        // No family at all, not merely no samples: a registered http_* family would still print HELP and TYPE.
        Assert.DoesNotContain(app.Registry.Families, f => f.Descriptor.Name.StartsWith("http_", StringComparison.Ordinal));
        Assert.DoesNotContain("http_", app.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Method_not_allowed_on_a_known_path_counts_as_unmatched_with_status_405()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/orders/{id:int}", (int id) => Results.Ok(id)));

        using var response = await app.Client.PatchAsync("/orders/1", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var text = app.Scrape();
        var only = Assert.Single(Samples(text, "http_requests_total"));
        Assert.Equal(HttpServerMetrics.UnmatchedRoute, only.Labels["route"]);
        Assert.Equal("PATCH", only.Labels["method"]);
        Assert.Equal("405", only.Labels["status"]);
        Assert.Equal(1, only.Value);

        // Routing's 405 endpoint has a display name, never a template: it must not become a label value.
        Assert.DoesNotContain("Not Supported", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_answered_before_routing_are_unmatched()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.Use(async (context, next) =>
            {
                if (context.Request.Path == "/health")
                {
                    context.Response.StatusCode = 204;
                    return;
                }

                await next(context);
            });
            a.UseRouting();
            a.MapGet("/", () => "ok");
        });

        using var response = await app.Client.GetAsync("/health", Ct);

        Assert.Equal(1, Value(app.Scrape(), "http_requests_total", ("route", HttpServerMetrics.UnmatchedRoute), ("status", "204")));
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using static Metrics.Generators.Tests.Support.Scrape;

namespace Metrics.Generators.AspNetCore.Tests;

public sealed class HttpClientMetricsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Named_client_requests_are_labelled_by_client_host_method_and_status_class()
    {
        var registry = new MetricRegistry();
        using var services = Services(registry, s => s.AddHttpClient("inventory").AddPrometheusHttpClientMetrics().ConfigurePrimaryHttpMessageHandler(() => new StubHandler()));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("inventory");

        await client.GetAsync("http://inventory.local:8002/stock/book?session=abc123", Ct);
        await client.GetAsync("http://inventory.local:8002/stock/pen", Ct);
        await client.PostAsync("http://inventory.local:8002/status/503", null, Ct);
        await client.DeleteAsync("http://inventory.local:8002/status/404", Ct);

        var text = Text(registry);
        Assert.Equal(2, Value(text, "http_client_requests_total", ("client", "inventory"), ("host", "inventory.local"), ("method", "GET"), ("status_class", "2xx")));
        Assert.Equal(1, Value(text, "http_client_requests_total", ("method", "POST"), ("status_class", "5xx")));
        Assert.Equal(1, Value(text, "http_client_requests_total", ("method", "DELETE"), ("status_class", "4xx")));
        Assert.Equal(2, Value(text, "http_client_request_duration_seconds_count", ("client", "inventory"), ("host", "inventory.local"), ("method", "GET")));
        Assert.DoesNotContain("/stock", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8002", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_requests_count_as_error_and_in_flight_comes_back_to_zero()
    {
        var registry = new MetricRegistry();
        using var services = Services(registry, s => s.AddHttpClient("payment").AddPrometheusHttpClientMetrics().ConfigurePrimaryHttpMessageHandler(() => new StubHandler()));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("payment");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://payment.local/refuse", Ct));

        var text = Text(registry);
        Assert.Equal(1, Value(text, "http_client_requests_total", ("client", "payment"), ("status_class", "error")));
        Assert.Equal(0, Value(text, "http_client_requests_in_flight", ("client", "payment"), ("host", "payment.local")));
    }

    [Fact]
    public async Task In_flight_counts_requests_waiting_for_a_response()
    {
        var registry = new MetricRegistry();
        var stub = new StubHandler();
        using var services = Services(registry, s => s.AddHttpClient("slow").AddPrometheusHttpClientMetrics().ConfigurePrimaryHttpMessageHandler(() => stub));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("slow");

        var pending = client.GetAsync("http://slow.local/wait", Ct);
        Assert.True(stub.Waiting.Wait(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(1, Value(Text(registry), "http_client_requests_in_flight", ("client", "slow"), ("host", "slow.local")));
        stub.Release.SetResult();
        await pending;

        Assert.Equal(0, Value(Text(registry), "http_client_requests_in_flight", ("client", "slow"), ("host", "slow.local")));
    }

    [Fact]
    public async Task Client_defaults_instrument_every_client_under_its_own_name()
    {
        var registry = new MetricRegistry();
        using var services = Services(registry, s =>
        {
            s.ConfigureHttpClientDefaults(b => b.AddPrometheusHttpClientMetrics().ConfigurePrimaryHttpMessageHandler(() => new StubHandler()));
            s.AddHttpClient("notification");
            s.AddHttpClient<TypedClient>();
        });
        var factory = services.GetRequiredService<IHttpClientFactory>();

        await factory.CreateClient("notification").GetAsync("http://notify.local/", Ct);
        await factory.CreateClient().GetAsync("http://anon.local/", Ct);
        await services.GetRequiredService<TypedClient>().Http.GetAsync("http://typed.local/", Ct);

        var clients = Samples(Text(registry), "http_client_requests_total").Select(s => s.Labels["client"]).Order(StringComparer.Ordinal);
        Assert.Equal(["TypedClient", "default", "notification"], clients);
    }

    [Fact]
    public async Task Hosts_beyond_the_bound_fold_into_overflow()
    {
        var registry = new MetricRegistry();
        using var services = Services(registry, s => s.AddHttpClient("crawler").AddPrometheusHttpClientMetrics(o => o.MaxHosts = 3).ConfigurePrimaryHttpMessageHandler(() => new StubHandler()));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("crawler");

        for (var i = 0; i < 20; i++)
        {
            await client.GetAsync($"http://host{i}.local/", Ct);
        }

        var series = Samples(Text(registry), "http_client_requests_total");
        Assert.Equal(4, series.Count);
        Assert.Equal(17, series.Single(s => s.Labels["host"] == "__overflow__").Value);
    }

    private static ServiceProvider Services(MetricRegistry registry, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(registry);
        configure(services);
        return services.BuildServiceProvider();
    }

    internal sealed class TypedClient(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    /// <summary>Answers /status/N with N, refuses /refuse, holds /wait until released, 200 otherwise.</summary>
    private sealed class StubHandler : HttpMessageHandler
    {
        public ManualResetEventSlim Waiting { get; } = new();

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/refuse")
            {
                throw new HttpRequestException("Connection refused (stub)");
            }

            if (path == "/wait")
            {
                Waiting.Set();
                await Release.Task.WaitAsync(cancellationToken);
            }

            var status = path.StartsWith("/status/", StringComparison.Ordinal) ? int.Parse(path["/status/".Length..], System.Globalization.CultureInfo.InvariantCulture) : 200;
            return new HttpResponseMessage((HttpStatusCode)status);
        }
    }
}

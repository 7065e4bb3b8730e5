using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Metrics.Generators.AspNetCore.Tests.Support;

/// <summary>
/// TestApp hosts a minimal API on the in-memory test server with its own registry, so tests run in parallel
/// without seeing each other's series.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, MetricRegistry registry)
    {
        _app = app;
        Registry = registry;
        Client = app.GetTestClient();
    }

    public MetricRegistry Registry { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(
        Action<WebApplication> map,
        Action<MetricsOptions>? configure = null,
        Action<WebApplicationBuilder>? build = null)
    {
        var registry = new MetricRegistry();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddPrometheusMetrics(options =>
        {
            options.Registry = registry;
            configure?.Invoke(options);
        });
        build?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestApp(app, registry);
    }

    public string Scrape() => global::Metrics.Generators.Tests.Support.Scrape.Text(Registry);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

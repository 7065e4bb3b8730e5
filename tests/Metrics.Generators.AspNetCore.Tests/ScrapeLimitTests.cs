using System.Net;
using Metrics.Generators.AspNetCore.Tests.Support;

namespace Metrics.Generators.AspNetCore.Tests;

/// <summary>
/// Each scrape renders its own copy of the exposition and holds it until the client has read it: the cap on
/// concurrent scrapes is what bounds the memory slow scrapers can pin. Held in flight by a callback gauge that
/// blocks until released, so the test needs no timing.
/// </summary>
public sealed class ScrapeLimitTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mapped_endpoint_answers_503_beyond_the_cap_and_serves_again_once_scrapes_finish()
    {
        using var blocker = new BlockingGauge();
        await using var app = await TestApp.StartAsync(a => a.MapPrometheusMetrics(), o => o.MaxConcurrentScrapes = 2);
        blocker.RegisterIn(app.Registry);

        await AssertCapAsync(blocker, () => app.Client.GetAsync("/metrics", Ct), cap: 2);
    }

    [Fact]
    public async Task MetricServer_answers_503_beyond_the_cap_and_serves_again_once_scrapes_finish()
    {
        using var blocker = new BlockingGauge();
        var registry = new MetricRegistry();
        blocker.RegisterIn(registry);
        await using var server = await MetricServer.StartAsync(new MetricServerOptions { Port = 0, Registry = registry, MaxConcurrentScrapes = 3 }, Ct);
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(server.Urls)) };

        await AssertCapAsync(blocker, () => client.GetAsync("/metrics", Ct), cap: 3);
    }

    [Fact]
    public void A_cap_below_one_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new MetricsOptions { MaxConcurrentScrapes = 0 });

    private static async Task AssertCapAsync(BlockingGauge blocker, Func<Task<HttpResponseMessage>> scrape, int cap)
    {
        var held = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < cap; i++)
        {
            held.Add(scrape());
            await blocker.Entered.WaitAsync(Ct);    // this scrape is rendering, and stays there
        }

        using (var refused = await scrape())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
            Assert.DoesNotContain("blocking_gauge", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        blocker.Release();
        foreach (var response in await Task.WhenAll(held))
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync(Ct);
                Assert.Contains("blocking_gauge 1\n", body, StringComparison.Ordinal);
                Assert.Contains("after_total 7\n", body, StringComparison.Ordinal);    // rendered to the end
            }
        }

        using var again = await scrape();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>A gauge whose callback signals that a scrape is rendering and blocks it until released.</summary>
    private sealed class BlockingGauge : IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public SemaphoreSlim Entered { get; } = new(0);

        public void RegisterIn(MetricRegistry registry)
        {
            registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("blocking_gauge", MetricType.Gauge, "Blocks the scrape.", null, []))).GetOrAdd(0).SetCallback(() =>
            {
                if (!_release.IsSet)
                {
                    Entered.Release();
                    _release.Wait(Ct);
                }

                return 1;
            });
            registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("after_total", MetricType.Counter, "Rendered after the gauge.", null, []))).GetOrAdd(0).Add(7);
        }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Dispose();
            Entered.Dispose();
        }
    }
}

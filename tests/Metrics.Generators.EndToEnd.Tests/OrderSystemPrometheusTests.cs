using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Metrics.Generators.EndToEnd.Tests.Support;
using OrderSystem;

namespace Metrics.Generators.EndToEnd.Tests;

/// <summary>
/// The seed's promise, checked against the real thing: the four sample services on loopback, traffic with a known
/// number of injected failures, and Prometheus 2.42 scraping them and answering the seed's queries.
/// </summary>
public sealed class OrderSystemPrometheusTests
{
    private const int Orders = 240;
    private const int FaultEvery = 8;   // orders 0, 8, 16, … carry an injected payment fault: 30 of 240
    private const int Reads = 40;

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prometheus_scrapes_all_four_services_and_the_seed_queries_answer_correctly()
    {
        await using var system = await OrderSystemHost.StartAsync(basePort: 0, Ct);
        await using var prometheus = await PrometheusServer.StartAsync(system.Addresses, "1s", OrderSystemMonitoring.Rules(), Ct);

        var (sent, failed) = await DriveTrafficAsync(system.OrderAddress);
        Assert.Equal(Orders / FaultEvery, failed);

        // Wait until Prometheus has scraped everything the test sent.
        await prometheus.WaitForAsync(
            "sum(http_requests_total{job=\"order-service\"})", value => value >= sent, TimeSpan.FromSeconds(30), Ct);
        await prometheus.WaitForAsync(
            "sum(http_requests_total{job=\"notification-service\"})", value => value >= Orders - failed, TimeSpan.FromSeconds(30), Ct);

        // Request rate per service: sum(rate(http_requests_total[1m])) by (job) is non-zero for every job.
        var rates = await prometheus.QueryAsync("sum(rate(http_requests_total[1m])) by (job)", Ct);
        // Exactly the four services first: Assert.All over an empty result would pass.
        Assert.Equal(4, rates.Count);
        Assert.Equal(OrderSystemHost.Jobs.Order(StringComparer.Ordinal), rates.Select(r => r.Labels["job"]).Order(StringComparer.Ordinal));
        Assert.All(rates, r => Assert.True(r.Value > 0, $"rate for {r.Labels["job"]} is {r.Value}"));

        // Error fraction for order-service: exactly the injected share over the raw counters, and the seed's
        // rate-based query within extrapolation noise.
        var expected = (double)failed / sent;
        var exact = Assert.Single(await prometheus.QueryAsync(
            "sum(http_requests_total{job=\"order-service\",status=~\"5..\"}) / sum(http_requests_total{job=\"order-service\"})", Ct));
        Assert.Equal(expected, exact.Value, 9);
        var byRate = Assert.Single(await prometheus.QueryAsync(
            "sum(rate(http_requests_total{job=\"order-service\",status=~\"5..\"}[1m])) / sum(rate(http_requests_total{job=\"order-service\"}[1m]))", Ct));
        Assert.InRange(byRate.Value, expected - 0.04, expected + 0.04);

        // p99 latency of POST /orders, the seed's query, over the raw buckets: exactly what the service's own histogram
        // implies. (Not a fixed range: the latency itself depends on how busy the machine is.)
        var buckets = await PostOrdersBucketsAsync(system.OrderAddress);
        Assert.Equal(Orders, buckets[^1].Count);
        await prometheus.WaitForAsync(
            "sum(http_request_duration_seconds_count{job=\"order-service\",route=\"/orders\",method=\"POST\"})",
            value => value >= Orders, TimeSpan.FromSeconds(30), Ct);
        var p99 = Assert.Single(await prometheus.QueryAsync(
            "histogram_quantile(0.99, sum by (le) (http_request_duration_seconds_bucket{job=\"order-service\",route=\"/orders\",method=\"POST\"}))", Ct));
        Assert.Equal(Quantile(0.99, buckets), p99.Value, 9);

        // The same by rate, as a dashboard asks it: every order sleeps 50-100 ms, so it cannot be under 50 ms.
        var p99ByRate = Assert.Single(await prometheus.QueryAsync(
            "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=\"order-service\",route=\"/orders\",method=\"POST\"}[1m])))", Ct));
        Assert.True(p99ByRate.Value >= 0.05, $"p99 by rate is {p99ByRate.Value}");

        // Business metrics made it too.
        var created = Assert.Single(await prometheus.QueryAsync("orders_total{job=\"order-service\",status=\"created\"}", Ct));
        Assert.Equal(Orders - failed, created.Value);

        // The rules generated from the declarations load, evaluate without error and agree with the raw queries.
        await prometheus.WaitForAsync("job:http_requests:rate5m{job=\"order-service\"}", value => value > 0, TimeSpan.FromSeconds(30), Ct);
        var recordedErrors = await prometheus.WaitForAsync(
            "job:http_requests_errors:ratio_rate5m{job=\"order-service\"}", value => value > 0, TimeSpan.FromSeconds(30), Ct);
        Assert.InRange(recordedErrors, expected - 0.04, expected + 0.04);
        var withinSlo = await prometheus.WaitForAsync(
            "job:http_request_duration_seconds_within_slo:ratio_rate5m{job=\"order-service\"}", value => value > 0, TimeSpan.FromSeconds(30), Ct);
        var withinSloRaw = Assert.Single(await prometheus.QueryAsync(
            "sum(http_request_duration_seconds_bucket{job=\"order-service\",le=\"0.25\"}) / sum(http_request_duration_seconds_count{job=\"order-service\"})", Ct));
        Assert.InRange(withinSlo, withinSloRaw.Value - 0.05, withinSloRaw.Value + 0.05);
        using var rules = await prometheus.GetJsonAsync("api/v1/rules", Ct);
        var loaded = rules.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("rules").EnumerateArray()).ToList();
        // A rules file whose lines the count no longer recognised would make both sides 0 and Assert.All vacuous.
        var ruleCount = MonitoringRuleCount();
        Assert.True(ruleCount > 0, "no '- record:' or '- alert:' line in the generated rules:\n" + OrderSystemMonitoring.Rules());
        Assert.Equal(ruleCount, loaded.Count);
        Assert.All(loaded, rule => Assert.True(
            rule.GetProperty("health").GetString() == "ok",
            $"{rule.GetProperty("name").GetString()}: {rule.GetProperty("health").GetString()} {(rule.TryGetProperty("lastError", out var e) ? e.GetString() : null)}"));

        // Every target is up and none reports a scrape error.
        using var targets = await prometheus.GetJsonAsync("api/v1/targets?state=active", Ct);
        var active = targets.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray().ToList();
        Assert.Equal(4, active.Count);
        Assert.All(active, target =>
        {
            Assert.Equal("up", target.GetProperty("health").GetString());
            Assert.Equal(string.Empty, target.GetProperty("lastError").GetString());
        });
        Assert.DoesNotContain("level=error", prometheus.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("level=warn", prometheus.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_monitoring_artifacts_match_the_declarations()
    {
        // samples/OrderSystem/monitoring/ is what a reader copies into Prometheus and Grafana: it must not go stale.
        var directory = Path.Combine(RepositoryRoot(), "samples", "OrderSystem", "monitoring");
        Assert.Equal(OrderSystemMonitoring.Rules(), File.ReadAllText(Path.Combine(directory, "prometheus-rules.yml")));
        Assert.Equal(OrderSystemMonitoring.Dashboard(), File.ReadAllText(Path.Combine(directory, "grafana-dashboard.json")));
    }

    /// <summary>The cumulative buckets of POST /orders as the order service itself exposes them, by upper bound.</summary>
    private static async Task<List<(double UpperBound, double Count)>> PostOrdersBucketsAsync(Uri orderService)
    {
        using var client = new HttpClient { BaseAddress = orderService };
        var text = await client.GetStringAsync("/metrics", Ct);
        const string Prefix = "http_request_duration_seconds_bucket{method=\"POST\",route=\"/orders\",le=\"";
        return text.Split('\n')
            .Where(line => line.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(line =>
            {
                var le = line[Prefix.Length..line.IndexOf('"', Prefix.Length)];
                var count = line[(line.LastIndexOf(' ') + 1)..];
                return (le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture), double.Parse(count, CultureInfo.InvariantCulture));
            })
            .ToList();
    }

    /// <summary>Prometheus' histogram_quantile over cumulative buckets: linear within the bucket holding the rank.</summary>
    private static double Quantile(double q, List<(double UpperBound, double Count)> buckets)
    {
        var rank = q * buckets[^1].Count;
        var i = buckets.FindIndex(b => b.Count >= rank);
        if (double.IsPositiveInfinity(buckets[i].UpperBound))
        {
            return buckets[^2].UpperBound;
        }

        var (lower, below) = i == 0 ? (0.0, 0.0) : buckets[i - 1];
        return lower + ((buckets[i].UpperBound - lower) * (rank - below) / (buckets[i].Count - below));
    }

    private static int MonitoringRuleCount()
        => OrderSystemMonitoring.Rules().Split('\n').Count(line => line.TrimStart().StartsWith("- record:", StringComparison.Ordinal) || line.TrimStart().StartsWith("- alert:", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Metrics.Generators.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Sent, int Failed)> DriveTrafficAsync(Uri orderService)
    {
        using var client = new HttpClient { BaseAddress = orderService, Timeout = TimeSpan.FromSeconds(30) };
        var failed = 0;
        var next = -1;

        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Orders)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
                {
                    Content = JsonContent.Create(new { item = i % 2 == 0 ? "book" : "pen", quantity = (i % 5) + 1, price = 9.99m }),
                };
                var fault = i % FaultEvery == 0;
                if (fault)
                {
                    request.Headers.Add("X-Inject-Fault", "payment");
                }

                using var response = await client.SendAsync(request, Ct);
                Assert.Equal(fault ? HttpStatusCode.BadGateway : HttpStatusCode.Created, response.StatusCode);
                if (fault)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Worker()));
        for (var id = 1; id <= Reads; id++)
        {
            using var read = await client.GetAsync("/orders/" + id.ToString(CultureInfo.InvariantCulture), Ct);
            Assert.True(read.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound);
        }

        return (Orders + Reads, failed);
    }
}

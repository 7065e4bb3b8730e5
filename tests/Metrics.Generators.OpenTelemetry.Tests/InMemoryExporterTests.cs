using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.OpenTelemetry.Tests;

/// <summary>
/// InMemoryExporterTests reads what the SDK itself aggregated from our instruments, for both temporalities: after one
/// collection, counter sums, gauge values, histogram counts, sums and buckets equal what our scrape shows.
/// </summary>
[Collection(DefaultRegistryCollection.Name)]
public sealed class InMemoryExporterTests
{
    [Theory]
    [InlineData(MetricReaderTemporalityPreference.Cumulative)]
    [InlineData(MetricReaderTemporalityPreference.Delta)]
    public void OneCollection_HoldsTheScrapesValues(MetricReaderTemporalityPreference temporality)
    {
        var exported = new List<Metric>();
        using (var provider = Sdk.CreateMeterProviderBuilder()
            .AddMetricsGeneratorsInstrumentation()
            .AddInMemoryExporter(exported, reader => reader.TemporalityPreference = temporality)
            .Build())
        {
            // Only histograms started with the provider; counters and gauges report their totals, so use fresh deltas.
            var jobsBefore = JobTelemetry.Jobs.Bind(Checkout.Paid).Value;
            var countBefore = JobTelemetry.Durations.Bind(Checkout.Paid).Count;
            JobTelemetry.Jobs.Inc(Checkout.Paid);
            JobTelemetry.Jobs.Add(2, Checkout.Paid);
            JobTelemetry.Depth.Set(7);
            JobTelemetry.Durations.Observe(0.2, Checkout.Paid);
            JobTelemetry.Durations.Observe(3, Checkout.Paid);
            JobTelemetry.Durations.Observe(30, Checkout.Paid);
            JobTelemetry.Waits.Observe(0.25);
            JobTelemetry.Waits.Observe(0.5);
            provider.ForceFlush();

            var text = Scrape.Text(MetricRegistry.Default);
            var jobs = Point(exported, "mem_jobs_total", ("outcome", "paid"));
            Assert.Equal(global::OpenTelemetry.Metrics.MetricType.DoubleSum, Metric(exported, "mem_jobs_total").MetricType);
            // Both temporalities: the first delta of an observable counter is its whole total (the SDK has no earlier
            // reading to subtract), so it equals the scrape whatever other tests recorded before this provider existed.
            Assert.Equal(Scrape.Value(text, "mem_jobs_total", ("outcome", "paid")), jobs.GetSumDouble());
            Assert.Equal(3, Scrape.Value(text, "mem_jobs_total", ("outcome", "paid")) - jobsBefore);
            Assert.Equal(Scrape.Value(text, "mem_queue_depth"), Point(exported, "mem_queue_depth").GetGaugeLastValueDouble());

            var durations = Point(exported, "mem_job_duration_seconds", ("outcome", "paid"));
            Assert.Equal(global::OpenTelemetry.Metrics.MetricType.Histogram, Metric(exported, "mem_job_duration_seconds").MetricType);
            Assert.Equal(3, durations.GetHistogramCount());
            Assert.Equal(Scrape.Value(text, "mem_job_duration_seconds_count", ("outcome", "paid")) - countBefore, durations.GetHistogramCount());
            Assert.Equal(33.2, durations.GetHistogramSum(), 12);
            var buckets = new List<(double Bound, long Count)>();
            foreach (var bucket in durations.GetHistogramBuckets())
            {
                buckets.Add((bucket.ExplicitBound, bucket.BucketCount));
            }

            Assert.Equal([(0.5, 1L), (1, 0L), (5, 1L), (double.PositiveInfinity, 1L)], buckets);

            var waits = Point(exported, "mem_lock_wait_seconds");
            Assert.Equal(2, waits.GetHistogramCount());
            Assert.Equal(0.75, waits.GetHistogramSum());
            Assert.Equal("s", Metric(exported, "mem_lock_wait_seconds").Unit);
            Assert.Equal("Metrics.Generators.OpenTelemetry.Tests", Metric(exported, "mem_lock_wait_seconds").MeterName);
        }

        // Past the provider's life our metrics keep recording, unobserved.
        JobTelemetry.Durations.Observe(0.2, Checkout.Paid);
    }

    [Fact]
    public async Task TheIntegrations_AreExported_WhenRegisteredInTheDefaultRegistry()
    {
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMetricsGeneratorsInstrumentation()
            .AddInMemoryExporter(exported)
            .Build();

        // What AddPrometheusHttpClientMetrics and WithPrometheusMetrics(connection) create, in the registry their options name.
        var client = new Metrics.Generators.AspNetCore.HttpClientMetrics(MetricRegistry.Default);
        var database = new Metrics.Generators.Data.DatabaseMetrics(MetricRegistry.Default);
        using (var http = new HttpClient(new Metrics.Generators.AspNetCore.HttpClientMetricsHandler(client, "shop") { InnerHandler = new Answer() }))
        {
            await http.GetAsync(new Uri("http://shop.invalid/orders"), TestContext.Current.CancellationToken);
        }

        await using var connection = Metrics.Generators.Data.DatabaseMetricsExtensions.WithPrometheusMetrics(
            new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:"), database, "orders");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        provider.ForceFlush();

        var requests = Metric(exported, "http_client_requests_total");
        Assert.Equal("Metrics.Generators.AspNetCore", requests.MeterName);
        Assert.Equal(Scrape.Value(MetricRegistry.Default, "http_client_requests_total", ("client", "shop")), Sum(requests, ("client", "shop")));
        Assert.Equal("Metrics.Generators.Data", Metric(exported, "db_client_connections_open").MeterName);
        Assert.Equal(1, Point(exported, "db_client_connections_open", ("db", "orders")).GetGaugeLastValueDouble());
    }

    [Fact]
    public void ARegistryOfItsOwn_IsExportedWithItsOverload_AndANonPublishingOneIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Sdk.CreateMeterProviderBuilder().AddMetricsGeneratorsInstrumentation(new MetricRegistry()));

        // A hand-built descriptor names no assembly: it goes on the Metrics.Generators meter.
        var registry = new MetricRegistry(new MetricRegistryOptions { PublishInstruments = true });
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("own_jobs_total", MetricType.Counter, "Jobs.", null, []))).GetOrAdd(0).Add(5);
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMetricsGeneratorsInstrumentation(registry)
            .AddInMemoryExporter(exported)
            .Build();
        provider.ForceFlush();

        var jobs = Metric(exported, "own_jobs_total");
        Assert.Equal(MetricMeters.FallbackName, jobs.MeterName);
        Assert.Equal(5, Point(exported, "own_jobs_total").GetSumDouble());
    }

    private static double Sum(Metric metric, (string Key, string Value) tag)
    {
        double sum = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var pair in point.Tags)
            {
                if (pair.Key == tag.Key && (string)pair.Value! == tag.Value)
                {
                    sum += point.GetSumDouble();
                }
            }
        }

        return sum;
    }

    private sealed class Answer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
    }

    private static Metric Metric(List<Metric> exported, string name)
        => exported.Last(m => m.Name == name);

    private static MetricPoint Point(List<Metric> exported, string name, params (string Key, string Value)[] tags)
    {
        foreach (ref readonly var point in Metric(exported, name).GetMetricPoints())
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                all[tag.Key] = (string)tag.Value!;
            }

            if (all.Count == tags.Length && tags.All(t => all.TryGetValue(t.Key, out var value) && value == t.Value))
            {
                return point;
            }
        }

        throw new Xunit.Sdk.XunitException($"no point of {name} with tags {string.Join(',', tags)}");
    }
}

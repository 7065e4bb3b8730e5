using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>The exact text of every metric type in both formats, escaping, ordering and overflow folding.</summary>
public class ExpositionGoldenTests
{
    [Fact]
    public void EveryType_PrometheusText_MatchesGolden()
    {
        const string expected = """
            # HELP http_request_duration_seconds HTTP request latency.
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{method="GET",le="0.1"} 1
            http_request_duration_seconds_bucket{method="GET",le="0.5"} 2
            http_request_duration_seconds_bucket{method="GET",le="1.0"} 2
            http_request_duration_seconds_bucket{method="GET",le="+Inf"} 3
            http_request_duration_seconds_sum{method="GET"} 2.3125
            http_request_duration_seconds_count{method="GET"} 3
            # HELP orders_total Orders by outcome
            # TYPE orders_total counter
            orders_total{status="created"} 3
            orders_total{status="failed"} 1.5
            # HELP payload_size_bytes Request payload sizes.
            # TYPE payload_size_bytes histogram
            # HELP queue_depth Jobs waiting.
            # TYPE queue_depth gauge
            queue_depth 7
            # HELP rpc_duration_seconds RPC latency.
            # TYPE rpc_duration_seconds summary
            rpc_duration_seconds{service="billing",quantile="0.5"} NaN
            rpc_duration_seconds{service="billing",quantile="0.9"} NaN
            rpc_duration_seconds_sum{service="billing"} 0
            rpc_duration_seconds_count{service="billing"} 0
            rpc_duration_seconds{service="search",quantile="0.5"} 0
            rpc_duration_seconds{service="search",quantile="0.9"} 0
            rpc_duration_seconds_sum{service="search"} 0
            rpc_duration_seconds_count{service="search"} 2
            # HELP uptime_seconds Seconds since start.
            # TYPE uptime_seconds gauge
            uptime_seconds -2.5

            """;

        Assert.Equal(expected, Scrape.Text(BuildEveryType()));
    }

    [Fact]
    public void EveryType_OpenMetrics_MatchesGolden()
    {
        const string expected = """
            # HELP http_request_duration_seconds HTTP request latency.
            # TYPE http_request_duration_seconds histogram
            # UNIT http_request_duration_seconds seconds
            http_request_duration_seconds_bucket{method="GET",le="0.1"} 1
            http_request_duration_seconds_bucket{method="GET",le="0.5"} 2
            http_request_duration_seconds_bucket{method="GET",le="1.0"} 2
            http_request_duration_seconds_bucket{method="GET",le="+Inf"} 3
            http_request_duration_seconds_sum{method="GET"} 2.3125
            http_request_duration_seconds_count{method="GET"} 3
            # HELP orders Orders by outcome
            # TYPE orders counter
            orders_total{status="created"} 3
            orders_total{status="failed"} 1.5
            # HELP payload_size_bytes Request payload sizes.
            # TYPE payload_size_bytes histogram
            # UNIT payload_size_bytes bytes
            # HELP queue_depth Jobs waiting.
            # TYPE queue_depth gauge
            queue_depth 7
            # HELP rpc_duration_seconds RPC latency.
            # TYPE rpc_duration_seconds summary
            # UNIT rpc_duration_seconds seconds
            rpc_duration_seconds{service="billing",quantile="0.5"} NaN
            rpc_duration_seconds{service="billing",quantile="0.9"} NaN
            rpc_duration_seconds_sum{service="billing"} 0
            rpc_duration_seconds_count{service="billing"} 0
            rpc_duration_seconds{service="search",quantile="0.5"} 0
            rpc_duration_seconds{service="search",quantile="0.9"} 0
            rpc_duration_seconds_sum{service="search"} 0
            rpc_duration_seconds_count{service="search"} 2
            # HELP uptime_seconds Seconds since start.
            # TYPE uptime_seconds gauge
            # UNIT uptime_seconds seconds
            uptime_seconds -2.5
            # EOF

            """;

        Assert.Equal(expected, Scrape.OpenMetrics(BuildEveryType()));
    }

    [Fact]
    public void UnlabeledMetrics_AreExposedBeforeAnyRecording()
    {
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("jobs", MetricType.Counter, "Jobs run.", null, [])));
        registry.Register(new MetricFamily<HistogramCell>(new MetricDescriptor("job_seconds", MetricType.Histogram, "Job time.", "seconds", [], buckets: [1])));
        registry.Register(new MetricFamily<SummaryCell>(new MetricDescriptor("job_size_bytes", MetricType.Summary, "Job size.", "bytes", [])));

        const string expected = """
            # HELP job_seconds Job time.
            # TYPE job_seconds histogram
            job_seconds_bucket{le="1.0"} 0
            job_seconds_bucket{le="+Inf"} 0
            job_seconds_sum 0
            job_seconds_count 0
            # HELP job_size_bytes Job size.
            # TYPE job_size_bytes summary
            job_size_bytes_sum 0
            job_size_bytes_count 0
            # HELP jobs_total Jobs run.
            # TYPE jobs_total counter
            jobs_total 0

            """;
        Assert.Equal(expected, Scrape.Text(registry));
    }

    [Fact]
    public void LabelValuesAndHelp_AreEscaped_NonAsciiPassesThrough()
    {
        var registry = new MetricRegistry();
        var path = new BoundedStringLabel("path", 10);
        var family = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("requests_total", MetricType.Counter, "Say \"hi\" \\ then\nnext line", null, ["path"]),
            path));
        foreach (var value in new[] { "a\"b", "c\\d", "line1\nline2", "ünï✓ 日本", null })
        {
            family.GetOrAdd(path.IndexOf(value)).Inc();
        }

        const string expectedText = """
            # HELP requests_total Say "hi" \\ then\nnext line
            # TYPE requests_total counter
            requests_total{path="a\"b"} 1
            requests_total{path="c\\d"} 1
            requests_total{path="line1\nline2"} 1
            requests_total{path="ünï✓ 日本"} 1
            requests_total{path=""} 1

            """;
        Assert.Equal(expectedText, Scrape.Text(registry));

        // OpenMetrics also escapes quotes in HELP; label values are escaped the same way in both formats.
        Assert.StartsWith("# HELP requests Say \\\"hi\\\" \\\\ then\\nnext line\n", Scrape.OpenMetrics(registry));
    }

    [Fact]
    public void BoundedLabel_ThirdValueOverMaxValues_FoldsIntoOverflowSeries()
    {
        var registry = new MetricRegistry();
        var tenant = new BoundedStringLabel("tenant", 2);
        var family = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("logins_total", MetricType.Counter, "Logins.", null, ["tenant"]), tenant));

        family.GetOrAdd(tenant.IndexOf("acme")).Inc();
        family.GetOrAdd(tenant.IndexOf("globex")).Inc();
        family.GetOrAdd(tenant.IndexOf("initech")).Inc();
        family.GetOrAdd(tenant.IndexOf("acme")).Inc();
        family.GetOrAdd(tenant.IndexOf("umbrella")).Inc();

        const string expected = """
            # HELP logins_total Logins.
            # TYPE logins_total counter
            logins_total{tenant="acme"} 2
            logins_total{tenant="globex"} 1
            logins_total{tenant="__overflow__"} 2

            """;
        Assert.Equal(expected, Scrape.Text(registry));
        Assert.Equal(2, tenant.OverflowCount);
        Assert.Equal(2, tenant.IndexOf("__overflow__"));
    }

    [Fact]
    public void Families_AreSortedByName_WhateverTheRegistrationOrder()
    {
        string Build(bool reversed)
        {
            var registry = new MetricRegistry();
            var names = new[] { "b_gauge", "a_gauge", "c_gauge", "a_b_gauge" };
            foreach (var name in reversed ? names.Reverse() : names)
            {
                registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor(name, MetricType.Gauge, "Help.", null, [])));
            }

            return Scrape.Text(registry);
        }

        var text = Build(reversed: false);
        Assert.Equal(text, Build(reversed: true));
        var order = Scrape.Samples(text).Select(s => s.Series).ToArray();
        Assert.Equal(["a_b_gauge", "a_gauge", "b_gauge", "c_gauge"], order);
    }

    [Fact]
    public void Series_OfASmallFamily_AreWrittenInSeriesIndexOrder_WithMixedRadixLabelValues()
    {
        var registry = new MetricRegistry();
        var family = registry.Register(new MetricFamily<GaugeCell>(
            new MetricDescriptor("temperature_celsius", MetricType.Gauge, "Temperature.", "celsius", ["room", "sensor"]),
            new FixedLabel("room", "kitchen", "hall"),
            new FixedLabel("sensor", "a", "b", "c")));

        // index = room * 4 + sensor (sensor cardinality 3 + overflow).
        family.GetOrAdd((1 * 4) + 2).Set(19.5);
        family.GetOrAdd((0 * 4) + 3).Set(-1);
        family.GetOrAdd(2 * 4).Set(1e21);

        const string expected = """
            # HELP temperature_celsius Temperature.
            # TYPE temperature_celsius gauge
            temperature_celsius{room="kitchen",sensor="__overflow__"} -1
            temperature_celsius{room="hall",sensor="c"} 19.5
            temperature_celsius{room="__overflow__",sensor="a"} 1E+21

            """;
        Assert.Equal(expected, Scrape.Text(registry));
    }

    [Fact]
    public void GaugeCallback_IsReadAtScrape_AndAThrowingCallbackShowsNaN()
    {
        var registry = new MetricRegistry();
        var family = registry.Register(new MetricFamily<GaugeCell>(
            new MetricDescriptor("pool_size", MetricType.Gauge, "Pool size.", null, ["pool"]), new FixedLabel("pool", "ok", "broken")));
        var size = 3.0;
        family.GetOrAdd(0).SetCallback(() => size);
        family.GetOrAdd(1).SetCallback(() => throw new InvalidOperationException("boom"));
        size = 4;

        const string expected = """
            # HELP pool_size Pool size.
            # TYPE pool_size gauge
            pool_size{pool="ok"} 4
            pool_size{pool="broken"} NaN

            """;
        Assert.Equal(expected, Scrape.Text(registry));
    }

    [Fact]
    public void CounterPastTwoToThe53_IsWrittenAsAnExactInteger()
    {
        var registry = new MetricRegistry();
        var cell = registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("big_total", MetricType.Counter, "Big.", null, []))).GetOrAdd(0);
        cell.Add(9007199254740992d);
        cell.Inc();

        Assert.Contains("big_total 9007199254740993\n", Scrape.Text(registry));
    }

    [Fact]
    public async Task WriteAsync_WritesTheSameBytesAsWrite()
    {
        var registry = BuildEveryType();
        using var stream = new MemoryStream();
        await registry.WriteAsync(stream, ExpositionFormat.OpenMetrics, TestContext.Current.CancellationToken);
        Assert.Equal(Scrape.OpenMetrics(registry), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static MetricRegistry BuildEveryType()
    {
        var registry = new MetricRegistry();

        // Registered out of name order on purpose: the registry sorts.
        var uptime = registry.Register(new MetricFamily<GaugeCell>(
            new MetricDescriptor("uptime_seconds", MetricType.Gauge, "Seconds since start.", "seconds", [])));
        uptime.GetOrAdd(0).Set(-2.5);

        var orders = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("orders_total", MetricType.Counter, "Orders by outcome", null, ["status"]),
            new FixedLabel("status", "created", "failed")));
        orders.GetOrAdd(0).Inc();
        orders.GetOrAdd(0).Inc();
        orders.GetOrAdd(0).Add(1);
        orders.GetOrAdd(1).Add(1.5);

        var queue = registry.Register(new MetricFamily<GaugeCell>(
            new MetricDescriptor("queue_depth", MetricType.Gauge, "Jobs waiting.", null, [])));
        queue.GetOrAdd(0).Set(7);

        var latency = registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("http_request_duration_seconds", MetricType.Histogram, "HTTP request latency.", "seconds", ["method"], buckets: [0.1, 0.5, 1]),
            new FixedLabel("method", "GET", "POST")));
        latency.GetOrAdd(0).Observe(0.0625);
        latency.GetOrAdd(0).Observe(0.25);
        latency.GetOrAdd(0).Observe(2);

        // A labeled family with no series yet still shows its HELP and TYPE.
        registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("payload_size_bytes", MetricType.Histogram, "Request payload sizes.", "bytes", ["method"], buckets: [1024]),
            new FixedLabel("method", "GET", "POST")));

        var rpc = registry.Register(new MetricFamily<SummaryCell>(
            new MetricDescriptor("rpc_duration_seconds", MetricType.Summary, "RPC latency.", "seconds", ["service"], quantiles: [0.9, 0.5]),
            new FixedLabel("service", "billing", "search")));
        rpc.GetOrAdd(0);
        rpc.GetOrAdd(1).Observe(0);
        rpc.GetOrAdd(1).Observe(0);
        return registry;
    }
}

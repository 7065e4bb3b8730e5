using System.Text.Json;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// A registry's constant labels and target_info (MetricRegistryOptions): every sample line of every type carries the
/// constant labels first, target_info states the service identity the OTLP resource carries, and the real parsers
/// (promtool, prometheus_client's strict OpenMetrics parser) accept both.
/// </summary>
public sealed class RegistryIdentityTests
{
    private static MetricRegistry BuildIdentified()
    {
        var options = new MetricRegistryOptions();
        options.ConstantLabels["service"] = "order";
        options.ConstantLabels["zone"] = "eu \"west\"";
        options.TargetInfo["service.name"] = "order-system";
        options.TargetInfo["service.instance.id"] = "host-1:42";
        options.TargetInfo["deployment.environment"] = "test";
        var registry = new MetricRegistry(options);

        var orders = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("orders_total", MetricType.Counter, "Orders by outcome", null, ["status"]),
            new FixedLabel("status", "created", "failed")));
        orders.GetOrAdd(0).Add(3);
        registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("queue_depth", MetricType.Gauge, "Jobs waiting.", null, []))).GetOrAdd(0).Set(7);
        var latency = registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("request_duration_seconds", MetricType.Histogram, "Latency.", "seconds", [], buckets: [0.1, 1])));
        latency.GetOrAdd(0).Observe(0.5);
        var rpc = registry.Register(new MetricFamily<SummaryCell>(
            new MetricDescriptor("rpc_duration_seconds", MetricType.Summary, "RPC latency.", "seconds", [], quantiles: [0.5])));
        rpc.GetOrAdd(0).Observe(2);
        return registry;
    }

    [Fact]
    public void Every_sample_line_of_every_type_starts_its_labels_with_the_constant_labels()
    {
        foreach (var text in new[] { Scrape.Text(BuildIdentified()), Scrape.OpenMetrics(BuildIdentified()) })
        {
            var samples = text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').ToArray();
            Assert.Equal(1 + 1 + 1 + (3 + 2) + (1 + 2), samples.Length); // target_info, the counter series used, gauge, 3 buckets+sum+count, quantile+sum+count
            Assert.All(samples, line => Assert.StartsWith("{service=\"order\",zone=\"eu \\\"west\\\"\"", line[line.IndexOf('{', StringComparison.Ordinal)..], StringComparison.Ordinal));
            Assert.Contains("orders_total{service=\"order\",zone=\"eu \\\"west\\\"\",status=\"created\"} 3\n", text, StringComparison.Ordinal);
            Assert.Contains("queue_depth{service=\"order\",zone=\"eu \\\"west\\\"\"} 7\n", text, StringComparison.Ordinal);
            Assert.Contains("request_duration_seconds_bucket{service=\"order\",zone=\"eu \\\"west\\\"\",le=\"1\"} 1\n", text.Replace("le=\"1.0\"", "le=\"1\"", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("rpc_duration_seconds{service=\"order\",zone=\"eu \\\"west\\\"\",quantile=\"0.5\"} ", text, StringComparison.Ordinal);
            Assert.Contains("rpc_duration_seconds_count{service=\"order\",zone=\"eu \\\"west\\\"\"} 1\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Target_info_carries_the_identity_with_dots_as_underscores_in_both_formats()
    {
        const string Sample = "target_info{service=\"order\",zone=\"eu \\\"west\\\"\",service_name=\"order-system\",service_instance_id=\"host-1:42\",deployment_environment=\"test\"} 1\n";
        var text = Scrape.Text(BuildIdentified());
        Assert.StartsWith("# HELP target_info ", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE target_info gauge\n" + Sample, text, StringComparison.Ordinal);

        var openMetrics = Scrape.OpenMetrics(BuildIdentified());
        Assert.StartsWith("# HELP target ", openMetrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE target info\n" + Sample, openMetrics, StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", openMetrics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_without_options_writes_exactly_what_it_wrote_before()
    {
        var plain = new MetricRegistry();
        plain.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("queue_depth", MetricType.Gauge, "Jobs waiting.", null, []))).GetOrAdd(0).Set(7);
        Assert.Equal("# HELP queue_depth Jobs waiting.\n# TYPE queue_depth gauge\nqueue_depth 7\n", Scrape.Text(plain));
    }

    [Fact]
    public void Promtool_accepts_constant_labels_and_target_info()
    {
        var promtool = ExternalTools.Promtool();
        var text = Scrape.Text(BuildIdentified());
        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "metrics"], text);
        Assert.True(exitCode == 0 && stdout.Length == 0 && stderr.Length == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}\ninput:\n{text}");
    }

    [Fact]
    public void The_strict_OpenMetrics_parser_reads_target_as_an_info_family()
    {
        var python = ExternalTools.PythonWithPrometheusClient();
        var text = Scrape.OpenMetrics(BuildIdentified());
        var (exitCode, stdout, stderr) = ExternalTools.Run(python, ["-c", ExternalValidationTests.PythonParse], text);
        Assert.True(exitCode == 0, $"python exit {exitCode}\n{stderr}\ninput:\n{text}");

        var target = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "target");
        Assert.Equal("info", target.GetProperty("type").GetString());
        var sample = target.GetProperty("samples").EnumerateArray().Single();
        Assert.Equal("target_info", sample[0].GetString());
        Assert.Equal("order-system", sample[1].GetProperty("service_name").GetString());
        Assert.Equal("host-1:42", sample[1].GetProperty("service_instance_id").GetString());
        Assert.Equal("test", sample[1].GetProperty("deployment_environment").GetString());
        Assert.Equal("order", sample[1].GetProperty("service").GetString());
    }

    [Fact]
    public void A_family_declaring_a_constant_label_or_claiming_target_info_is_refused()
    {
        var registry = BuildIdentified();
        var clash = Assert.Throws<InvalidOperationException>(() => registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("jobs_total", MetricType.Counter, "Jobs.", null, ["service"]), new FixedLabel("service", "a"))));
        Assert.Contains("'service'", clash.Message, StringComparison.Ordinal);
        Assert.Contains("constant label", clash.Message, StringComparison.Ordinal);

        var info = Assert.Throws<InvalidOperationException>(() => registry.Register(new MetricFamily<GaugeCell>(
            new MetricDescriptor("target_info", MetricType.Gauge, "Mine.", null, []))));
        Assert.Contains("'target_info'", info.Message, StringComparison.Ordinal);

        // Clear gives back the families' names but keeps target_info's.
        registry.Clear();
        Assert.Throws<InvalidOperationException>(() => registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("target", MetricType.Gauge, "Mine.", null, []))));
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("orders_total", MetricType.Counter, "Orders.", null, [])));
    }

    [Theory]
    [InlineData("bad-name")]
    [InlineData("__reserved")]
    [InlineData("1st")]
    public void An_invalid_constant_label_name_is_an_argument_error_naming_it(string name)
    {
        var options = new MetricRegistryOptions();
        options.ConstantLabels[name] = "x";
        var error = Assert.Throws<ArgumentException>(() => new MetricRegistry(options));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_read_once_when_the_registry_is_created()
    {
        var options = new MetricRegistryOptions();
        options.ConstantLabels["service"] = "a";
        var registry = new MetricRegistry(options);
        options.ConstantLabels["service"] = "b";
        options.TargetInfo["service.name"] = "late";
        registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("queue_depth", MetricType.Gauge, "Jobs waiting.", null, []))).GetOrAdd(0).Set(1);
        Assert.Equal("# HELP queue_depth Jobs waiting.\n# TYPE queue_depth gauge\nqueue_depth{service=\"a\"} 1\n", Scrape.Text(registry));
    }

    [Fact]
    public void Target_info_set_after_creation_shows_on_the_next_scrape_and_can_be_removed()
    {
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("queue_depth", MetricType.Gauge, "Jobs waiting.", null, []))).GetOrAdd(0).Set(1);
        registry.SetTargetInfo([new("service.name", "shop")]);
        Assert.Contains("target_info{service_name=\"shop\"} 1\n", Scrape.Text(registry), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("target_info", MetricType.Gauge, "Mine.", null, []))));

        registry.SetTargetInfo([]);
        Assert.DoesNotContain("target", Scrape.Text(registry), StringComparison.Ordinal);
        registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("target_info", MetricType.Gauge, "Mine.", null, [])));
        Assert.Throws<InvalidOperationException>(() => registry.SetTargetInfo([new("service.name", "shop")]));
    }

    [Fact]
    public void An_attribute_becomes_the_label_name_an_imported_tag_key_with_that_name_becomes()
    {
        var registry = new MetricRegistry();
        registry.SetTargetInfo([new("service.name", "a"), new("k8s.pod--name", "b"), new("1st.zone", "c")]);
        var sample = Scrape.Samples(Scrape.Text(registry), "target_info").Single().Labels;
        // The import's rule (ImportedNames.Label): invalid runs become one '_', a leading digit gets '_' before it.
        Assert.Equal(["_1st_zone", "k8s_pod_name", "service_name"], sample.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("k8s_pod_name", ImportedNames.Label("k8s.pod--name", histogram: false));
    }
}

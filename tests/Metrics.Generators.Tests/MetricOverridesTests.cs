using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// MetricOverridesTests drive the generated <c>(registry, overrides)</c> constructor on <see cref="GeneratedShop"/>'s
/// declarations: what an override sets replaces the declaration, what it leaves out stays declared, and a value the
/// compile-time rules would reject is rejected at run time with the metric and the value in the message.
/// </summary>
public sealed class MetricOverridesTests
{
    [Fact]
    public void BucketOverride_IsWhatTheHistogramRecordsAndExposes()
    {
        var registry = new MetricRegistry();
        var latency = new GeneratedShop.RequestDuration(registry, new MetricOverrides { Buckets = [1, 2], Slo = 2 });

        latency.Observe(1.5, Verb.Get, "/a");

        var text = Scrape.Text(registry);
        Assert.Contains("gen_request_duration_seconds_bucket{method=\"GET\",route=\"/a\",le=\"1.0\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("gen_request_duration_seconds_bucket{method=\"GET\",route=\"/a\",le=\"2.0\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("le=\"0.25\"", text, StringComparison.Ordinal);
        var registered = Assert.Single(registry.Families).Descriptor;
        Assert.Equal([1d, 2d], registered.Buckets);
        Assert.Equal(2, registered.Slo);

        // The declaration is the default, and stays what the static Descriptor says.
        Assert.Equal([0.1, 0.25, 0.5], GeneratedShop.RequestDuration.Descriptor.Buckets);
    }

    [Fact]
    public void NoOrEmptyOverrides_RegisterTheDeclaredDescriptorItself()
    {
        var registry = new MetricRegistry();
        _ = new GeneratedShop.RequestDuration(registry, null);
        var other = new MetricRegistry();
        _ = new GeneratedShop.RequestDuration(other, new MetricOverrides());

        Assert.Same(GeneratedShop.RequestDuration.Descriptor, Assert.Single(registry.Families).Descriptor);
        Assert.Same(GeneratedShop.RequestDuration.Descriptor, Assert.Single(other.Families).Descriptor);
        Assert.Equal(Scrape.Text(registry), Scrape.Text(other));
    }

    [Fact]
    public void MaxValuesOverride_IsTheBoundOfThatLabel()
    {
        var registry = new MetricRegistry();
        var hits = new GeneratedShop.RouteHits(registry, new MetricOverrides { MaxValues = { ["route"] = 3 } });   // declared 2

        foreach (var route in new[] { "/a", "/b", "/c", "/d" })
        {
            hits.Inc(Verb.Get, route);
        }

        var text = Scrape.Text(registry);
        Assert.Contains("route=\"/c\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("route=\"/d\"", text, StringComparison.Ordinal);
        Assert.Contains("gen_route_hits_total{method=\"GET\",route=\"__overflow__\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxValuesOverride_OfTheSecondLabel_KeepsSeriesDistinct()
    {
        // route is the second label: its cardinality is a multiplier of the index, so it must follow the override.
        var registry = new MetricRegistry();
        var latency = new GeneratedShop.RequestDuration(registry, new MetricOverrides { MaxValues = { ["route"] = 500 } });
        for (var i = 0; i < 300; i++)
        {
            latency.Observe(0.1, Verb.Get, "/r" + i);
        }

        latency.Observe(0.1, Verb.Post, "/r0");

        Assert.Equal(1, latency.Bind(Verb.Get, "/r299").Count);
        Assert.Equal(1, latency.Bind(Verb.Post, "/r0").Count);
        Assert.Equal(1, latency.Bind(Verb.Get, "/r0").Count);
    }

    public static TheoryData<string, Func<MetricOverrides>, string> Invalid => new()
    {
        { "decreasing buckets", () => new MetricOverrides { Buckets = [1, 0.5] }, "0.5" },
        { "no buckets", () => new MetricOverrides { Buckets = [] }, "no buckets" },
        { "infinite bucket", () => new MetricOverrides { Buckets = [1, double.PositiveInfinity] }, "not finite" },
        { "too many buckets", () => new MetricOverrides { Buckets = Enumerable.Range(1, 1001).Select(i => (double)i).ToArray() }, "1000" },
        { "SLO off the buckets", () => new MetricOverrides { Slo = 0.3 }, "0.3" },
        { "declared SLO dropped by the buckets", () => new MetricOverrides { Buckets = [1, 2] }, "0.25" },
        { "MaxValues below 1", () => new MetricOverrides { MaxValues = { ["route"] = 0 } }, "route" },
        { "MaxValues of an enum label", () => new MetricOverrides { MaxValues = { ["method"] = 5 } }, "method" },
        { "MaxValues of no label", () => new MetricOverrides { MaxValues = { ["path"] = 5 } }, "path" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidOverride_ThrowsNamingTheMetricAndTheValue_AndRegistersNothing(string why, Func<MetricOverrides> overrides, string value)
    {
        var registry = new MetricRegistry();

        var thrown = Assert.ThrowsAny<ArgumentException>(() => new GeneratedShop.RequestDuration(registry, overrides()));

        Assert.Contains("gen_request_duration_seconds", thrown.Message, StringComparison.Ordinal);
        Assert.True(thrown.Message.Contains(value, StringComparison.Ordinal), why + ": " + thrown.Message);
        Assert.Empty(registry.Families);
    }

    [Fact]
    public void BucketOverride_OnACounter_IsRejected()
    {
        var thrown = Assert.Throws<ArgumentException>(() => new GeneratedShop.RouteHits(new MetricRegistry(), new MetricOverrides { Buckets = [1] }));

        Assert.Contains("gen_route_hits_total", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Counter", thrown.Message, StringComparison.Ordinal);
    }
}

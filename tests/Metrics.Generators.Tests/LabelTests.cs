using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>Label dimensions: indexes, overflow, concurrency of BoundedStringLabel, and the series index shape.</summary>
public class LabelTests
{
    [Fact]
    public void FixedLabel_IndexesValues_AndUnknownsFoldIntoOverflow()
    {
        var label = new FixedLabel("status", "created", "failed");
        Assert.Equal(3, label.Cardinality);
        Assert.Equal(1, label.IndexOf("failed"));
        Assert.Equal(2, label.IndexOf("other"));
        Assert.Equal(2, label.IndexOf(null));
        Assert.Equal("__overflow__", label.ValueAt(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => label.ValueAt(3));
    }

    [Fact]
    public void FixedLabel_RejectsDuplicateAndReservedValues()
    {
        Assert.Contains("declared twice", Assert.Throws<ArgumentException>(() => new FixedLabel("s", "a", "a")).Message);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => new FixedLabel("s", "__overflow__")).Message);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => new FixedLabel("__s", "a")).Message);
    }

    [Fact]
    public void BoundedStringLabel_NullIsEmpty_IndexesAreStable_ValuesReadBack()
    {
        var label = new BoundedStringLabel("route", 3);
        Assert.Equal(4, label.Cardinality);
        Assert.Equal(0, label.IndexOf(null));
        Assert.Equal(0, label.IndexOf(string.Empty));
        Assert.Equal(1, label.IndexOf("/a"));
        Assert.Equal(1, label.IndexOf(new string(['/', 'a'])));
        Assert.Equal(string.Empty, label.ValueAt(0));
        Assert.Equal("/a", label.ValueAt(1));
        Assert.Equal("__overflow__", label.ValueAt(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => label.ValueAt(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedStringLabel("route", 0));
    }

    [Fact]
    public void BoundedStringLabel_GrowsPastItsInitialTable()
    {
        var label = new BoundedStringLabel("id", 1000);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i, label.IndexOf("v" + i));
        }

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i, label.IndexOf("v" + i));
            Assert.Equal("v" + i, label.ValueAt(i));
        }

        Assert.Equal(1000, label.IndexOf("one too many"));
        Assert.Equal(1, label.OverflowCount);
    }

    [Fact]
    public void BoundedStringLabel_ConcurrentNewValues_EachGetsExactlyOneIndex()
    {
        var label = new BoundedStringLabel("user", 500);
        var seen = new int[8][];
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            var indexes = new int[600];
            for (var i = 0; i < 600; i++)
            {
                indexes[i] = label.IndexOf("u" + ((i * 7) + t) % 600);
            }

            seen[t] = indexes;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(500, label.Count);
        var byValue = new Dictionary<string, int>();
        for (var t = 0; t < 8; t++)
        {
            for (var i = 0; i < 600; i++)
            {
                var value = "u" + ((i * 7) + t) % 600;
                var index = seen[t][i];
                if (index == 500)
                {
                    continue; // folded: the value was not among the first 500 distinct ones
                }

                Assert.Equal(value, label.ValueAt(index));
                Assert.Equal(index, byValue.TryAdd(value, index) ? index : byValue[value]);
            }
        }

        Assert.Equal(500, byValue.Count);
    }

    [Fact]
    public void LargeCardinality_UsesTheSparseTable_AndStillDecodesLabels()
    {
        var registry = new MetricRegistry();
        var route = new BoundedStringLabel("route", 5000);
        var family = registry.Register(new CounterFamily(
            new MetricDescriptor("hits_total", MetricType.Counter, "Hits.", null, ["method", "route"]),
            new FixedLabel("method", "get", "post"), route));

        family.GetOrAdd((1L * 5001) + route.IndexOf("/x")).Inc();
        family.GetOrAdd((2L * 5001) + 5000).Inc();

        // A hashed table writes its series in hash order, not index order.
        Assert.Equal(
            ["hits_total{method=\"__overflow__\",route=\"__overflow__\"}", "hits_total{method=\"post\",route=\"/x\"}"],
            Scrape.Samples(Scrape.Text(registry)).Select(s => s.Series).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GeneratedShape_EnumAndBoundedStringLabels_MapToTheRightSeries()
    {
        var registry = new MetricRegistry();
        var latency = new RequestDuration(registry);
        latency.Observe(0.2, HttpVerb.Post, "/orders");
        latency.Observe(0.3, HttpVerb.Post, "/orders");
        latency.Observe(7, (HttpVerb)42, null);

        Assert.Equal(2, latency.Bind(HttpVerb.Post, "/orders").Count);
        var series = Scrape.Samples(Scrape.Text(registry))
            .Where(s => s.Series.Contains("_count", StringComparison.Ordinal))
            .Select(s => s.Series + " " + s.Value);
        Assert.Equal(
            ["http_request_duration_seconds_count{method=\"post\",route=\"/orders\"} 2",
             "http_request_duration_seconds_count{method=\"__overflow__\",route=\"\"} 1"],
            series);
    }
}

using System.Diagnostics.Metrics;
using System.Globalization;
using Metrics.Generators.Generated;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests.Instruments;

/// <summary>Declarations that cover what the other test declarations do not: a labeled summary and the UCUM units.</summary>
public static partial class PublishedMetrics
{
    [Summary("pub_queue_wait_seconds", Help = "Queue wait by method.", Unit = "seconds", Quantiles = [0.5, 0.9])]
    [Label<Verb>("method")]
    public static partial QueueWait Wait { get; }

    [Gauge("pub_cache_bytes", Help = "Cache size.", Unit = "bytes")]
    public static partial CacheBytes Cache { get; }

    [Gauge("pub_hit_ratio", Help = "Cache hit ratio.", Unit = "ratio")]
    public static partial HitRatio Hits { get; }
}

/// <summary>
/// InstrumentPublicationTests listens, as a <see cref="MeterListener"/> user does, to a publishing registry holding
/// every metric this project declares (the generated <see cref="MetricCatalog"/>, so none is forgotten), and compares
/// what the instruments report with what a scrape shows.
/// </summary>
public sealed class InstrumentPublicationTests
{
    private static MetricRegistry PublishingRegistry() => new(new MetricRegistryOptions
    {
        PublishInstruments = true,
        ConstantLabels = { ["service"] = "shop" },
    });

    [Fact]
    public void EveryDeclaredMetric_IsAnInstrumentOfItsKind_WithUnitHelpTagsAndTheScrapesValues()
    {
        var registry = PublishingRegistry();
        using var capture = new InstrumentCapture(registry);
        MetricCatalog.RegisterAll(registry);
        Assert.Equal(MetricCatalog.Descriptors.Count, registry.Families.Count);
        foreach (var family in registry.Families)
        {
            Record(family);
        }

        var text = Scrape.Text(registry);
        var observed = capture.Observe();
        var recorded = capture.Recorded;
        var instruments = capture.Instruments;
        Assert.Equal(MetricCatalog.Descriptors.Count, instruments.Count);
        foreach (var descriptor in MetricCatalog.Descriptors)
        {
            var name = descriptor.Type == MetricType.Counter ? descriptor.FamilyName + "_total" : descriptor.FamilyName;
            Assert.True(instruments.TryGetValue(name, out var instrument), $"no instrument {name}; seen: {string.Join(", ", instruments.Keys)}");
            Assert.Equal(MetricMeters.NameOf(descriptor), instrument.Meter.Name);
            Assert.Equal(descriptor.Help, instrument.Description);
            Assert.Equal(ExpectedUnit(descriptor.Unit), instrument.Unit);
            switch (descriptor.Type)
            {
                case MetricType.Counter:
                    Assert.IsType<ObservableCounter<double>>(instrument);
                    AssertObservedEqualsScrape(text, name, observed.Where(m => m.Instrument == instrument).ToList(), registry);
                    break;
                case MetricType.Gauge:
                    Assert.IsType<ObservableGauge<double>>(instrument);
                    AssertObservedEqualsScrape(text, name, observed.Where(m => m.Instrument == instrument).ToList(), registry);
                    break;
                default:
                    Assert.IsType<Histogram<double>>(instrument);
                    AssertRecordedEqualsScrape(text, descriptor, recorded.Where(m => m.Instrument == instrument).ToList(), registry);
                    break;
            }
        }
    }

    [Fact]
    public void Names_AreThePrometheusNames_AndUnitsUcum()
    {
        var registry = PublishingRegistry();
        using var capture = new InstrumentCapture(registry);
        MetricCatalog.RegisterAll(registry);
        var instruments = capture.Instruments;

        Assert.Equal("s", instruments["http_request_duration_seconds"].Unit);
        Assert.Equal("By", instruments["pub_cache_bytes"].Unit);
        Assert.Equal("1", instruments["pub_hit_ratio"].Unit);
        Assert.Null(instruments["orders_total"].Unit);
        Assert.Equal("Metrics.Generators.Tests", instruments["orders_total"].Meter.Name);
        Assert.Same(registry, instruments["orders_total"].Meter.Scope);
        Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], ((Histogram<double>)instruments["http_request_duration_seconds"]).Advice!.HistogramBucketBoundaries);
        Assert.Equal(["Metrics.Generators.Tests"], MetricMeters.InUse(registry));
    }

    [Fact]
    public void ANonPublishingRegistry_CreatesNoMeter()
    {
        var registry = new MetricRegistry();
        using var capture = new InstrumentCapture(registry);
        MetricCatalog.RegisterAll(registry);
        new ShopMetrics.RequestDuration(new MetricRegistry()).Observe(0.1, HttpVerb.Get, "/");

        Assert.False(registry.PublishesInstruments);
        Assert.Empty(capture.Instruments);
        Assert.Empty(MetricMeters.InUse(registry));
        Assert.True(MetricRegistry.Default.PublishesInstruments);
    }

    [Fact]
    public void TheDefaultCollectors_AreNotPublished()
    {
        var registry = PublishingRegistry();
        using var capture = new InstrumentCapture(registry);
        DefaultCollectors.Register(registry);

        Assert.NotEmpty(registry.Families);
        Assert.Contains("process_cpu_seconds_total", Scrape.Text(registry));
        Assert.Empty(capture.Instruments);
        Assert.Empty(capture.Observe());
    }

    [Fact]
    public void UnregisteredAndClearedFamilies_ReportNothing_AndReportAgainWhenRegisteredAgain()
    {
        var registry = PublishingRegistry();
        using var capture = new InstrumentCapture(registry);
        var orders = new ShopMetrics.OrdersTotal(registry);
        var latency = new ShopMetrics.RequestDuration(registry);
        var wait = new PublishedMetrics.QueueWait(registry);
        orders.Inc(OrderOutcome.Created);

        // The enum label's series exist from the start, as in a scrape.
        Assert.Equal([0, 1], capture.Observe().Select(m => m.Value).Order());

        // A series recorded while published: its cell holds the instrument, and must let go of it on Clear.
        latency.Observe(0.05, HttpVerb.Get, "/");
        Assert.Equal(0.05, Assert.Single(capture.Recorded).Value);

        var families = registry.Families.ToArray();
        Assert.True(registry.Unregister(families.Single(f => f.Descriptor.Name == "orders_total")));
        Assert.Empty(capture.Observe());
        registry.Clear();
        latency.Observe(0.1, HttpVerb.Get, "/");
        wait.Observe(0.1, Verb.Get);
        latency.Bind(HttpVerb.Get, "/").Observe(0.2);
        Assert.Empty(capture.Observe());
        Assert.Equal(0.05, Assert.Single(capture.Recorded).Value);   // nothing since Clear, the existing cell included

        // The same families registered again report again, through the instruments they had.
        foreach (var family in families)
        {
            registry.Register(family);
        }

        latency.Observe(0.3, HttpVerb.Post, "/");
        latency.Observe(0.4, HttpVerb.Get, "/");
        Assert.Equal([0.05, 0.3, 0.4], capture.Recorded.Select(m => m.Value));
        Assert.Equal([0, 1], capture.Observe().Select(m => m.Value).Order());
    }

    private static string? ExpectedUnit(string? unit) => unit switch
    {
        null => null,
        "seconds" => "s",
        "bytes" => "By",
        "ratio" => "1",
        _ => unit,
    };

    // Two series per family: every label at its first value (or at overflow, for free-form labels with none yet), and
    // every label at __overflow__, so tags are checked for known and overflow values alike.
    private static void Record(MetricFamily family)
    {
        var labels = family.Labels;
        long first = 0, overflow = 0;
        foreach (var label in labels)
        {
            first = first * label.Cardinality + (label is FixedLabel ? 0 : label.Cardinality - 1);
            overflow = overflow * label.Cardinality + label.Cardinality - 1;
        }

        foreach (var (index, k) in new[] { (first, 1), (overflow, 2) })
        {
            switch (family)
            {
                case MetricFamily<CounterCell> counters: counters.GetOrAdd(index).Add(3 * k); break;
                case MetricFamily<GaugeCell> gauges: gauges.GetOrAdd(index).Set(2.5 * k); break;
                case MetricFamily<HistogramCell> histograms:
                    histograms.GetOrAdd(index).Observe(0.2 * k);
                    histograms.GetOrAdd(index).Observe(7);
                    break;
                case MetricFamily<SummaryCell> summaries: summaries.GetOrAdd(index).Observe(0.3 * k); break;
            }
        }
    }

    private static Dictionary<string, string> ExpectedTags(Dictionary<string, string> scraped, MetricRegistry registry, params string[] without)
    {
        var tags = scraped.Where(pair => !without.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal);

        // Whether or not the exposition writes the constant labels yet, the tags carry them.
        foreach (var (key, value) in registry.ConstantLabels)
        {
            tags[key] = value;
        }

        return tags;
    }

    private static void AssertObservedEqualsScrape(string text, string name, List<InstrumentCapture.Measured> observed, MetricRegistry registry)
    {
        var samples = Scrape.Samples(text, name);
        Assert.NotEmpty(samples);
        Assert.Equal(samples.Count, observed.Count);
        foreach (var (labels, value) in samples)
        {
            var tags = ExpectedTags(labels, registry);
            var measured = Assert.Single(observed, m => m.HasTags(tags));
            Assert.Equal(value, measured.Value);
        }
    }

    private static void AssertRecordedEqualsScrape(string text, MetricDescriptor descriptor, List<InstrumentCapture.Measured> recorded, MetricRegistry registry)
    {
        var name = descriptor.FamilyName;
        var counts = Scrape.Samples(text, name + "_count");
        Assert.NotEmpty(counts);
        Assert.Equal(counts.Sum(c => c.Value), recorded.Count);
        foreach (var (labels, count) in counts)
        {
            var tags = ExpectedTags(labels, registry);
            var series = recorded.Where(m => m.HasTags(tags)).Select(m => m.Value).ToList();
            Assert.Equal(count, series.Count);
            Assert.Equal(Scrape.Value(text, name + "_sum", [.. labels.Select(p => (p.Key, p.Value))]), series.Sum(), 12);
        }

        if (descriptor.Type != MetricType.Histogram)
        {
            return;
        }

        foreach (var (labels, cumulative) in Scrape.Samples(text, name + "_bucket"))
        {
            var bound = labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(labels["le"], CultureInfo.InvariantCulture);
            var tags = ExpectedTags(labels, registry, "le");
            Assert.Equal(cumulative, recorded.Count(m => m.HasTags(tags) && m.Value <= bound));
        }
    }
}

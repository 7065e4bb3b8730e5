using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using Metrics.Generators.Benchmarks;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.Benchmarks.Tests;

/// <summary>
/// BenchmarkSmokeTests runs every benchmark method of the suite once, the way BenchmarkDotNet would (global setup,
/// iteration setup, the method, iteration cleanup, global cleanup), and checks that the recorded work happened.
/// No timing is asserted.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    public static TheoryData<string> BenchmarkClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Floor).Assembly.GetTypes().Where(IsBenchmarkClass).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void EveryBenchmarkMethod_RunsOnce(string typeName)
    {
        var type = typeof(Floor).Assembly.GetType(typeName)!;
        var benchmarks = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
        Assert.NotEmpty(benchmarks);
        var instance = Activator.CreateInstance(type)!;
        Invoke<GlobalSetupAttribute>(instance);
        try
        {
            foreach (var benchmark in benchmarks)
            {
                Invoke<IterationSetupAttribute>(instance);
                benchmark.Invoke(instance, null);
                Invoke<IterationCleanupAttribute>(instance);
            }
        }
        finally
        {
            Invoke<GlobalCleanupAttribute>(instance);
        }
    }

    [Fact]
    public void RecordingCases_RecordIntoTheirSeries()
    {
        var counter = new CounterNoLabels();
        counter.GlobalSetup();
        counter.OursInc();
        counter.PrometheusNetInc();
        counter.FloorIncrement();
        counter.GlobalCleanup();
        Assert.Equal(1, counter.Ours.Value);
        Assert.Equal(1, counter.PrometheusNet.Value);
        Assert.Equal(1, counter.Floor.Count);

        var labeled = new CounterThreeLabels();
        labeled.GlobalSetup();
        labeled.OursEnums();
        labeled.OursBoundedString();
        labeled.PrometheusNetWithLabels();
        labeled.GlobalCleanup();
        Assert.Equal(1, labeled.OursTyped.Bind(HttpMethod.Get, Route.Order, Status.Ok).Value);
        Assert.Equal(1, labeled.OursBounded.Bind(HttpMethod.Get, Labels.Route, Status.Ok).Value);
        Assert.Equal(1, labeled.PrometheusNet.WithLabels(Labels.Method, Labels.Route, Labels.Status).Value);

        var histogram = new HistogramTwoLabels();
        histogram.GlobalSetup();
        histogram.OursObserve();
        histogram.OursSeriesObserve();
        histogram.OursTypedObserve();
        histogram.PrometheusNetObserve();
        histogram.GlobalCleanup();
        Assert.Equal(2, histogram.Ours.Bind(HttpMethod.Get, Labels.Route).Count);
        Assert.Equal(1, histogram.OursTyped.Bind(HttpMethod.Get, Route.Order).Count);
        Assert.Equal(1, histogram.PrometheusNet.WithLabels(Labels.Method, Labels.Route).Count);

        var gauge = new GaugeIncDec();
        gauge.GlobalSetup();
        gauge.OursIncDec();
        gauge.GlobalCleanup();
        Assert.Equal(0, gauge.Ours.Value);
    }

    [Fact]
    public void HistogramPublished_RecordsIntoCells_AndOnlyTheListenedRegistryReachesTheSdk()
    {
        var published = new HistogramPublished();
        published.GlobalSetup();
        try
        {
            published.NotPublishingObserve();
            published.PublishingUnlistenedObserve();
            published.GeneratedNotPublishingObserve();
            published.GeneratedListenedObserve();
            published.ListenedSeriesObserve();
            published.OpenTelemetryRecord();
            published.OpenTelemetryRecordSpan();
            Assert.Equal(1, published.NotPublishing.GetOrAdd(0).Count);
            Assert.Equal(1, published.PublishingUnlistened.GetOrAdd(0).Count);
            Assert.Equal(2, published.GeneratedNotPublishing.Bind(HttpMethod.Get, Labels.Route).Count);
            Assert.Equal(3, published.GeneratedListened.Bind(HttpMethod.Get, Labels.Route).Count);

            published.Collect();
            var ours = Assert.Single(published.Exported, m => m.Name == "bench_latency_seconds");
            long count = 0;
            foreach (ref readonly var point in ours.GetMetricPoints())
            {
                count += point.GetHistogramCount();
            }

            Assert.Equal(3, count);
            var theirs = Assert.Single(published.Exported, m => m.Name == "otel_latency_seconds");
            count = 0;
            foreach (ref readonly var point in theirs.GetMetricPoints())
            {
                count += point.GetHistogramCount();
            }

            Assert.Equal(2, count); // both OpenTelemetry benchmarks recorded into the same series
            Assert.DoesNotContain(published.Exported, m => m.Name == "bench_published_latency_seconds");
        }
        finally
        {
            published.GlobalCleanup();
        }
    }

    [Fact]
    public void CounterCollection_SeesEverySeries()
    {
        var collection = new CounterCollection();
        collection.GlobalSetup();
        try
        {
            collection.MeterListenerCollect();
            Assert.Equal(CounterCollection.Series, collection.Listened.Measurements);
            Assert.Equal(CounterCollection.Series * (CounterCollection.Series - 1) / 2.0, collection.Listened.Sum);

            collection.OpenTelemetryCollect();
            var hits = Assert.Single(collection.Exported, m => m.Name == "bench_route_hits_total");
            var points = 0;
            foreach (ref readonly var point in hits.GetMetricPoints())
            {
                points++;
            }

            Assert.Equal(CounterCollection.Series, points);
        }
        finally
        {
            collection.GlobalCleanup();
        }
    }

    [Fact]
    public void TwoThreads_KeepExactTotals()
    {
        var contention = new TwoThreads();
        contention.GlobalSetup();
        contention.FloorShared();
        contention.OursEnums();
        contention.OursBoundedString();
        contention.OursHistogram();
        contention.GlobalCleanup();
        Assert.Equal(2 * TwoThreads.PerThread, contention.Floor.Count);
        Assert.Equal(2 * TwoThreads.PerThread, contention.OursTyped.Bind(HttpMethod.Get, Route.Order, Status.Ok).Value);
        Assert.Equal(2 * TwoThreads.PerThread, contention.OursBounded.Bind(HttpMethod.Get, Labels.Route, Status.Ok).Value);
        var histogram = contention.OursLatency.Bind(HttpMethod.Get, Labels.Route);
        Assert.Equal(2 * TwoThreads.PerThread, histogram.Count);
        Assert.Equal(2 * TwoThreads.PerThread * Labels.Observation, histogram.Sum, 1e-3);
    }

    [Fact]
    public void NewSeries_CreatesOneSeriesPerValue()
    {
        var series = new NewSeries();
        series.IterationSetup();
        series.Ours_();
        series.PrometheusNet_();
        series.GlobalCleanup();
        Assert.Equal(1, series.Ours.Bind("/route/0").Value);
        Assert.Equal(1, series.Ours.Bind("/route/" + (NewSeries.NewPerInvocation - 1)).Value);
        Assert.Equal(1, series.PrometheusNet.WithLabels("/route/0").Value);
    }

    [Fact]
    public void Scrape_WritesEverySeries()
    {
        var scrape = new Scrape();
        scrape.GlobalSetup();
        scrape.Ours_();
        scrape.PrometheusNet_();

        // Both libraries: 10,000 counter series, each with the value it was given, and 1,000 histogram series of
        // 11 buckets + +Inf + _sum + _count, each holding its one observation; nothing else.
        var ours = SampleLines(scrape.OursText());
        Assert.Equal(Encoding.UTF8.GetByteCount(scrape.OursText()), scrape.OursBytesWritten);
        AssertEverySeries(ours);
        AssertEverySeries(SampleLines(scrape.PrometheusNetText()));
    }

    private static void AssertEverySeries(List<(string Series, string Value)> samples)
    {
        var hits = samples.Where(s => s.Series.StartsWith("bench_route_hits_total{", StringComparison.Ordinal)).ToDictionary(s => s.Series, s => s.Value);
        Assert.Equal(Scrape.CounterSeries, hits.Count);
        for (var i = 0; i < Scrape.CounterSeries; i++)
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), hits["bench_route_hits_total{route=\"/route/" + i + "\"}"]);
        }

        var latency = samples.Where(s => s.Series.StartsWith("bench_route_latency_seconds_", StringComparison.Ordinal)).ToList();
        Assert.Equal(Scrape.HistogramSeries * (Labels.Buckets.Length + 3), latency.Count);
        var counts = latency.Where(s => s.Series.StartsWith("bench_route_latency_seconds_count{", StringComparison.Ordinal)).ToList();
        Assert.Equal(Scrape.HistogramSeries, counts.Count);
        Assert.All(counts, s => Assert.Equal("1", s.Value));
        Assert.Equal(Scrape.HistogramSeries, latency.Count(s => s.Series.EndsWith("le=\"+Inf\"}", StringComparison.Ordinal) && s.Value == "1"));
        Assert.Equal(hits.Count + latency.Count, samples.Count);
    }

    // Sample lines (not comments) split into series and value.
    private static List<(string Series, string Value)> SampleLines(string text)
        => text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => (line[..line.LastIndexOf(' ')], line[(line.LastIndexOf(' ') + 1)..]))
            .ToList();

    [Fact]
    public void MemoryPerSeries_MeasuresSomethingForEveryLibrary()
    {
        var (ours, prometheus, otel) = MemoryPerSeries.Measure(1_000);
        Assert.True(ours > 0);
        Assert.True(prometheus > 0);
        Assert.True(otel > 0);
    }

    private static bool IsBenchmarkClass(Type type)
        => type is { IsClass: true, IsAbstract: false, IsPublic: true } && type.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);

    private static void Invoke<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}

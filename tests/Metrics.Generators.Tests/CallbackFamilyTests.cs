using System.Text;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// The scrape-time family the default collectors are built on: its text is the stored families' text, a value it
/// cannot read is a missing sample, its attach/detach follow registration, and the /proc/self/stat parser.
/// </summary>
public class CallbackFamilyTests
{
    [Theory]
    [InlineData(ExpositionFormat.PrometheusText)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void CallbackCounterWithUnit_WritesExactlyWhatACounterFamilyWrites(ExpositionFormat format)
    {
        var descriptor = new MetricDescriptor("work_seconds_total", MetricType.Counter, "Work \"done\".", "seconds", []);
        var stored = new MetricRegistry();
        stored.Register(new MetricFamily<CounterCell>(descriptor)).GetOrAdd(0).Add(2.25);
        var callback = new MetricRegistry();
        callback.Register(new CallbackFamily(descriptor, static () => 2.25));

        Assert.Equal(Scrape.Text(stored, format), Scrape.Text(callback, format));
    }

    [Theory]
    [InlineData(ExpositionFormat.PrometheusText)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void CallbackLabeledCounter_WritesExactlyWhatACounterFamilyWrites(ExpositionFormat format)
    {
        var descriptor = new MetricDescriptor("collections_total", MetricType.Counter, "Collections.", null, ["generation"]);
        var generation = new FixedLabel("generation", "0", "1", "2");
        var stored = new MetricRegistry();
        var family = stored.Register(new MetricFamily<CounterCell>(descriptor, generation));
        family.GetOrAdd(0).Add(12);
        family.GetOrAdd(1).Add(3);
        family.GetOrAdd(2).Add(1);
        var callback = new MetricRegistry();
        callback.Register(new CallbackFamily(descriptor, generation, [static () => 12, static () => 3, static () => 1]));

        var text = Scrape.Text(callback, format);

        Assert.Equal(Scrape.Text(stored, format), text);
        Assert.Contains("collections_total{generation=\"1\"} 3\n", text);
    }

    [Theory]
    [InlineData(ExpositionFormat.PrometheusText)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void CallbackGaugeWithUnit_WritesExactlyWhatAGaugeFamilyWrites(ExpositionFormat format)
    {
        var descriptor = new MetricDescriptor("heap_bytes", MetricType.Gauge, "Heap.", "bytes", []);
        var stored = new MetricRegistry();
        stored.Register(new MetricFamily<GaugeCell>(descriptor)).GetOrAdd(0).Set(123456789);
        var callback = new MetricRegistry();
        callback.Register(new CallbackFamily(descriptor, static () => 123456789));

        var text = Scrape.Text(callback, format);

        Assert.Equal(Scrape.Text(stored, format), text);
        Assert.Equal(format == ExpositionFormat.OpenMetrics, text.Contains("# UNIT heap_bytes bytes\n", StringComparison.Ordinal));
    }

    [Fact]
    public void CallbackThatThrowsOrGivesNaN_LeavesOnlyItsSampleOut()
    {
        var registry = new MetricRegistry();
        var generation = new FixedLabel("generation", "0", "1", "2");
        registry.Register(new CallbackFamily(
            new MetricDescriptor("collections_total", MetricType.Counter, "Collections.", null, ["generation"]),
            generation,
            [static () => 5, static () => throw new IOException("gone"), static () => double.NaN]));
        registry.Register(new CallbackFamily(new MetricDescriptor("answer", MetricType.Gauge, "Answer.", null, []), static () => 42));

        Assert.Equal(
            """
            # HELP answer Answer.
            # TYPE answer gauge
            answer 42
            # HELP collections_total Collections.
            # TYPE collections_total counter
            collections_total{generation="0"} 5

            """,
            Scrape.Text(registry));
    }

    [Fact]
    public void NegativeCounterValue_IsLeftOut_NegativeGaugeValueIsWritten()
    {
        var registry = new MetricRegistry();
        registry.Register(new CallbackFamily(new MetricDescriptor("odd_total", MetricType.Counter, "Odd.", null, []), static () => -1));
        registry.Register(new CallbackFamily(new MetricDescriptor("delta", MetricType.Gauge, "Delta.", null, []), static () => -1));

        var samples = Scrape.Samples(Scrape.Text(registry)).ToList();

        Assert.Equal([("delta", "-1")], samples);
    }

    [Fact]
    public void HistogramDescriptor_OrWrongCallbackCount_IsRejected()
    {
        var histogram = new MetricDescriptor("latency_seconds", MetricType.Histogram, "Latency.", "seconds", []);
        Assert.Throws<ArgumentException>(() => new CallbackFamily(histogram, static () => 1));

        var labeled = new MetricDescriptor("collections_total", MetricType.Counter, "Collections.", null, ["generation"]);
        Assert.Throws<ArgumentException>(() => new CallbackFamily(labeled, new FixedLabel("generation", "0", "1"), [static () => 1]));
    }

    [Fact]
    public void AttachAndDetach_FollowRegisterUnregisterAndClear()
    {
        var events = new List<string>();
        var family = new CallbackFamily(
            new MetricDescriptor("watched", MetricType.Gauge, "Watched.", null, []), static () => 1, () => events.Add("attach"), () => events.Add("detach"));
        var registry = new MetricRegistry();

        registry.Register(family);
        registry.Unregister(family);
        registry.Register(family);
        registry.Clear();

        Assert.Equal(["attach", "detach", "attach", "detach"], events);
    }

    [Fact]
    public void RegisterAll_WithOneClash_RegistersNoneAndAttachesNothing()
    {
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("taken", MetricType.Gauge, "Taken.", null, [])));
        var attached = 0;
        var fresh = new CallbackFamily(new MetricDescriptor("fresh", MetricType.Gauge, "Fresh.", null, []), static () => 1, () => attached++);
        var clash = new CallbackFamily(new MetricDescriptor("taken", MetricType.Gauge, "Clash.", null, []), static () => 1, () => attached++);

        var e = Assert.Throws<InvalidOperationException>(() => registry.RegisterAll([fresh, clash]));

        Assert.Contains("both expose 'taken'", e.Message);
        Assert.Equal(["taken"], registry.Families.Select(f => f.Descriptor.Name));
        Assert.Equal(0, attached);
        registry.Register(fresh); // its names were given back
        Assert.Equal(1, attached);
    }

    [Fact]
    public void RegisterAll_TheSameFamilyTwice_Throws()
    {
        var registry = new MetricRegistry();
        var family = new MetricFamily<GaugeCell>(new MetricDescriptor("twice", MetricType.Gauge, "Twice.", null, []));

        Assert.Throws<InvalidOperationException>(() => registry.RegisterAll([family, family]));
        Assert.Empty(registry.Families);
    }

    [Theory]
    [InlineData("4242 (dotnet) S 1 4242 4242 0 -1 4194560 9072 0 0 0 57 12 0 0 20 0 14 0 123456 3221225472 25600 18446744073709551615 1 1 0 0 0 0 0 4096 17630 0 0 0 17 1 0 0 0 0 0\n")]
    [InlineData("4242 (a b) (c)) R 1 4242 4242 0 -1 4194560 9072 0 0 0 57 12 0 0 20 0 14 0 123456 3221225472 25600 18446744073709551615\n")]
    public void ProcStatParser_ReadsVsizeAndRss_WhateverTheCommandName(string stat)
    {
        var bytes = Encoding.ASCII.GetBytes(stat);

        Assert.Equal(3221225472d, ProcSelf.ParseStatField(bytes, 20));
        Assert.Equal(25600d, ProcSelf.ParseStatField(bytes, 21));
        Assert.Equal(57d, ProcSelf.ParseStatField(bytes, 11));
        Assert.True(double.IsNaN(ProcSelf.ParseStatField(bytes, 60)));
        Assert.True(double.IsNaN(ProcSelf.ParseStatField("no parenthesis"u8, 1)));
    }
}

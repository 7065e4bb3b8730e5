using System.Buffers;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// Recording on an existing series allocates nothing: measured with the current thread's allocation counter
/// around a loop, after a warm-up that creates the series and runs the code once.
/// </summary>
public class AllocationTests
{
    [Fact]
    public void LabeledCounterInc_AllocatesNothing()
    {
        var orders = new ShopMetrics.OrdersTotal(new MetricRegistry());

        Allocation.AssertNone(() => orders.Inc(OrderOutcome.Created));
    }

    [Fact]
    public void HistogramObserve_WithBoundedStringLabelLookup_AllocatesNothing()
    {
        var latency = new ShopMetrics.RequestDuration(new MetricRegistry());
        var route = string.Concat("/orders/", "{id}"); // a fresh string instance each lookup is not needed; equal content is

        Allocation.AssertNone(() => latency.Observe(0.042, HttpVerb.Post, route));
        Allocation.AssertNone(() => latency.Bind(HttpVerb.Get, route).Observe(3));
    }

    [Fact]
    public void BoundedStringLabelIndexOf_ExistingValue_AllocatesNothing()
    {
        var label = new BoundedStringLabel("route", 100);
        for (var i = 0; i < 50; i++)
        {
            label.IndexOf("/r/" + i);
        }

        var probe = "/r/" + 37;
        var sink = 0;
        Allocation.AssertNone(() => sink += label.IndexOf(probe));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void GaugeSetIncDec_AllocatesNothing()
    {
        var cell = new MetricFamily<GaugeCell>(new MetricDescriptor("g", MetricType.Gauge, "G.", null, [])).GetOrAdd(0);

        Allocation.AssertNone(() =>
        {
            cell.Set(12.5);
            cell.Inc();
            cell.Dec(0.5);
            using (cell.TrackInProgress())
            {
            }
        });
    }

    [Fact]
    public void SummaryObserve_AllocatesNothing()
    {
        var clock = 1_000_000L;
        var family = new MetricFamily<SummaryCell>(
            new MetricDescriptor("s_seconds", MetricType.Summary, "S.", "seconds", [], quantiles: [0.5, 0.9, 0.99]),
            () => clock,
            []);
        var cell = family.GetOrAdd(0);
        var value = 0.001;

        Allocation.AssertNone(() =>
        {
            cell.Observe(value);
            value = value >= 1 ? 0.001 : value * 1.1;
        });
    }

    [Fact]
    public void TimersAndCountExceptions_AllocateNothing()
    {
        var histogram = new MetricFamily<HistogramCell>(new MetricDescriptor("h_seconds", MetricType.Histogram, "H.", "seconds", [])).GetOrAdd(0);
        var summary = new MetricFamily<SummaryCell>(new MetricDescriptor("s_seconds", MetricType.Summary, "S.", "seconds", [])).GetOrAdd(0);
        var counter = new MetricFamily<CounterCell>(new MetricDescriptor("errors_total", MetricType.Counter, "E.", null, [])).GetOrAdd(0);
        Action work = static () => { };

        Allocation.AssertNone(() =>
        {
            using (histogram.Time())
            using (summary.Time())
            {
                counter.CountExceptions(work);
            }
        });
    }

    [Fact]
    public void Scrape_AllocatesLessThanOneKilobyte()
    {
        var registry = ExpositionGoldenTests.BuildEveryType();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        for (var i = 0; i < 3; i++)
        {
            buffer.ResetWrittenCount();
            registry.Write(buffer, ExpositionFormat.OpenMetrics);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            registry.Write(buffer, i % 2 == 0 ? ExpositionFormat.OpenMetrics : ExpositionFormat.PrometheusText);
        }

        var perScrape = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        Assert.True(perScrape < 1024, $"a scrape allocated {perScrape} bytes");
    }
}

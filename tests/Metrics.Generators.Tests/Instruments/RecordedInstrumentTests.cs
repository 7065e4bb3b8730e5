using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests.Instruments;

/// <summary>
/// RecordedInstrumentTests drives every way generated code observes a histogram or summary (by labels, bound series,
/// timer, unlabeled type) and checks the instrument gets each observation with the series' tags, only while listened to.
/// </summary>
public sealed class RecordedInstrumentTests
{
    private static MetricRegistry PublishingRegistry() => new(new MetricRegistryOptions { PublishInstruments = true });

    [Fact]
    public void WithNoListener_NoRecordingReachesTheInstrument()
    {
        var registry = PublishingRegistry();
        var latency = new ShopMetrics.RequestDuration(registry);
        var wait = new PublishedMetrics.QueueWait(registry);
        latency.Observe(0.1, HttpVerb.Get, "/a");
        latency.Bind(HttpVerb.Get, "/a").Observe(0.2);
        wait.Observe(0.1, Verb.Get);

        var histogram = ((MetricFamily<HistogramCell>)registry.Families.Single(f => f.Descriptor.Name == "http_request_duration_seconds")).Series;
        var summary = ((MetricFamily<SummaryCell>)registry.Families.Single(f => f.Descriptor.Name == "pub_queue_wait_seconds")).Series;
        foreach (var cell in histogram)
        {
            Assert.False(cell.HasInstrumentTags);
            Assert.Equal(2, cell.Count);
        }

        foreach (var cell in summary)
        {
            Assert.False(cell.HasInstrumentTags);
        }

        // A listener started afterwards sees nothing of the past.
        using var capture = new InstrumentCapture(registry);
        Assert.Empty(capture.Recorded);
    }

    [Fact]
    public void EveryObservePath_ReachesTheListener_WithTheSeriesTags_UntilTheListenerIsDisposed()
    {
        var registry = PublishingRegistry();
        var latency = new ShopMetrics.RequestDuration(registry);
        var wait = new PublishedMetrics.QueueWait(registry);
        var payment = new GeneratedShop.PaymentDuration(registry);
        var capture = new InstrumentCapture(registry);

        latency.Observe(0.1, HttpVerb.Get, "/a");                   // FamilyRecording.Observe (histogram)
        latency.Bind(HttpVerb.Post, "/b").Observe(0.2);             // bound series → HistogramCell.Observe
        using (latency.Bind(HttpVerb.Post, "/b").Time())            // HistogramTimer
        {
        }

        latency.Observe(double.NaN, HttpVerb.Get, "/a");            // ignored by the cell, so by the instrument too
        wait.Observe(0.3, Verb.Post);                               // FamilyRecording.Observe (summary)
        wait.Bind(Verb.Get).Observe(0.4);                           // SummaryCell.Observe
        using (wait.Bind(Verb.Get).Time())                          // SummaryTimer
        {
        }

        payment.Observe(0.5);                                       // unlabeled summary
        using (payment.Time())
        {
        }

        var recorded = capture.Recorded;
        Assert.Equal(8, recorded.Count);
        Assert.Equal(3, recorded.Count(m => m.Instrument.Name == "http_request_duration_seconds"));
        Assert.Single(recorded, m => m.Value == 0.1 && m.HasTags(new Dictionary<string, string> { ["method"] = "get", ["route"] = "/a" }));
        Assert.Equal(2, recorded.Count(m => m.Instrument.Name == "http_request_duration_seconds" && m.HasTags(new Dictionary<string, string> { ["method"] = "post", ["route"] = "/b" })));
        Assert.Single(recorded, m => m.Value == 0.3 && m.HasTags(new Dictionary<string, string> { ["method"] = "POST" }));
        Assert.Equal(2, recorded.Count(m => m.Instrument.Name == "pub_queue_wait_seconds" && m.HasTags(new Dictionary<string, string> { ["method"] = "GET" })));
        Assert.Equal(2, recorded.Count(m => m.Instrument.Name == "gen_payment_duration_seconds" && m.Tags.Count == 0));

        capture.Dispose();
        latency.Observe(0.1, HttpVerb.Get, "/a");
        wait.Observe(0.3, Verb.Post);
        payment.Observe(0.5);
        Assert.Equal(8, capture.Recorded.Count);
    }

    [Fact]
    public void OverflowValues_AreTaggedAsTheScrapeShowsThem()
    {
        var registry = PublishingRegistry();
        var latency = new ShopMetrics.RequestDuration(registry);
        using var capture = new InstrumentCapture(registry);
        latency.Observe(0.1, (HttpVerb)42, "/a");

        Assert.Contains("http_request_duration_seconds_count{method=\"__overflow__\",route=\"/a\"} 1\n", Scrape.Text(registry));
        Assert.True(Assert.Single(capture.Recorded).HasTags(new Dictionary<string, string> { ["method"] = "__overflow__", ["route"] = "/a" }));
    }

    [Fact]
    public void EnabledRecording_AllocatesNothing_AfterEachSeriesFirst()
    {
        var registry = PublishingRegistry();
        var latency = new ShopMetrics.RequestDuration(registry);
        var wait = new PublishedMetrics.QueueWait(registry);
        var series = latency.Bind(HttpVerb.Get, "/bound");
        using var capture = new CountingListener(registry);

        Allocation.AssertNone(() =>
        {
            latency.Observe(0.2, HttpVerb.Post, "/orders");
            series.Observe(0.3);
            using (series.Time())
            {
            }

            wait.Observe(0.1, Verb.Get);
        });
        Assert.Equal(4L * 2 * Allocation.Iterations, capture.Count);
    }
}

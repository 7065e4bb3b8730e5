using Metrics.Generators.Generated;

namespace Metrics.Generators.Tests;

public enum Outcome
{
    Created,
    Failed,
}

public enum Verb
{
    [LabelValue("GET")] Get,
    [LabelValue("POST")] Post,
}

/// <summary>Declarations compiled by the real generator (this project references it as an analyzer).</summary>
public static partial class GeneratedShop
{
    [Counter("gen_orders_total", Help = "Orders by outcome.")]
    [Label<Outcome>("status"), Label<Verb>("method"), Label<bool>("retried")]
    public static partial OrdersTotal Orders { get; }

    [Counter("gen_route_hits_total", Help = "Hits by route.")]
    [Label<Verb>("method"), Label<string>("route", MaxValues = 2)]
    public static partial RouteHits Hits { get; }

    /// <summary>Orders being processed.</summary>
    [Gauge("gen_orders_in_flight")]
    [Label<string>("region", AllowedValues = ["eu", "us"])]
    public static partial OrdersInFlight InFlight { get; }

    [Histogram("gen_request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.25, 0.5], Slo = 0.25)]
    [Label<Verb>("method"), Label<string>("route", MaxValues = 100)]
    public static partial RequestDuration Latency { get; }

    [Summary("gen_payment_duration_seconds", Help = "Payment latency.", Unit = "seconds", Quantiles = [0.5])]
    public static partial PaymentDuration Payment { get; }
}

/// <summary>
/// GeneratedMetricsTests drives the code the generator emitted for <see cref="GeneratedShop"/>: zero allocation on
/// the labeled paths, overflow folding, and registration through the catalogue into a registry of the test's own.
/// </summary>
public sealed class GeneratedMetricsTests
{
    [Fact]
    public void LabeledRecordingThroughGeneratedCode_AllocatesNothing()
    {
        var registry = new MetricRegistry();
        var orders = new GeneratedShop.OrdersTotal(registry);
        var latency = new GeneratedShop.RequestDuration(registry);
        var inFlight = new GeneratedShop.OrdersInFlight(registry);
        const string route = "/orders/{id}";

        void Record()
        {
            orders.Inc(Outcome.Created, Verb.Post, false);
            latency.Observe(0.2, Verb.Get, route);
            inFlight.Set(3, "eu");
        }

        Record();   // the series exist from here on
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Record();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_001, orders.Bind(Outcome.Created, Verb.Post, false).Value);
        Assert.Equal(10_001, latency.Bind(Verb.Get, route).Count);
        Assert.Equal(3, inFlight.Bind("eu").Value);
    }

    [Fact]
    public async Task GeneratedSeries_CountExceptions_EveryOverload_CountsOnlyThrows_AndRethrowsTheSameException()
    {
        var series = new GeneratedShop.OrdersTotal(new MetricRegistry()).Bind(Outcome.Failed, Verb.Get, true);
        var boom = new InvalidOperationException("boom");
        var token = TestContext.Current.CancellationToken;

        series.CountExceptions(() => { });
        Assert.Equal(7, series.CountExceptions(() => 7));
        await series.CountExceptionsAsync(() => Task.CompletedTask);
        Assert.Equal("ok", await series.CountExceptionsAsync(() => Task.FromResult("ok")));
        Assert.Equal(0, series.Value);

        Assert.Same(boom, Assert.Throws<InvalidOperationException>(() => series.CountExceptions(() => throw boom)));
        Assert.Same(boom, Assert.Throws<InvalidOperationException>(() => series.CountExceptions<int>(() => throw boom)));
        Assert.Same(boom, await Assert.ThrowsAsync<InvalidOperationException>(() => series.CountExceptionsAsync(async () =>
        {
            await Task.Delay(1, token);
            throw boom;
        })));
        Assert.Same(boom, await Assert.ThrowsAsync<InvalidOperationException>(() => series.CountExceptionsAsync<string>(async () =>
        {
            await Task.Delay(1, token);
            throw boom;
        })));
        Assert.Equal(4, series.Value);
    }

    [Fact]
    public void ValuesPastTheBound_FoldIntoOneCountedOverflowSeries()
    {
        var registry = new MetricRegistry();
        var hits = new GeneratedShop.RouteHits(registry);
        hits.Inc(Verb.Get, "/a");
        hits.Inc(Verb.Get, "/b");
        hits.Inc(Verb.Get, "/c");
        hits.Inc(Verb.Get, "/d");
        hits.Inc((Verb)42, "/a");

        var text = Support.Scrape.Text(registry);
        Assert.Contains("gen_route_hits_total{method=\"GET\",route=\"/a\"} 1\n", text);
        Assert.Contains("gen_route_hits_total{method=\"GET\",route=\"__overflow__\"} 2\n", text);
        Assert.Contains("gen_route_hits_total{method=\"__overflow__\",route=\"/a\"} 1\n", text);
    }

    [Fact]
    public void Catalogue_ListsAndRegistersEveryDeclaredMetric()
    {
        var names = MetricCatalog.Descriptors.Select(d => d.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("gen_request_duration_seconds", names);
        var latency = MetricCatalog.Descriptors.Single(d => d.Name == "gen_request_duration_seconds");
        Assert.Equal([0.1, 0.25, 0.5], latency.Buckets);
        Assert.Equal(0.25, latency.Slo);
        Assert.Equal(["method", "route"], latency.LabelNames);

        var registry = new MetricRegistry();
        MetricCatalog.RegisterAll(registry);
        var text = Support.Scrape.Text(registry);
        foreach (var name in new[] { "gen_orders_total", "gen_route_hits_total", "gen_orders_in_flight", "gen_request_duration_seconds", "gen_payment_duration_seconds" })
        {
            Assert.Contains("# TYPE " + name + " ", text);
        }
    }

    [Fact]
    public void StaticProperties_AreRegisteredInTheDefaultRegistryAtStartUp()
    {
        // The module initializer touched every static metric property when this assembly loaded.
        var text = Support.Scrape.Text(MetricRegistry.Default);
        Assert.Contains("# HELP gen_orders_in_flight Orders being processed.\n", text);
        Assert.Contains("gen_payment_duration_seconds_count 0\n", text);
        GeneratedShop.Payment.Observe(0.1);
        Assert.True(GeneratedShop.Payment.Count >= 1);
    }
}

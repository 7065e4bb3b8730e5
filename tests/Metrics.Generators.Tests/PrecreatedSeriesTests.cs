using Metrics.Generators.Generated;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>An enum of eleven values: with a ten-value enum, 110 combinations, past the pre-creation bound.</summary>
public enum Shard { S0, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10 }

/// <summary>An enum of ten values.</summary>
public enum Zone { Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7, Z8, Z9 }

/// <summary>Declarations for <see cref="PrecreatedSeriesTests"/>, compiled by the real generator.</summary>
public static partial class PrecreatedMetrics
{
    [Counter("pre_orders_total", Help = "Orders.")]
    [Label<Outcome>("status"), Label<Verb>("method"), Label<bool>("retried")]
    public static partial PreOrdersTotal Orders { get; }

    [Histogram("pre_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 1])]
    [Label<Verb>("method")]
    public static partial Duration Latency { get; }

    [Counter("pre_routes_total", Help = "Routes.")]
    [Label<Verb>("method"), Label<string>("route", MaxValues = 10)]
    public static partial RoutesTotal Routes { get; }

    [Counter("pre_shards_total", Help = "Shards.")]
    [Label<Shard>("shard"), Label<Zone>("zone")]
    public static partial ShardsTotal Shards { get; }
}

/// <summary>
/// PrecreatedSeriesTests pins which generated metrics create their series at construction: all-enum/bool labels
/// within 100 combinations do, at 0 and without <c>__overflow__</c>; a bounded string label or more combinations
/// do not.
/// </summary>
public sealed class PrecreatedSeriesTests
{
    [Fact]
    public void EnumAndBoolLabels_CreateEveryCombinationAtZero_WithoutOverflow()
    {
        var registry = new MetricRegistry();
        _ = new PrecreatedMetrics.PreOrdersTotal(registry);

        var samples = Scrape.Samples(Scrape.Text(registry)).ToList();
        Assert.Equal(2 * 2 * 2, samples.Count);
        Assert.All(samples, sample => Assert.Equal("0", sample.Value));
        Assert.Contains(samples, s => s.Series == "pre_orders_total{status=\"failed\",method=\"POST\",retried=\"true\"}");
        Assert.DoesNotContain(samples, s => s.Series.Contains("__overflow__", StringComparison.Ordinal));
    }

    [Fact]
    public void APrecreatedHistogram_ExposesZeroBucketsPerKnownValue()
    {
        var registry = new MetricRegistry();
        _ = new PrecreatedMetrics.Duration(registry);

        var samples = Scrape.Samples(Scrape.Text(registry)).ToList();
        Assert.Contains(("pre_duration_seconds_count{method=\"GET\"}", "0"), samples);
        Assert.Contains(("pre_duration_seconds_bucket{method=\"POST\",le=\"+Inf\"}", "0"), samples);
    }

    [Fact]
    public void ABoundedStringLabel_IsNotPrecreated()
    {
        var registry = new MetricRegistry();
        _ = new PrecreatedMetrics.RoutesTotal(registry);

        Assert.Empty(Scrape.Samples(Scrape.Text(registry)));
    }

    [Fact]
    public void MoreThan100Combinations_AreNotPrecreated()
    {
        var registry = new MetricRegistry();
        _ = new PrecreatedMetrics.ShardsTotal(registry);

        Assert.Empty(Scrape.Samples(Scrape.Text(registry)));
    }
}

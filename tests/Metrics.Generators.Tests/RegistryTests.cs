using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>Registration rejects any two families that would expose the same name.</summary>
public class RegistryTests
{
    [Theory]
    [InlineData(MetricType.Counter, "orders", MetricType.Counter, "orders_total", "orders")]
    [InlineData(MetricType.Counter, "orders", MetricType.Gauge, "orders_total", "orders_total")]
    [InlineData(MetricType.Histogram, "latency", MetricType.Gauge, "latency_count", "latency_count")]
    [InlineData(MetricType.Histogram, "latency", MetricType.Counter, "latency_bucket_total", "latency_bucket")]
    [InlineData(MetricType.Summary, "latency", MetricType.Gauge, "latency_sum", "latency_sum")]
    [InlineData(MetricType.Gauge, "latency", MetricType.Summary, "latency", "latency")]
    [InlineData(MetricType.Counter, "orders_total", MetricType.Gauge, "orders_created", "orders_created")]
    [InlineData(MetricType.Histogram, "latency", MetricType.Gauge, "latency_created", "latency_created")]
    public void DuplicateExposedName_Throws_NamingIt(MetricType firstType, string firstName, MetricType secondType, string secondName, string clash)
    {
        var registry = new MetricRegistry();
        Register(registry, firstType, firstName);

        var e = Assert.Throws<InvalidOperationException>(() => Register(registry, secondType, secondName));
        Assert.Contains($"both expose '{clash}'", e.Message);
        Assert.Contains($"'{firstName}' is already registered", e.Message);
        Assert.Single(registry.Families);
    }

    [Fact]
    public void AGaugeNamedLikeAFamilysCreatedSample_IsNotAClashForAGauge()
    {
        var registry = new MetricRegistry();
        Register(registry, MetricType.Gauge, "orders");
        Register(registry, MetricType.Gauge, "orders_created");
        Assert.Equal(2, registry.Families.Count);
    }

    [Fact]
    public void MetricKind_HasTheMembersOfMetricType_InTheSameOrder()
    {
        // The shared naming rules take MetricKind; the runtime casts its public MetricType to it.
        Assert.Equal(Enum.GetNames<MetricType>(), Enum.GetNames<Metrics.Generators.Shared.Declarations.MetricKind>());
        Assert.Equal(
            Enum.GetValues<MetricType>().Select(v => (int)v),
            Enum.GetValues<Metrics.Generators.Shared.Declarations.MetricKind>().Select(v => (int)v));
    }

    [Fact]
    public void TheSameGeneratedMetricTwice_Throws()
    {
        var registry = new MetricRegistry();
        _ = new ShopMetrics.OrdersTotal(registry);
        Assert.Throws<InvalidOperationException>(() => new ShopMetrics.OrdersTotal(registry));
    }

    [Fact]
    public void UnregisterAndClear_FreeTheNames()
    {
        var registry = new MetricRegistry();
        var family = Register(registry, MetricType.Gauge, "g");
        Assert.True(registry.Unregister(family));
        Assert.False(registry.Unregister(family));
        Register(registry, MetricType.Gauge, "g");
        registry.Clear();
        Register(registry, MetricType.Gauge, "g");
        Assert.Single(registry.Families);
    }

    [Fact]
    public void ConcurrentRegistrationsAndScrapes_AllFamiliesEndUpSorted()
    {
        var registry = new MetricRegistry();
        Parallel.For(0, 200, i =>
        {
            Register(registry, MetricType.Gauge, "g" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            _ = Scrape.Text(registry);
        });

        var names = registry.Families.Select(f => f.Descriptor.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(200, names.Length);
    }

    [Fact]
    public void Default_IsWhereGeneratedStaticMetricsRegister_AndItsScrapeShowsWhatTheyRecord()
    {
        // Touching the static property creates the metric, which registers itself in Default (no registry passed).
        DefaultRegistryProbe.Probes.Inc();

        var family = Assert.Single(MetricRegistry.Default.Families, f => f.Descriptor.Name == "registry_default_probe_total");
        Assert.Equal(typeof(DefaultRegistryProbe), family.Descriptor.DeclaringType);
        Assert.Contains("registry_default_probe_total 1\n", Support.Scrape.Text(MetricRegistry.Default), StringComparison.Ordinal);
        Assert.Same(MetricRegistry.Default, MetricRegistry.Default);
    }

    private static MetricFamily Register(MetricRegistry registry, MetricType type, string name)
    {
        var descriptor = new MetricDescriptor(name, type, "Help.", null, []);
        return type switch
        {
            MetricType.Counter => registry.Register(new MetricFamily<CounterCell>(descriptor)),
            MetricType.Gauge => registry.Register(new MetricFamily<GaugeCell>(descriptor)),
            MetricType.Histogram => registry.Register(new MetricFamily<HistogramCell>(descriptor)),
            _ => registry.Register(new MetricFamily<SummaryCell>(descriptor)),
        };
    }
}

/// <summary>A generated metric only <see cref="RegistryTests"/> touches, so the Default registry test owns its value.</summary>
public static partial class DefaultRegistryProbe
{
    [Counter("registry_default_probe_total", Help = "Incremented once by the Default registry test.")]
    public static partial ProbesTotal Probes { get; }
}

using Metrics.Generators.Tests;

// As a library that registers a metric by hand, not through a declaration, would list it for MG0003 and the clash message.
[assembly: Metrics.Generators.DeclaresMetric("clash_request_duration_seconds", Metrics.Generators.MetricType.Histogram, typeof(HandRegisteredHttpMetrics))]

namespace Metrics.Generators.Tests;

/// <summary>Declarations for <see cref="NameClashMessageTests"/>, compiled by the real generator.</summary>
public static partial class ClashShopMetrics
{
    [Histogram("clash_request_duration_seconds", Help = "Latency, as the README quick start declares it.", Unit = "seconds")]
    public static partial ClashRequestDuration Latency { get; }
}

/// <summary>Stands in for an integration that builds its descriptor by hand, without a declaring type.</summary>
public sealed class HandRegisteredHttpMetrics
{
    /// <summary>Registers the histogram in <paramref name="registry"/>.</summary>
    public HandRegisteredHttpMetrics(MetricRegistry registry)
        => registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("clash_request_duration_seconds", MetricType.Histogram, "Latency.", "seconds", [])));
}

/// <summary>
/// NameClashMessageTests: when two declarations of one name meet in a registry at start-up, the exception names
/// both declaring types and their assemblies, for generated metrics (their descriptor carries the type) and for
/// hand-registered ones (found through <c>[assembly: DeclaresMetric]</c>).
/// </summary>
public sealed class NameClashMessageTests
{
    private const string Assembly = "Metrics.Generators.Tests";

    [Fact]
    public void GeneratedThenHandRegistered_NamesBothDeclarersAndAssemblies()
    {
        var registry = new MetricRegistry();
        _ = new ClashShopMetrics.ClashRequestDuration(registry);

        var error = Assert.Throws<InvalidOperationException>(() => new HandRegisteredHttpMetrics(registry));

        Assert.Contains(
            "'clash_request_duration_seconds' is declared by Metrics.Generators.Tests.ClashShopMetrics.Latency (assembly " + Assembly + ") "
            + "and by Metrics.Generators.Tests.HandRegisteredHttpMetrics (assembly " + Assembly + ")",
            error.Message,
            StringComparison.Ordinal);
        Assert.StartsWith("Cannot register histogram 'clash_request_duration_seconds'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HandRegisteredThenGenerated_NamesBothTheOtherWayRound()
    {
        var registry = new MetricRegistry();
        _ = new HandRegisteredHttpMetrics(registry);

        var error = Assert.Throws<InvalidOperationException>(() => new ClashShopMetrics.ClashRequestDuration(registry));

        Assert.Contains(
            "is declared by Metrics.Generators.Tests.HandRegisteredHttpMetrics (assembly " + Assembly + ") "
            + "and by Metrics.Generators.Tests.ClashShopMetrics.Latency (assembly " + Assembly + ")",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ADescriptorWithItsDeclaringType_IsNamedWithoutAnyAttribute()
    {
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("clash_jobs_total", MetricType.Counter, "Jobs.", null, []) { DeclaringType = typeof(NameClashMessageTests) }));

        var error = Assert.Throws<InvalidOperationException>(() => registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("clash_jobs", MetricType.Counter, "Jobs again.", null, []) { DeclaringType = typeof(HandRegisteredHttpMetrics), DeclaringMember = "Jobs" })));

        Assert.Contains(
            "is declared by Metrics.Generators.Tests.NameClashMessageTests (assembly " + Assembly + ") and by Metrics.Generators.Tests.HandRegisteredHttpMetrics.Jobs (assembly " + Assembly + ")",
            error.Message,
            StringComparison.Ordinal);
    }
}

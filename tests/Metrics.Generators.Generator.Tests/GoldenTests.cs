using Metrics.Generators.Generator.Tests.TestHelpers;

namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// GoldenTests pin the whole generated file for one declaration of each shape against <c>Golden/*.cs</c>.
/// After an intended change to the output, run <c>ACCEPT_GOLDEN=1 dotnet test tests/Metrics.Generators.Generator.Tests</c>
/// to rewrite the files, and review the diff (see <see cref="GoldenFile"/>).
/// </summary>
public sealed class GoldenTests
{
    [Fact]
    public void CounterWithoutLabels_EmitsUnlabeledCounterWithRecordingMembersOnTheType()
        => AssertGolden(Scenarios.CounterWithoutLabels, "Shop.CheckoutMetrics.Checkouts.g.cs", "CounterWithoutLabels");

    [Fact]
    public void CounterWithEnumLabel_EmitsTypedMethodsLabelsRecordSeriesAndEnumSwitch()
        => AssertGolden(Scenarios.CounterWithEnumLabel, "Shop.OrderMetrics.Orders.g.cs", "CounterWithEnumLabel");

    [Fact]
    public void BoundedStringLabels_EmitBoundedFieldAndAllowedValuesSwitch()
        => AssertGolden(Scenarios.BoundedStringLabels, "Shop.TrafficMetrics.Requests.g.cs", "BoundedStringLabels");

    [Fact]
    public void BoolLabel_EmitsFalseTrueLabel()
        => AssertGolden(Scenarios.BoolLabel, "Shop.CacheMetrics.Lookups.g.cs", "BoolLabel");

    [Fact]
    public void Gauge_EmitsIncDecAddSetAndGaugeSeriesMembers()
        => AssertGolden(Scenarios.Gauge, "Shop.QueueMetrics.InFlight.g.cs", "Gauge");

    [Fact]
    public void HistogramWithBuckets_EmitsBucketsSloAndHelpFromXmlDoc()
        => AssertGolden(Scenarios.HistogramWithBuckets, "Shop.HttpMetrics.Latency.g.cs", "HistogramWithBuckets");

    [Fact]
    public void HistogramWithLayout_EmitsBoundsComputedAtCompileTime()
        => AssertGolden(Scenarios.HistogramWithLayout, "Shop.WorkerMetrics.Wait.g.cs", "HistogramWithLayout");

    [Fact]
    public void Summary_EmitsSortedQuantilesAndWindow()
        => AssertGolden(Scenarios.Summary, "Shop.RpcMetrics.Duration.g.cs", "Summary");

    [Fact]
    public void Catalog_ListsReachableMetricsOrdinalByName()
    {
        var outcome = GeneratorHarness.Run(Scenarios.All);
        GoldenFile.AssertMatches("MetricCatalog", outcome.Source("MetricCatalog.g.cs"));
    }

    [Fact]
    public void Corners_NestedTypesGlobalNamespaceAndKeywordLabels()
    {
        var outcome = GeneratorHarness.Run(Scenarios.Corners);
        GoldenFile.AssertMatches("NestedRecordStruct", outcome.Source("Shop.Deep.Outer.Inner.Retries.g.cs"));
        GoldenFile.AssertMatches("GlobalNamespaceKeywordLabels", outcome.Source("GlobalMetrics.Pending.g.cs"));
    }

    private static void AssertGolden(string scenario, string hintName, string golden)
    {
        var outcome = GeneratorHarness.Run(Scenarios.Enums, scenario);
        GoldenFile.AssertMatches(golden, outcome.Source(hintName));
    }
}

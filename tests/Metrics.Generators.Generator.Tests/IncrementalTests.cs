using Metrics.Generators.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// IncrementalTests prove the pipeline does no work the edit did not ask for. (Every generator test also runs
/// the driver twice through <see cref="GeneratorHarness"/> and requires the second run fully cached.)
/// </summary>
public sealed class IncrementalTests
{
    private const string Unrelated = """
        namespace Shop;

        /// <summary>Not a metric.</summary>
        public static class Pricing
        {
            /// <summary>Tax.</summary>
            public static decimal Tax(decimal amount) => amount * 0.2m;
        }
        """;

    private const string Invalid = """
        using Metrics.Generators;

        namespace Shop;

        public static partial class Legacy
        {
            /// <summary>Orders in the old dashboard's name.</summary>
            [Counter("order-count")]
            public static partial OrderCount Orders { get; }
        }
        """;

    [Fact]
    public void EveryStep_IsNamedAndTracked()
    {
        // With one declaration the generator cannot emit, so the fallback step has something to do.
        var outcome = GeneratorHarness.Run([.. Scenarios.All, Invalid]);

        foreach (var step in StepNames.All)
        {
            Assert.True(outcome.Result.TrackedSteps.ContainsKey(step), "Step '" + step + "' is not tracked.");
        }
    }

    [Fact]
    public void EditingAnUnrelatedFile_LeavesEveryStepAndOutputCached()
    {
        var (driver, compilation) = RunOnce([.. Scenarios.All, Unrelated]);
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Pricing", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(tree, Parse(Unrelated.Replace("0.2m", "0.25m", StringComparison.Ordinal), tree.FilePath));

        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        GeneratorHarness.AssertAllCached(result, "an edit to a file without metrics");
    }

    [Fact]
    public void EditingOneMetricsHelp_ReemitsOnlyThatMetricAndLeavesTheCatalogCached()
    {
        var (driver, compilation) = RunOnce(Scenarios.All);
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("\"orders_total\"", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(
            tree, Parse(Scenarios.CounterWithEnumLabel.Replace("Orders by outcome", "Orders, by outcome", StringComparison.Ordinal), tree.FilePath));

        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        Assert.Equal(1, GeneratorHarness.Reasons(result, StepNames.Counters).Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(GeneratorHarness.Reasons(result, StepNames.Gauges), r => Assert.NotEqual(IncrementalStepRunReason.Modified, r));
        Assert.All(GeneratorHarness.Reasons(result, StepNames.CatalogEntries), r => Assert.NotEqual(IncrementalStepRunReason.Modified, r));
        Assert.All(
            GeneratorHarness.Reasons(result, StepNames.Catalog),
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("Orders, by outcome", result.GeneratedSources.Single(s => s.HintName == "Shop.OrderMetrics.Orders.g.cs").SourceText.ToString());
    }

    [Fact]
    public void AddingAMetric_UpdatesTheCatalog()
    {
        var (driver, compilation) = RunOnce(Scenarios.All);
        const string added = """
            using Metrics.Generators;

            namespace Shop;

            /// <summary>More.</summary>
            public static partial class MoreMetrics
            {
                /// <summary>Refunds.</summary>
                [Counter("refunds_total")]
                public static partial RefundsTotal Refunds { get; }
            }
            """;

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(Parse(added, "Added.cs")), TestContext.Current.CancellationToken)
            .GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(result, StepNames.Catalog));
        Assert.Contains(
            "global::Shop.MoreMetrics.RefundsTotal.Descriptor",
            result.GeneratedSources.Single(s => s.HintName == "MetricCatalog.g.cs").SourceText.ToString());
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce(string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        return (driver, compilation);
    }

    private static SyntaxTree Parse(string source, string path)
        => CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path, cancellationToken: TestContext.Current.CancellationToken);
}

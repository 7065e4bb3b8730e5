using Metrics.Generators.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// LabelAccessibilityTests build a user-shaped project (generator, then every analyzer, compiler errors kept) where
/// a public metric takes an internal enum label: the build reports MG0011 on the user's label and nothing in
/// generated code, where it used to report CS0051 five times and no MG diagnostic.
/// </summary>
public sealed class LabelAccessibilityTests
{
    private const string Source = """
        using Metrics.Generators;

        namespace Shop;

        internal enum OrderOutcome { Created, Failed }

        public static partial class ShopMetrics
        {
            [Counter("orders_total", Help = "Orders by outcome.")]
            [Label<OrderOutcome>("status")]
            public static partial OrdersTotal Orders { get; }
        }

        internal static class Checkout
        {
            internal static void Done() => ShopMetrics.Orders.Inc(OrderOutcome.Created);
        }
        """;

    [Fact]
    public async Task PublicMetricWithInternalEnumLabel_ReportsOnlyMG0011_OnTheLabel()
    {
        var build = await BuildHarness.BuildAsync(Source, TestContext.Current.CancellationToken);

        var reported = build.AllDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var diagnostic = Assert.Single(reported);
        Assert.Equal("MG0011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(string.Empty, diagnostic.Location.SourceTree!.FilePath);
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        Assert.Equal("    [Label<OrderOutcome>(\"status\")]", Source.Split('\n')[line].TrimEnd('\r'));
        Assert.Contains("'Shop.OrderOutcome', which is internal, but the metric is public", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        Assert.DoesNotContain(build.AllDiagnostics, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PublicEnumLabel_ReportsNothing()
    {
        var build = await BuildHarness.BuildAsync(Source.Replace("internal enum", "public enum", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(build.AllDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }
}

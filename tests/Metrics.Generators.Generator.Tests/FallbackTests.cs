using Metrics.Generators.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// FallbackTests: a declaration the generator cannot implement still gets a stand-in with its kind's recording
/// surface, so the calls to it compile and the compiler goes on to run the analyzers (csc runs none in a
/// compilation with declaration errors); and the generator itself reports the MG error on the declaration.
/// </summary>
public sealed class FallbackTests
{
    private const string Doc = "    /// <summary>H.</summary>\n";

    // (declarations, code that uses them, the MG error the generator reports)
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "[Counter(\"order-count\")] public static partial OrderCount P { get; }", "TestMetrics.P.Inc(); TestMetrics.P.Add(2); _ = TestMetrics.P.Value; TestMetrics.P.CountExceptions(() => { });", "MG0001" },
        { "[Counter(\"shop.orders-total\")][Label<OrderOutcome>(\"outcome\")] public static partial Orders P { get; }", "TestMetrics.P.Inc(OrderOutcome.Created); TestMetrics.P.Bind(OrderOutcome.Failed).Add(1); TestMetrics.P.Inc(new TestMetrics.Orders.Labels(OrderOutcome.Created));", "MG0001" },
        { "[Gauge(\"shop:queue\")][Label<bool>(\"urgent\")] public static partial Queue P { get; }", "TestMetrics.P.Set(1, true); TestMetrics.P.Dec(false); using var t = TestMetrics.P.Bind(true).TrackInProgress(); TestMetrics.P.Bind(true).SetCallback(() => 1);", "MG1008" },
        { "[Counter(\"x_total\")][Label<bool>(\"__retried\")] public static partial Retries P { get; }", "TestMetrics.P.Inc(true);", "MG0002" },
        { "[Counter(\"x_total\")][Label<System.Guid>(\"customer\")] public static partial ByCustomer P { get; }", "TestMetrics.P.Inc(System.Guid.NewGuid()); TestMetrics.P.Bind(System.Guid.Empty).Inc();", "MG2001" },
        { "[Histogram(\"x_seconds\", Unit = \"seconds\")][Label<int>(\"status\")] public static partial Latency P { get; }", "TestMetrics.P.Observe(0.1, 200); using var t = TestMetrics.P.Bind(404).Time(); _ = TestMetrics.P.Bind(1).Count;", "MG2001" },
        { "[Counter(\"x_total\")][Label<Missing>(\"x\")] public static partial Unresolved P { get; }", "TestMetrics.P.Inc(null);", "CS0246" },
        { "[Counter(\"x_total\")] public static partial Cancellations Cancellations { get; }", "TestMetrics.Cancellations.Inc();", "MG0004" },
        { "[Counter(\"x_total\")] public static partial TestMetrics P { get; }", "_ = TestMetrics.P;", "MG0004" },
        { "[Counter(\"x_total\")] public static partial string P { get; }", "_ = TestMetrics.P.Length;", "MG0004" },
        { "[Counter(\"x_total\")] public static partial Labels P { get; }", "TestMetrics.P.Inc();", "MG0004" },
        { "[Counter(\"x_total\")][Label<bool>(\"a\")] public static partial Series P { get; }", "TestMetrics.P.Inc(true);", "MG0004" },
        { "[Counter(\"x_total\")] public static partial Shared P { get; }\n" + Doc + "    [Counter(\"y_total\")] public static partial Shared Q { get; }", "TestMetrics.P.Inc(); TestMetrics.Q.Inc();", "MG0004" },
        { "[Counter(\"x_total\")] public static partial Settable P { get; set; }", "TestMetrics.P.Inc();", "MG0004" },
        { "[Counter(\"x_total\")] public partial Instance P { get; }", "new TestMetrics().P.Inc();", "MG0004" },
        { "[Counter(\"x_total\")][Gauge(\"x\")] public static partial Both P { get; }", "TestMetrics.P.Inc(); TestMetrics.P.Add(1);", "MG0009" },
        { "[Counter(\"x_total\")][Label<bool>(\"a\"), Label<OrderOutcome>(\"a\")] public static partial Twice P { get; }", "TestMetrics.P.Inc(true, OrderOutcome.Created);", "MG0008" },
        { "[Summary(\"s\", Quantiles = [2])][Label<string>(\"path-name\", MaxValues = 3)] public static partial Sizes P { get; }", "TestMetrics.P.Observe(1, \"a\"); using var t = TestMetrics.P.Bind(\"b\").Time();", "MG0007" },
        { "[Counter] public static partial NoName P { get; }", "TestMetrics.P.Inc();", "CS7036" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidDeclaration_GetsACompilingStandIn_AndItsErrorFromTheGenerator(string declarations, string use, string expected)
    {
        var source = ReaderHarness.InClass(Doc + "    " + declarations).Replace("public static partial class TestMetrics", "public partial class TestMetrics", StringComparison.Ordinal)
                     + "\n/// <summary>Uses the metrics.</summary>\npublic static class Use\n{\n    /// <summary>Calls.</summary>\n    public static void M()\n    {\n        " + use + "\n    }\n}\n";
        var outcome = GeneratorHarness.Run(Scenarios.Enums, source);

        // The only compiler errors left are the user's own (a missing type, a missing argument), never CS0246/CS9248 for the metric.
        var errors = outcome.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generatedTrees = outcome.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        Assert.DoesNotContain(errors, d => d.Location.SourceTree is { } tree && generatedTrees.Contains(tree));
        if (expected.StartsWith("MG", StringComparison.Ordinal))
        {
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.Contains(outcome.GeneratorDiagnostics, d => d.Id == expected && d.Location.SourceTree?.FilePath == outcome.Compilation.SyntaxTrees.ElementAt(1).FilePath);
        }
        else
        {
            Assert.True(errors.All(e => e.Id == expected), string.Join("\n", errors));
        }

        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Id == "CS8785"));
    }

    [Fact]
    public void StandInMembers_ThrowNamingTheError()
    {
        var outcome = GeneratorHarness.Run(Scenarios.Enums, ReaderHarness.InClass(Doc + "    [Counter(\"order-count\")] public static partial OrderCount P { get; }"));

        var text = Assert.Single(outcome.Result.GeneratedSources, s => s.HintName == "Shop.TestMetrics.P.g.cs").SourceText.ToString();
        Assert.Contains("partial OrderCount P { get => throw new global::System.InvalidOperationException(\"MG0001 stops 'P' from being generated; fix the declaration and rebuild.\"); }", text, StringComparison.Ordinal);
        Assert.Contains("public sealed class OrderCount", text, StringComparison.Ordinal);
        var error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("MG0001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }
}

using System.Runtime.Loader;
using Metrics.Generators.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// CompileTests compile the generated code the way a strict consumer does, and prove the typed API rejects
/// wrong labels at compile time.
/// </summary>
public sealed class CompileTests
{
    [Fact]
    public void EveryScenario_CompilesWithZeroDiagnosticsIncludingWarningsAndMissingDocs()
    {
        var outcome = GeneratorHarness.Run(Scenarios.All);

        // The only generator diagnostic is the error Scenarios.Corners makes on purpose: a string label without a bound.
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("MG2001", diagnostic.Id);
        Assert.Equal(12, outcome.Result.GeneratedSources.Length); // 11 metrics and the catalogue
        AssertEmitsClean(outcome.Compilation);
    }

    // Guards the test above: the strict compilation really reports warnings such as a missing XML comment.
    [Fact]
    public void StrictCompilation_ReportsMissingDocumentationAsADiagnostic()
    {
        var compilation = TestCompilation.Create("/// <summary>Documented.</summary>\npublic class Documented\n{\n    public void Undocumented() { }\n}\n");

        using var pe = new MemoryStream();
        using var xml = new MemoryStream();
        var result = compilation.Emit(pe, xmlDocumentationStream: xml, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(result.Diagnostics, d => d.Id == "CS1591");
    }

    [Fact]
    public void GeneratedTrees_ParseWithoutSyntaxErrors()
    {
        var outcome = GeneratorHarness.Run(Scenarios.All);

        foreach (var source in outcome.Result.GeneratedSources)
        {
            Assert.Empty(source.SyntaxTree.GetDiagnostics(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [InlineData("OrderMetrics.Orders.Inc(\"created\");", "CS1503")]
    [InlineData("OrderMetrics.Orders.Inc();", "CS1501")]
    [InlineData("OrderMetrics.Orders.Inc(HttpVerb.Get);", "CS1503")]
    [InlineData("OrderMetrics.Orders.Add(OrderOutcome.Created);", "CS1501")]
    [InlineData("HttpMetrics.Latency.Observe(0.1, HttpVerb.Get);", "CS1503")]
    [InlineData("HttpMetrics.Latency.Observe(0.1, \"/orders\", HttpVerb.Get);", "CS1503")]
    [InlineData("HttpMetrics.Latency.Observe(HttpVerb.Get, \"/orders\");", "CS1503")]
    [InlineData("CheckoutMetrics.Checkouts.Inc(OrderOutcome.Created);", "CS1501")]
    [InlineData("_ = new OrderMetrics.OrdersTotal.Labels(\"created\");", "CS1503")]
    [InlineData("OrderMetrics.Orders.Bind(OrderOutcome.Created).Inc(OrderOutcome.Created);", "CS1501")]
    public void WrongLabelTypeOrCount_DoesNotCompile(string statement, string expectedError)
    {
        var usage = "namespace Shop;\n\ninternal static class Usage\n{\n    internal static void Run()\n    {\n        " + statement + "\n    }\n}\n";
        var outcome = GeneratorHarness.Run(
            Scenarios.Enums, Scenarios.CounterWithoutLabels, Scenarios.CounterWithEnumLabel, Scenarios.HistogramWithBuckets, usage);

        var errors = outcome.Compilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("Source4.cs", e.Location.SourceTree?.FilePath));
        Assert.Contains(errors, e => e.Id == expectedError);
    }

    [Fact]
    public void RightLabels_Compile()
    {
        const string usage = """
            namespace Shop;

            internal static class Usage
            {
                internal static void Run()
                {
                    OrderMetrics.Orders.Inc(OrderOutcome.Created);
                    OrderMetrics.Orders.Add(2, new OrderMetrics.OrdersTotal.Labels(OrderOutcome.Failed));
                    HttpMetrics.Latency.Observe(0.1, HttpVerb.Get, "/orders");
                    HttpMetrics.Latency.Observe(0.1, HttpVerb.Get, null);
                    var series = HttpMetrics.Latency.Bind(HttpVerb.Post, "/cart");
                    using (series.Time())
                    {
                    }

                    CheckoutMetrics.Checkouts.Inc();
                }
            }
            """;
        var outcome = GeneratorHarness.Run(
            Scenarios.Enums, Scenarios.CounterWithoutLabels, Scenarios.CounterWithEnumLabel, Scenarios.HistogramWithBuckets, usage);

        AssertEmitsClean(outcome.Compilation);
    }

    // Runs generated code: label values land in distinct series, unknown values fold into one overflow series.
    [Fact]
    public void GeneratedCode_MapsEveryLabelCombinationToItsOwnSeriesAndFoldsUnknownValues()
    {
        const string probe = """
            using System.Collections.Generic;
            using Metrics.Generators;

            namespace Shop;

            /// <summary>Exercises generated metrics; returns the failed checks.</summary>
            public static class Probe
            {
                /// <summary>Runs the checks.</summary>
                public static string Run()
                {
                    var failures = new List<string>();
                    void Check(string what, double actual, double expected)
                    {
                        if (actual != expected)
                        {
                            failures.Add(what + ": " + actual + ", expected " + expected);
                        }
                    }

                    var registry = new MetricRegistry();
                    var orders = new OrderMetrics.OrdersTotal(registry);
                    orders.Inc(OrderOutcome.Created);
                    orders.Add(2, OrderOutcome.Failed);
                    orders.Inc(OrderOutcome.Rejected);
                    orders.Add(5, new OrderMetrics.OrdersTotal.Labels(OrderOutcome.TimedOut));
                    orders.Inc((OrderOutcome)42);
                    orders.Inc((OrderOutcome)43);
                    Check("created", orders.Bind(OrderOutcome.Created).Value, 1);
                    Check("failed and its alias", orders.Bind(OrderOutcome.Failed).Value, 3);
                    Check("timeout", orders.Bind(OrderOutcome.TimedOut).Value, 5);
                    Check("undefined values share the overflow series", orders.Bind((OrderOutcome)99).Value, 2);

                    var latency = new HttpMetrics.RequestDuration(registry);
                    var verbs = new[] { HttpVerb.Get, HttpVerb.Post, HttpVerb.HTTPPatch, (HttpVerb)7 };
                    var routes = new[] { "/a", "/b", null };
                    var value = 1.0;
                    foreach (var verb in verbs)
                    {
                        foreach (var route in routes)
                        {
                            latency.Observe(value++, verb, route);
                        }
                    }

                    value = 1.0;
                    foreach (var verb in verbs)
                    {
                        foreach (var route in routes)
                        {
                            var series = latency.Bind(new HttpMetrics.RequestDuration.Labels(verb, route));
                            Check(verb + " " + route + " count", series.Count, 1);
                            Check(verb + " " + route + " sum", series.Sum, value++);
                        }
                    }

                    var requests = new TrafficMetrics.HttpRequestsTotal(registry);
                    for (var i = 0; i < 205; i++)
                    {
                        requests.Inc("/route" + i, "eu-west");
                    }

                    Check("route within the bound", requests.Bind("/route0", "eu-west").Value, 1);
                    Check("routes past the bound share the overflow series", requests.Bind("/route-new", "eu-west").Value, 5);
                    requests.Inc("/route0", null);
                    Check("null region is the empty string", requests.Bind("/route0", "").Value, 1);
                    requests.Inc("/route0", "mars");
                    requests.Inc("/route0", "venus");
                    Check("regions outside AllowedValues share the overflow series", requests.Bind("/route0", "pluto").Value, 2);

                    var lookups = new CacheMetrics.CacheLookupsTotal(registry);
                    lookups.Inc(true);
                    lookups.Inc(true);
                    lookups.Inc(false);
                    Check("hit", lookups.Bind(true).Value, 2);
                    Check("miss", lookups.Bind(false).Value, 1);

                    var checkouts = new CheckoutMetrics.CheckoutsTotal(registry);
                    checkouts.Inc();
                    checkouts.Add(2.5);
                    try
                    {
                        checkouts.CountExceptions(() => throw new System.InvalidOperationException());
                    }
                    catch (System.InvalidOperationException)
                    {
                    }

                    Check("unlabeled counter", checkouts.Value, 4.5);
                    return string.Join("\n", failures);
                }
            }
            """;
        var outcome = GeneratorHarness.Run(
            Scenarios.Enums, Scenarios.CounterWithoutLabels, Scenarios.CounterWithEnumLabel, Scenarios.BoundedStringLabels,
            Scenarios.BoolLabel, Scenarios.HistogramWithBuckets, probe);

        var context = new AssemblyLoadContext("GeneratedCode", isCollectible: true);
        try
        {
            using var stream = new MemoryStream();
            var result = outcome.Compilation.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var failures = (string?)assembly.GetType("Shop.Probe")!.GetMethod("Run")!.Invoke(null, null);
            Assert.Equal(string.Empty, failures);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Emits with an XML documentation file (so CS1591 and friends run) and asserts no diagnostic at all.</summary>
    internal static void AssertEmitsClean(Compilation compilation)
    {
        using var pe = new MemoryStream();
        using var xml = new MemoryStream();
        var result = compilation.Emit(pe, xmlDocumentationStream: xml);
        var diagnostics = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(diagnostics.Count == 0, "Diagnostics:\n" + string.Join("\n", diagnostics));
        Assert.True(result.Success);
    }
}

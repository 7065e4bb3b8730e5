using System.Globalization;
using System.Text.RegularExpressions;
using Metrics.Generators.Generator.Tests.TestHelpers;
using Metrics.Generators.Shared.Declarations;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Metrics.Generators.Generator.Tests.TestHelpers.ReaderHarness;

namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// DeclarationReaderTests: each problem ID comes from a representative bad declaration (and says whether the
/// generator can still emit it), good declarations give none, and the model carries what the declaration says.
/// </summary>
public sealed partial class DeclarationReaderTests
{
    private const string Doc = "/// <summary>Documented.</summary>\n";

    public static TheoryData<string, string, bool> BadDeclarations => new()
    {
        // members of TestMetrics, expected ID, whether the spec is null (cannot be emitted)
        { Doc + "[Counter(\"orders-total\")] public static partial A P { get; }", DiagnosticDescriptors.InvalidMetricName.Id, true },
        { Doc + "[Counter(\"1orders_total\")] public static partial A P { get; }", DiagnosticDescriptors.InvalidMetricName.Id, true },
        { Doc + "[Counter(\"x_total\")][Label<bool>(\"__reserved\")] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelName.Id, true },
        { Doc + "[Counter(\"x_total\")][Label<bool>(\"bad-name\")] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelName.Id, true },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\")][Label<bool>(\"le\")] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelName.Id, true },
        { Doc + "[Summary(\"x_seconds\", Unit = \"seconds\")][Label<bool>(\"quantile\")] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelName.Id, true },
        { Doc + "[Counter(\"x_total\")] public partial A P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static A P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial A P { get; set; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial global::Shop.A P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial A? P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial int P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial OrderOutcome P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial Labels P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial P P { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial A P { get; }\n" + Doc + "[Counter(\"y_total\")] public static partial A Q { get; }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { Doc + "[Counter(\"x_total\")] public static partial A P { get; }\n" + Doc + "public sealed class A { }", DiagnosticDescriptors.InvalidDeclarationShape.Id, true },
        { "[Counter(\"x_total\")] public static partial A P { get; }", DiagnosticDescriptors.MissingHelp.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\", Buckets = [])] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\", Buckets = [1, 0.5])] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\", Buckets = [1, 1])] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\", Buckets = [1, double.PositiveInfinity])] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\")][LinearBuckets(0, 0, 3)] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\")][LinearBuckets(0, 1, 100000)] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\")][ExponentialBuckets(0, 2, 3)] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\")][SloBuckets(-1)] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\", Buckets = [1])][SloBuckets(0.3)] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\", Slo = 0.3)] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Counter(\"x_total\")][LinearBuckets(1, 1, 3)] public static partial A P { get; }", DiagnosticDescriptors.InvalidBuckets.Id, false },
        { Doc + "[Summary(\"x_seconds\", Unit = \"seconds\", Quantiles = [1.5])] public static partial A P { get; }", DiagnosticDescriptors.InvalidSummary.Id, false },
        { Doc + "[Summary(\"x_seconds\", Unit = \"seconds\", Quantiles = [0])] public static partial A P { get; }", DiagnosticDescriptors.InvalidSummary.Id, false },
        { Doc + "[Summary(\"x_seconds\", Unit = \"seconds\", Quantiles = [0.5, 0.5])] public static partial A P { get; }", DiagnosticDescriptors.InvalidSummary.Id, false },
        { Doc + "[Summary(\"x_seconds\", Unit = \"seconds\", MaxAgeSeconds = 0)] public static partial A P { get; }", DiagnosticDescriptors.InvalidSummary.Id, false },
        { Doc + "[Summary(\"x_seconds\", Unit = \"seconds\", AgeBuckets = 0)] public static partial A P { get; }", DiagnosticDescriptors.InvalidSummary.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<bool>(\"status\"), Label<OrderOutcome>(\"status\")] public static partial A P { get; }", DiagnosticDescriptors.DuplicateLabelName.Id, true },
        { Doc + "[Counter(\"x_total\")][Gauge(\"x\")] public static partial A P { get; }", DiagnosticDescriptors.MultipleMetricAttributes.Id, true },
        { Doc + "[Histogram(\"x_milliseconds\", Unit = \"milliseconds\")] public static partial A P { get; }", DiagnosticDescriptors.NonBaseUnit.Id, false },
        { Doc + "[Histogram(\"request_latency_microseconds\")] public static partial A P { get; }", DiagnosticDescriptors.NonBaseUnit.Id, false },
        { Doc + "[Gauge(\"disk_kibibytes_free\")] public static partial A P { get; }", DiagnosticDescriptors.NonBaseUnit.Id, false },
        { Doc + "[Histogram(\"request_latency_ms\")] public static partial A P { get; }", DiagnosticDescriptors.AbbreviatedUnit.Id, false },
        { Doc + "[Gauge(\"x_total\")] public static partial A P { get; }", DiagnosticDescriptors.TotalOnNonCounter.Id, false },
        { Doc + "[Counter(\"x\")] public static partial A P { get; }", DiagnosticDescriptors.CounterWithoutTotal.Id, false },
        { Doc + "[Gauge(\"x_count\")] public static partial A P { get; }", DiagnosticDescriptors.ReservedSuffix.Id, false },
        { Doc + "[Gauge(\"x_gauge\")] public static partial A P { get; }", DiagnosticDescriptors.TypeInName.Id, false },
        { Doc + "[Counter(\"x:y_total\")] public static partial A P { get; }", DiagnosticDescriptors.ColonInName.Id, true },
        { Doc + "[Counter(\"xY_total\")] public static partial A P { get; }", DiagnosticDescriptors.CamelCaseName.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<bool>(\"isRetry\")] public static partial A P { get; }", DiagnosticDescriptors.CamelCaseName.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"user_id\", MaxValues = 5)] public static partial A P { get; }", DiagnosticDescriptors.UnboundedLabelName.Id, false },
        { Doc + "[Counter(\"active_x_total\")] public static partial A P { get; }", DiagnosticDescriptors.CounterForCurrentValue.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\")][Label<bool>(\"status\")] public static partial A P { get; }", DiagnosticDescriptors.StatusLabelOnLatency.Id, false },
        { Doc + "[Gauge(\"cache_size_kilobytes\")] public static partial A P { get; }", DiagnosticDescriptors.NonBaseUnit.Id, false },
        { Doc + "[Gauge(\"cpu_percent\")] public static partial A P { get; }", DiagnosticDescriptors.NonBaseUnit.Id, false },
        { Doc + "[Histogram(\"request_latency_seconds\")] public static partial A P { get; }", DiagnosticDescriptors.MissingUnit.Id, false },
        { Doc + "[Counter(\"cpu_seconds_total\")] public static partial A P { get; }", DiagnosticDescriptors.MissingUnit.Id, false },
        { Doc + "[Histogram(\"request_latency\", Unit = \"seconds\")] public static partial A P { get; }", DiagnosticDescriptors.NameLacksUnitSuffix.Id, false },
        { Doc + "[Counter(\"sent_total\", Unit = \"bytes\")] public static partial A P { get; }", DiagnosticDescriptors.NameLacksUnitSuffix.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"route\")] public static partial A P { get; }", DiagnosticDescriptors.UnboundedLabel.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"route\", MaxValues = -1)] public static partial A P { get; }", DiagnosticDescriptors.UnboundedLabel.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"route\", AllowedValues = [])] public static partial A P { get; }", DiagnosticDescriptors.UnboundedLabel.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"route\", MaxValues = 5, AllowedValues = [\"a\"])] public static partial A P { get; }", DiagnosticDescriptors.UnboundedLabel.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<int>(\"code\")] public static partial A P { get; }", DiagnosticDescriptors.UnboundedLabel.Id, true },
        { Doc + "[Counter(\"x_total\")][Label<OrderOutcome?>(\"code\")] public static partial A P { get; }", DiagnosticDescriptors.UnboundedLabel.Id, true },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"route\", MaxValues = 5, MaxLength = 0)] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelMaxLength.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"route\", MaxValues = 5, MaxLength = -3)] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelMaxLength.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<bool>(\"retried\", MaxLength = 10)] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelMaxLength.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<string>(\"region\", AllowedValues = [\"eu\"], MaxLength = 10)] public static partial A P { get; }", DiagnosticDescriptors.InvalidLabelMaxLength.Id, false },
        { Doc + "[Counter(\"x_total\")][Label<Hidden>(\"kind\")] public static partial A P { get; }\ninternal enum Hidden { One }", DiagnosticDescriptors.LabelTypeLessAccessible.Id, false },
        { Doc + "[Histogram(\"request_latency\")] public static partial A P { get; }", DiagnosticDescriptors.MeasurementWithoutUnit.Id, false },
        { Doc + "[Summary(\"payload_size\")] public static partial A P { get; }", DiagnosticDescriptors.MeasurementWithoutUnit.Id, false },
        { Doc + "[Gauge(\"x\")][Label<bool>(\"le\")] public static partial A P { get; }", DiagnosticDescriptors.ReservedLabelOnOtherType.Id, false },
        { Doc + "[Histogram(\"x_seconds\", Unit = \"seconds\")][Label<bool>(\"quantile\")] public static partial A P { get; }", DiagnosticDescriptors.ReservedLabelOnOtherType.Id, false },
    };

    [Theory]
    [InlineData("", 256)]
    [InlineData(", MaxLength = 1", 1)]
    [InlineData(", MaxLength = 4096", 4096)]
    [InlineData(", MaxLength = 0", 256)]
    public void BoundedStringLabel_CarriesItsMaxLength_DefaultingTo256(string argument, int expected)
    {
        var result = Read(InClass(Doc + "[Counter(\"x_total\")][Label<string>(\"route\", MaxValues = 5" + argument + ")] public static partial A P { get; }"));

        Assert.Equal(expected, Assert.Single(result.Spec!.Labels).MaxLength);
    }

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void BadDeclaration_ReportsItsProblem(string members, string expectedId, bool cannotEmit)
    {
        var result = Read(InClass(members));

        Assert.Contains(expectedId, result.Ids());
        Assert.Equal(cannotEmit, result.Spec is null);
        AssertMessagesFormat(result);
    }

    [Fact]
    public void ContainingTypeNotPartial_IsWrongShape()
    {
        const string source = """
            using Metrics.Generators;

            namespace Shop;

            /// <summary>Outer.</summary>
            public static partial class Outer
            {
                /// <summary>Not partial.</summary>
                public static class Inner
                {
                    /// <summary>Help.</summary>
                    [Counter("x_total")] public static partial A P { get; }
                }
            }
            """;

        var result = Read(source);

        Assert.Equal([DiagnosticDescriptors.InvalidDeclarationShape.Id], result.Ids());
        Assert.Contains("'Inner' must be partial", result.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Null(result.Spec);
    }

    [Theory]
    [InlineData("public static partial class Outer<T>", "must not be generic")]
    [InlineData("public partial interface Outer", "must be a class, struct or record")]
    [InlineData("file static partial class Outer", "file-local")]
    public void UnsupportedContainingType_IsWrongShape(string header, string reason)
    {
        var source = "using Metrics.Generators;\nnamespace Shop;\n" + header + "\n{\n    /// <summary>Help.</summary>\n    [Counter(\"x_total\")] public static partial A P { get; }\n}\n";

        var result = Read(source);

        Assert.Contains(result.Problems, p => p.Id == DiagnosticDescriptors.InvalidDeclarationShape.Id && p.ToString().Contains(reason, StringComparison.Ordinal));
        Assert.Null(result.Spec);
    }

    public static TheoryData<string> GoodScenarios => new()
    {
        Scenarios.CounterWithoutLabels, Scenarios.CounterWithEnumLabel, Scenarios.BoundedStringLabels, Scenarios.BoolLabel,
        Scenarios.Gauge, Scenarios.HistogramWithBuckets, Scenarios.HistogramWithLayout, Scenarios.Summary,
    };

    [Theory]
    [MemberData(nameof(GoodScenarios))]
    public void GoodDeclaration_HasNoProblems(string scenario)
    {
        var compilation = TestCompilation.Create(Scenarios.Enums, scenario);
        var metrics = Symbols(compilation)
            .Select(p => DeclarationReader.Read(p, new KnownSymbols(compilation), TestContext.Current.CancellationToken))
            .Where(r => r.Spec is not null || !r.Problems.IsEmpty)
            .ToList();

        var result = Assert.Single(metrics);
        Assert.Empty(result.Problems);
        Assert.NotNull(result.Spec);
    }

    [Fact]
    public void GoodDeclarations_StayProblemFreeInTheAnalyzersCompilation_WhereTheGeneratedTypeExists()
    {
        // The analyzers see the generated code: the metric type exists and the property has two parts.
        var outcome = GeneratorHarness.Run(Scenarios.Enums, Scenarios.HistogramWithBuckets, Scenarios.CounterWithEnumLabel);

        var known = new KnownSymbols(outcome.Compilation);
        var parts = Symbols(outcome.Compilation).Where(p => p.Name is "Latency" or "Orders").ToList();

        Assert.Equal(4, parts.Count); // definition and implementation part of each
        foreach (var part in parts)
        {
            var result = DeclarationReader.Read(part, known, TestContext.Current.CancellationToken);
            Assert.Empty(result.Problems);
            Assert.NotNull(result.Spec);
            if (part.Name == "Latency")
            {
                Assert.Equal("HTTP request latency, from the first byte read to the last byte written.", result.Spec.Help);
            }
        }
    }

    [Fact]
    public void Corners_ReportOnlyTheUnboundedLabelAndEmitItWithTheDefaultBound()
    {
        var compilation = TestCompilation.Create(Scenarios.Corners);

        var result = Read(compilation, "Retries");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticDescriptors.UnboundedLabel.Id, problem.Id);
        Assert.Equal("label_1", problem.Arguments[0]);
        Assert.Equal(DeclarationReader.DefaultMaxValues, result.Spec!.Labels[0].MaxValues);
        Assert.Equal(LabelKind.BoundedString, result.Spec.Labels[0].Kind);
        Assert.False(Read(compilation, "Events").Spec!.IsReachableFromAssembly);
        Assert.True(Read(compilation, "Pending").Spec!.IsReachableFromAssembly);
    }

    [Fact]
    public void InvalidName_IsReportedAtTheNameArgument()
    {
        var source = InClass(Doc + "[Counter(\"orders-total\", Help = \"h\")] public static partial A P { get; }");

        var problem = Assert.Single(Read(source).Problems);

        Assert.Equal("\"orders-total\"", problem.Location.SourceTree!.ToString().Substring(problem.Location.SourceSpan.Start, problem.Location.SourceSpan.Length));
        Assert.Equal("MG0001: 'orders-total' is not a valid metric name: use letters, digits and underscores, not starting with a digit", problem.ToString());
    }

    [Fact]
    public void ReaderRules_AreDistinctCatalogueEntries()
    {
        var ids = DiagnosticDescriptors.ReadFromDeclarations.Select(d => d.Id).ToList();

        Assert.Equal(26, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(DiagnosticDescriptors.ReadFromDeclarations, d => Assert.Contains(d, DiagnosticDescriptors.All));
        Assert.DoesNotContain(DiagnosticDescriptors.DuplicateMetricName, DiagnosticDescriptors.ReadFromDeclarations);
    }

    private static void AssertMessagesFormat(DeclarationResult result)
    {
        foreach (var problem in result.Problems)
        {
            var format = problem.Rule.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var highest = Placeholder().Matches(format).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
            Assert.Equal(highest + 1, problem.Arguments.Length);
            Assert.DoesNotContain("{", problem.ToString().Replace("{ get; }", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("\\{(\\d+)\\}")]
    private static partial Regex Placeholder();
}

using Metrics.Generators.Generator.Tests.TestHelpers;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Metrics.Generators.Generator.Tests.TestHelpers.ReaderHarness;

namespace Metrics.Generators.Generator.Tests;

/// <summary>DeclarationModelTests: what the reader puts in the model — help, label values, buckets, quantiles.</summary>
public sealed class DeclarationModelTests
{
    [Fact]
    public void Help_ComesFromTheXmlDocSummary_TagsStrippedWhitespaceCollapsed()
    {
        var source = InClass("""
                /// <summary>
                ///   Orders by <see cref="OrderOutcome"/>, in <c>orders</c>
                ///   &lt;all&gt; of them.
                /// </summary>
                /// <remarks>Not this.</remarks>
                [Counter("orders_total")]
                public static partial OrdersTotal P { get; }
            """);

        var spec = Read(source).Spec!;

        Assert.Equal("Orders by OrderOutcome, in orders <all> of them.", spec.Help);
    }

    [Fact]
    public void Help_ComesFromTheXmlDoc_EvenWhenDocumentationCommentsAreNotParsed()
    {
        var source = InClass("    /// <summary>Orders.</summary>\n    [Counter(\"orders_total\")] public static partial OrdersTotal P { get; }");
        var options = TestCompilation.ParseOptions.WithDocumentationMode(DocumentationMode.None);
        var compilation = CSharpCompilation.Create(
            "NoDocs",
            [CSharpSyntaxTree.ParseText(source, options, cancellationToken: TestContext.Current.CancellationToken)],
            TestCompilation.References,
            TestCompilation.Options);

        var result = Read(compilation, "P");

        Assert.Equal("Orders.", result.Spec!.Help);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Help_FromTheAttribute_WinsOverTheXmlDoc()
    {
        var source = InClass("    /// <summary>From the doc.</summary>\n    [Counter(\"orders_total\", Help = \"From the attribute\")] public static partial OrdersTotal P { get; }");

        Assert.Equal("From the attribute", Read(source).Spec!.Help);
    }

    [Fact]
    public void EnumLabel_ValuesAreSnakeCaseOrLabelValue_AliasesKeepTheFirstMember()
    {
        var source = InClass("    /// <summary>H.</summary>\n    [Counter(\"x_total\")][Label<OrderOutcome>(\"status\"), Label<HttpVerb>(\"method\")] public static partial A P { get; }");

        var labels = Read(source).Spec!.Labels;

        Assert.Equal(["created", "failed", "timeout"], labels[0].Values);
        Assert.Equal(
            ["global::Shop.OrderOutcome.Created", "global::Shop.OrderOutcome.Failed", "global::Shop.OrderOutcome.TimedOut"],
            labels[0].EnumCases.Select(c => c.Expression));
        Assert.Equal(4, labels[0].Cardinality);
        Assert.Equal(["get", "post", "http_patch"], labels[1].Values);
        Assert.Equal("global::Shop.HttpVerb", labels[1].TypeName);
    }

    [Fact]
    public void EnumLabel_FromAReferencedAssembly_ReadsTheSameWay()
    {
        const string library = """
            using Metrics.Generators;

            namespace Lib;

            public enum Region
            {
                EuWest = 1,
                [LabelValue("us")] UnitedStates = 2,
                America = 2,
                NotFound = 3,
            }
            """;
        var libraryCompilation = CSharpCompilation.Create(
            "Lib",
            [CSharpSyntaxTree.ParseText(library, TestCompilation.ParseOptions, cancellationToken: TestContext.Current.CancellationToken)],
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(libraryCompilation.Emit(stream, cancellationToken: TestContext.Current.CancellationToken).Success);
        var consumer = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(
                InClass("    /// <summary>H.</summary>\n    [Counter(\"x_total\")][Label<Lib.Region>(\"region\")] public static partial A P { get; }"),
                TestCompilation.ParseOptions,
                cancellationToken: TestContext.Current.CancellationToken)],
            [.. TestCompilation.References, MetadataReference.CreateFromImage(stream.ToArray())],
            TestCompilation.Options);

        var label = Read(consumer, "P").Spec!.Labels.Single();

        Assert.Equal(["eu_west", "us", "not_found"], label.Values);
        Assert.Equal(["global::Lib.Region.EuWest", "global::Lib.Region.UnitedStates", "global::Lib.Region.NotFound"], label.EnumCases.Select(c => c.Expression));
    }

    [Fact]
    public void MembersExposedUnderOneValue_ShareItsIndex()
    {
        const string source = """
            using Metrics.Generators;

            namespace Shop;

            /// <summary>E.</summary>
            public enum Kind
            {
                /// <summary>A.</summary>
                [LabelValue("same")] A,
                /// <summary>B.</summary>
                [LabelValue("same")] B,
                /// <summary>C.</summary>
                C,
            }

            /// <summary>M.</summary>
            public static partial class KindMetrics
            {
                /// <summary>H.</summary>
                [Counter("x_total")][Label<Kind>("kind")] public static partial A P { get; }
            }
            """;

        var label = Read(source).Spec!.Labels.Single();

        Assert.Equal(["same", "c"], label.Values);
        Assert.Equal([0, 0, 1], label.EnumCases.Select(c => c.ValueIndex));
    }

    [Theory]
    [InlineData("[LinearBuckets(0.1, 0.1, 5)]", new[] { 0.1, 0.2, 0.3, 0.4, 0.5 })]
    [InlineData("[ExponentialBuckets(0.001, 10, 4)]", new[] { 0.001, 0.01, 0.1, 1 })]
    [InlineData("[SloBuckets(1)]", new[] { 0.1, 0.25, 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 4, 10 })]
    [InlineData("", new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 })]
    public void HistogramBuckets_AreComputedAtCompileTime(string layout, double[] expected)
    {
        var source = InClass("    /// <summary>H.</summary>\n    [Histogram(\"x_seconds\", Unit = \"seconds\")]" + layout + " public static partial A P { get; }");

        var result = Read(source);

        Assert.Empty(result.Problems);
        Assert.Equal(expected, result.Spec!.Buckets);
    }

    [Theory]
    [InlineData("0.3", new[] { 0.3 })]
    [InlineData("0.25", new[] { 0.25 })]
    [InlineData("250", new[] { 250.0 })]
    [InlineData("2.5", new[] { 2.5 })]
    [InlineData("0.3, 0.25", new[] { 0.3, 0.25 })]
    [InlineData("2.5, 250, 0.3", new[] { 2.5, 250.0, 0.3 })]
    public void SloBuckets_ContainEveryThresholdExactly_SortedAndUnique_WithCleanNeighbours(string arguments, double[] thresholds)
    {
        var source = InClass("    /// <summary>H.</summary>\n    [Histogram(\"x_seconds\", Unit = \"seconds\")][SloBuckets(" + arguments + ")] public static partial A P { get; }");

        var result = Read(source);

        Assert.Empty(result.Problems);
        var buckets = result.Spec!.Buckets.ToArray();
        Assert.NotEmpty(buckets);
        foreach (var threshold in thresholds)
        {
            // Exactly the threshold as declared (an le the SLO query can name), not a product that is off by one ulp.
            Assert.Contains(threshold, buckets);
        }

        for (var i = 1; i < buckets.Length; i++)
        {
            Assert.True(buckets[i - 1] < buckets[i], $"bounds {buckets[i - 1]:R} and {buckets[i]:R} are not strictly increasing: [{string.Join(", ", buckets.Select(b => b.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]");
        }

        // The neighbours are short decimals (0.33, not 0.33000000000000007), as an le label should read.
        Assert.All(buckets, b => Assert.Equal(b, double.Parse(b.ToString("G10", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)));

        // One threshold gives the twelve multiples of it; several give their union, nothing more.
        Assert.True(buckets.Length <= 12 * thresholds.Length, $"{buckets.Length} bounds for {thresholds.Length} thresholds");
        if (thresholds.Length == 1)
        {
            Assert.Equal(12, buckets.Length);
        }
    }

    [Fact]
    public void SloBuckets_AtAQuarterSecond_AreTheDocumentedMultiples()
    {
        var source = InClass("    /// <summary>H.</summary>\n    [Histogram(\"x_seconds\", Unit = \"seconds\")][SloBuckets(0.25)] public static partial A P { get; }");

        Assert.Equal([0.025, 0.0625, 0.125, 0.1875, 0.225, 0.25, 0.275, 0.3125, 0.375, 0.5, 1, 2.5], Read(source).Spec!.Buckets);
    }

    [Fact]
    public void InvalidBuckets_FallBackToTheDefaults_SoTheMetricStillCompiles()
    {
        var source = InClass("    /// <summary>H.</summary>\n    [Histogram(\"x_seconds\", Unit = \"seconds\", Buckets = [2, 1], Slo = 2)] public static partial A P { get; }");

        var spec = Read(source).Spec!;

        Assert.Equal(Shared.BucketLayout.Default, spec.Buckets);
        Assert.Equal(0, spec.Slo);
    }

    [Fact]
    public void Summary_QuantilesAreSortedAndTheWindowIsRead()
    {
        var spec = Read(Scenarios.Summary, "Duration").Spec!;

        Assert.Equal([0.5, 0.9, 0.99], spec.Quantiles);
        Assert.Equal(300, spec.MaxAgeSeconds);
        Assert.Equal(3, spec.AgeBuckets);
        Assert.Equal("seconds", spec.Unit);
    }

    [Fact]
    public void AllowedValues_NullIsTheEmptyStringAndDuplicatesCollapse()
    {
        var source = InClass("    /// <summary>H.</summary>\n    [Counter(\"x_total\")][Label<string>(\"r\", AllowedValues = [\"a\", null, \"a\", \"\"])] public static partial A P { get; }");

        var label = Read(source).Spec!.Labels.Single();

        Assert.Equal(LabelKind.AllowedStrings, label.Kind);
        Assert.Equal(["a", ""], label.Values);
    }

    [Fact]
    public void Spec_CarriesShapeFactsForEmitting()
    {
        var spec = Read(Scenarios.Corners, "Retries").Spec!;

        Assert.Equal("Shop.Deep", spec.Namespace);
        Assert.Equal([new ContainingTypeSpec("record", "Outer"), new ContainingTypeSpec("struct", "Inner")], spec.ContainingTypes);
        Assert.Equal("internal", spec.PropertyModifiers);
        Assert.Equal("NestedRetries", spec.TypeName);
        Assert.Equal(MetricKind.Counter, spec.Kind);
    }

    [Fact]
    public void EqualDeclarations_GiveEqualSpecs_AcrossCompilations()
    {
        var first = Read(Scenarios.HistogramWithBuckets, "Latency").Spec;
        var second = Read(Scenarios.HistogramWithBuckets, "Latency").Spec;

        Assert.Equal(first, second);
        Assert.Equal(first!.GetHashCode(), second!.GetHashCode());
    }
}

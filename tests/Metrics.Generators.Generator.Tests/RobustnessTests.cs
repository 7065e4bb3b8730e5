using Metrics.Generators.Generator.Tests.TestHelpers;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// RobustnessTests feed the generator and the reader what an editor holds mid-keystroke: half-typed attributes,
/// missing arguments, syntax errors, unresolved types, wrong shapes. Neither may throw (CS8785 would drop every
/// generated file), and whatever the generator does emit must not add compile errors of its own.
/// </summary>
public sealed class RobustnessTests
{
    private const string Doc = "    /// <summary>H.</summary>\n";

    public static TheoryData<string> Malformed => new()
    {
        ReaderHarness.InClass(Doc + "    [Counter(] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(42)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(null)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\", Help = )] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\", Help = 5, Unit = 3)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\", Nope = 1)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<Missing>(\"x\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<>(\"x\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label(\"x\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<string>] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<string>(\"x\", MaxValues = \"many\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<string>(\"x\", AllowedValues = [null, 1])] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<int>(\"x\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<bool>(\"_\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial A P { get; set; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial A P { get => null!; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial A P => null!;"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial A P"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial A<int> P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n" + Doc + "    [Counter(\"y_total\")] public static partial B P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n" + Doc + "    [Gauge(\"y\")] public static partial A Q { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Gauge(\"x\")][Histogram(\"x\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Counter(\"y_total\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Histogram(\"h\")][LinearBuckets(0, 1, int.MaxValue)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Histogram(\"h\")][ExponentialBuckets(1, 10, 1000)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Histogram(\"h\")][LinearBuckets(0, 1)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Histogram(\"h\")][SloBuckets] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Histogram(\"h\", Buckets = [double.NaN], Slo = double.NaN)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Summary(\"s\", Quantiles = [double.NaN], MaxAgeSeconds = double.PositiveInfinity, AgeBuckets = -1)] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<OrderOutcome?>(\"x\")] public static partial A P { get; }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")][Label<Empty>(\"x\")] public static partial A P { get; }\n    /// <summary>E.</summary>\n    public enum Empty { }"),
        ReaderHarness.InClass(Doc + "    [Counter(\"x_total\")] public static partial"),
        "using Metrics.Generators;\n[Counter(\"x_total\")] public static partial A P { get; }",
        "using Metrics.Generators;\nnamespace Shop;\npublic static class NotPartial\n{\n" + Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n}",
        "using Metrics.Generators;\nnamespace Shop;\npublic static partial class Generic<T>\n{\n" + Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n}",
        "using Metrics.Generators;\nnamespace Shop;\npublic partial interface IMetrics\n{\n" + Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n}",
        "using Metrics.Generators;\nnamespace Shop;\nfile static partial class Local\n{\n" + Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n}",
        // A namespace and a type with one full name (CS0101): both metrics want the hint name N.C.P.g.cs.
        "using Metrics.Generators;\nnamespace N { public static partial class C {\n" + Doc + "    [Counter(\"a_total\")] public static partial A P { get; } } }\n"
        + "public static partial class N { public static partial class C {\n" + Doc + "    [Counter(\"b_total\")] public static partial B P { get; } } }",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedDeclaration_NeitherThrowsNorAddsErrorsInGeneratedCode(string source)
    {
        // The harness asserts no exception, no CS8785, and caching on a second run.
        var outcome = GeneratorHarness.Run(Scenarios.Enums, source);

        var generatedTrees = outcome.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        var errorsInGenerated = outcome.Compilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
        Assert.True(errorsInGenerated.Count == 0, string.Join("\n", errorsInGenerated));

        // The analyzers' path: the reader over every property, in the compilation that includes generated code.
        var known = new KnownSymbols(outcome.Compilation);
        foreach (var property in ReaderHarness.Symbols(outcome.Compilation))
        {
            _ = DeclarationReader.Read(property, known, TestContext.Current.CancellationToken);
        }
    }
}

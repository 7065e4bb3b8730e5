using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Metrics.Generators.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// A library that creates its metrics itself, with run-time options (the integrations), sets
/// <c>MetricsGeneratorsRegisterDefaults=false</c>: its catalogue keeps the <c>[assembly: DeclaresMetric]</c> list and
/// <c>Descriptors</c>, and leaves out the module initializer that would register every metric in the default registry.
/// </summary>
public sealed class RegisterDefaultsOptionTests
{
    [Fact]
    public void RegisterDefaultsFalse_CatalogueHasNoModuleInitializer_ButTheSameDeclarations()
    {
        var usual = Catalogue(registerDefaults: null);
        var optedOut = Catalogue(registerDefaults: "false");

        Assert.Contains("ModuleInitializer", usual, StringComparison.Ordinal);
        Assert.DoesNotContain("ModuleInitializer", optedOut, StringComparison.Ordinal);
        Assert.DoesNotContain("RegisterDefaults", optedOut, StringComparison.Ordinal);
        Assert.Equal(Lines(usual, "[assembly:"), Lines(optedOut, "[assembly:"));
        Assert.Contains("public static void RegisterAll(", optedOut, StringComparison.Ordinal);
        Assert.Empty(CSharpSyntaxTree.ParseText(optedOut, cancellationToken: TestContext.Current.CancellationToken).GetDiagnostics(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    [InlineData("no")]
    public void AnyOtherValue_KeepsTheModuleInitializer(string value)
        => Assert.Contains("ModuleInitializer", Catalogue(value), StringComparison.Ordinal);

    private static string Catalogue(string? registerDefaults)
    {
        var options = registerDefaults is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.MetricsGeneratorsRegisterDefaults", registerDefaults);
        var driver = CSharpGeneratorDriver.Create(
            [new MetricsGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: new GlobalOptionsProvider(options));
        var result = driver.RunGenerators(TestCompilation.Create(Scenarios.All)).GetRunResult().Results.Single();
        return result.GeneratedSources.Single(s => s.HintName == "MetricCatalog.g.cs").SourceText.ToString();
    }

    private static List<string> Lines(string text, string prefix)
        => text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private sealed class GlobalOptionsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers.Tests.Support;

/// <summary>
/// BuildHarness compiles sources the way a user's build does: the generator runs, then every analyzer in the
/// analyzer assembly on the result. It returns the compilation with generated code, the MG diagnostics (the
/// analyzers', and the error-level ones the generator reports itself) and every diagnostic (including the
/// compiler's own, AD0001 analyzer crashes and CS8785 generator crashes).
/// </summary>
internal static class BuildHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(DeclarationAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    // One compilation without sources: compilations derived from it share its bound references, so each build
    // binds only its own sources (the fuzz builds hundreds).
    private static readonly CSharpCompilation s_empty = CSharpCompilation.Create(
        "Differential",
        [],
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(HistogramBuckets).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static Task<BuildResult> BuildAsync(string source, CancellationToken cancellationToken)
        => BuildAsync([CSharpSyntaxTree.ParseText(source, ParseOptions, cancellationToken: cancellationToken)], cancellationToken);

    /// <summary>Builds <paramref name="trees"/> (parsed with <see cref="ParseOptions"/>) as one project.</summary>
    public static async Task<BuildResult> BuildAsync(IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var parseOptions = ParseOptions;
        var compilation = s_empty.WithAssemblyName("Differential" + Guid.NewGuid().ToString("N")).AddSyntaxTrees(trees);

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new Metrics.Generators.Generator.MetricsGenerator().AsSourceGenerator()], parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics, cancellationToken);

        var withAnalyzers = generated.WithAnalyzers(AllAnalyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));

        // One pass for compiler and analyzer diagnostics; the analyzers' are the MG ones and their crashes (AD0001).
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken);
        var analyzerDiagnostics = all.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
        var metrics = generatorDiagnostics.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal)).Concat(analyzerDiagnostics).ToImmutableArray();
        return new BuildResult(generated, metrics, [.. generatorDiagnostics, .. all]);
    }

    internal sealed record BuildResult(Compilation Compilation, ImmutableArray<Diagnostic> MetricsDiagnostics, ImmutableArray<Diagnostic> AllDiagnostics);
}

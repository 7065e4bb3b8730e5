using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Metrics.Generators.Generator.Tests.TestHelpers;

/// <summary>
/// TestCompilation builds in-memory compilations the way a strict consumer project compiles: net10.0 reference
/// assemblies, the Metrics.Generators runtime, nullable enabled, every warning wave on, documentation comments
/// diagnosed (a consumer with GenerateDocumentationFile).
/// </summary>
internal static class TestCompilation
{
    /// <summary>C# with documentation comments parsed and diagnosed.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Diagnose);

    /// <summary>Library output, nullable on, all warning waves; tests assert on warnings themselves.</summary>
    public static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        concurrentBuild: false);

    /// <summary>Framework and the real runtime assembly (attributes, families, registry).</summary>
    public static IEnumerable<MetadataReference> References { get; } =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(CounterAttribute).Assembly.Location)];

    /// <summary>Creates a compilation of <paramref name="sources"/>.</summary>
    public static CSharpCompilation Create(params string[] sources)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + i + ".cs")).ToList();
        return CSharpCompilation.Create("Consumer", trees, References, Options);
    }
}

using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Generator.Tests.TestHelpers;

/// <summary>ReaderHarness calls <see cref="DeclarationReader"/> the way the analyzers will: with a property symbol.</summary>
internal static class ReaderHarness
{
    /// <summary>Wraps <paramref name="members"/> in a documented <c>public static partial class TestMetrics</c> in namespace Shop.</summary>
    public static string InClass(string members) => $$"""
        using Metrics.Generators;

        namespace Shop;

        /// <summary>Test metrics.</summary>
        public static partial class TestMetrics
        {
        {{members}}
        }
        """;

    /// <summary>Reads the property <paramref name="property"/> declared in <paramref name="source"/> (compiled with the scenario enums).</summary>
    public static DeclarationResult Read(string source, string property = "P")
        => Read(TestCompilation.Create(Scenarios.Enums, source), property);

    /// <summary>Reads the property named <paramref name="property"/> in <paramref name="compilation"/>.</summary>
    public static DeclarationResult Read(Compilation compilation, string property)
    {
        var symbol = Symbols(compilation).Single(p => p.Name == property);
        return DeclarationReader.Read(symbol, new KnownSymbols(compilation), TestContext.Current.CancellationToken);
    }

    /// <summary>Every property declared in a source tree of <paramref name="compilation"/>.</summary>
    public static IEnumerable<IPropertySymbol> Symbols(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var syntax in tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<PropertyDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(syntax, TestContext.Current.CancellationToken) is IPropertySymbol symbol)
                {
                    yield return symbol;
                }
            }
        }
    }

    /// <summary>The problem IDs, in order.</summary>
    public static IReadOnlyList<string> Ids(this DeclarationResult result) => result.Problems.Select(p => p.Id).ToList();
}

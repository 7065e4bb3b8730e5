using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// CodeFixVerifier applies one code fix to span-marked source and compares the result, with the same references
/// and generator as <see cref="AnalyzerVerifier{TAnalyzer}"/>: the fixed code must compile and the analyzer must
/// report exactly the diagnostics expected of it.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] remaining)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Asserts the fix is not offered: the diagnostic stays and the code is unchanged.</summary>
    public static Task VerifyNoFixAsync(string source)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(HistogramBuckets).Assembly.Location));
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(Metrics.Generators.Generator.MetricsGenerator)];

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);
    }
}

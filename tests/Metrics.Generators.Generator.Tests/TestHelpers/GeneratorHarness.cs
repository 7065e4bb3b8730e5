using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Metrics.Generators.Generator.Tests.TestHelpers;

/// <summary>The outcome of running the generator: the updated compilation and what the driver reported.</summary>
internal sealed record GeneratorOutcome(
    Compilation Compilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorRunResult Result,
    GeneratorDriver Driver)
{
    /// <summary>The generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources
        => Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The generated file named <paramref name="hintName"/>; fails listing what exists.</summary>
    public string Source(string hintName)
        => Sources.TryGetValue(hintName, out var text)
            ? text
            : throw new Xunit.Sdk.XunitException("No generated file '" + hintName + "'. Generated: " + string.Join(", ", Sources.Keys));
}

/// <summary>
/// GeneratorHarness runs <see cref="MetricsGenerator"/> over an in-memory compilation. Every run happens twice:
/// the second run, on an identical compilation, must find every tracked step Cached or Unchanged, and the
/// first run's step outputs must hold no Roslyn object (symbol, syntax, location, compilation) — the two ways a
/// pipeline silently loses its caching.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>Creates a driver that records step-by-step run reasons.</summary>
    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new MetricsGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on <paramref name="sources"/>, twice, asserting caching; returns the first run.</summary>
    public static GeneratorOutcome Run(params string[] sources) => Run(TestCompilation.Create(sources));

    /// <summary>Runs the generator on <paramref name="compilation"/>, twice, asserting caching; returns the first run.</summary>
    public static GeneratorOutcome Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
        AssertNoRoslynObjects(first);

        var again = driver.RunGenerators(compilation.Clone());
        var second = again.GetRunResult().Results.Single();
        AssertAllCached(second, "a second run on an identical compilation");
        Assert.Equal(
            first.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText),
            second.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));

        return new GeneratorOutcome(output, diagnostics, first, driver);
    }

    /// <summary>Asserts every tracked step and every output of <paramref name="result"/> was Cached or Unchanged.</summary>
    public static void AssertAllCached(GeneratorRunResult result, string because)
    {
        foreach (var (name, steps) in result.TrackedSteps.Where(s => StepNames.All.Contains(s.Key)))
        {
            foreach (var (_, reason) in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    "Step '" + name + "' was " + reason + " after " + because + ".");
            }
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var (_, reason) in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(reason == IncrementalStepRunReason.Cached, "Output '" + name + "' was " + reason + " after " + because + ".");
            }
        }
    }

    /// <summary>The run reasons of the outputs of the tracked step <paramref name="stepName"/>.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string stepName)
        => result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(step => step.Outputs).Select(o => o.Reason).ToList()
            : [];

    private static readonly Type[] s_roslynTypes =
        [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location)];

    // Walks every value the tracked steps produced: a Roslyn object in a model keeps old compilations alive and never compares equal.
    private static void AssertNoRoslynObjects(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedSteps.Where(s => StepNames.All.Contains(s.Key)))
        {
            foreach (var (value, _) in steps.SelectMany(step => step.Outputs))
            {
                Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    private static void Walk(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 20)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            s_roslynTypes.Any(t => t.IsAssignableFrom(type)),
            "Step output at " + path + " holds a " + type.Name + ": models must be plain data.");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, path + "[" + i++ + "]", seen, depth + 1);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
        }
    }
}

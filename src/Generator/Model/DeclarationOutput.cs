using Metrics.Generators.Shared.Declarations;
using System.Linq;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Generator.Model;

/// <summary>
/// DeclarationOutput is what the generator takes from one declaration: the metric to emit, or the stand-in for
/// one it cannot emit, and the error-level problems it reports. The pipeline splits it at once: the two source
/// models are plain data and cached; the problems keep their <see cref="Location"/>s in the user's trees, so they
/// stay <c>#pragma</c>-suppressible, and are only reported.
/// </summary>
/// <param name="Spec">The metric, or null.</param>
/// <param name="Fallback">The stand-in, or null.</param>
/// <param name="Problems">The diagnostics the generator reports.</param>
internal sealed record DeclarationOutput(MetricSpec? Spec, FallbackSpec? Fallback, EquatableArray<ReportedProblem> Problems)
{
    /// <summary>The output for <paramref name="result"/>, or null when another attribute's pipeline owns the property.</summary>
    public static DeclarationOutput? From(DeclarationResult result, MetricKind pipeline)
    {
        // A property with [Counter][Gauge] reaches two pipelines: only its first attribute's emits and reports.
        if (result.Kind != pipeline || (result.Spec is null && result.Fallback is null && result.Problems.IsEmpty))
        {
            return null;
        }

        var problems = new System.Collections.Generic.List<ReportedProblem>();
        foreach (var problem in result.Problems)
        {
            if (DiagnosticDescriptors.ReportedByGenerator(problem.Rule))
            {
                problems.Add(new ReportedProblem(problem.Rule, problem));
            }
        }

        return new DeclarationOutput(result.Spec, result.Fallback, new EquatableArray<ReportedProblem>(problems.ToArray()));
    }
}

/// <summary>ReportedProblem is one problem the generator reports, with the descriptor it is reported under.</summary>
/// <param name="Descriptor">The descriptor (compares by ID).</param>
/// <param name="Problem">The problem.</param>
internal sealed record ReportedProblem(DiagnosticDescriptor Descriptor, DeclarationProblem Problem)
{
    /// <inheritdoc/>
    public bool Equals(ReportedProblem? other)
        => other is not null && Descriptor.Equals(other.Descriptor) && Problem.Location.Equals(other.Problem.Location)
           && Problem.Arguments.SequenceEqual(other.Problem.Arguments);

    /// <inheritdoc/>
    public override int GetHashCode() => Descriptor.Id.GetHashCode() ^ Problem.Location.GetHashCode();
}

using System.Collections.Immutable;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// DeclarationResult is what <see cref="DeclarationReader"/> returns for one property: the model to emit
/// (null when the declaration cannot be emitted, or is not a metric) and every problem found.
/// </summary>
internal sealed class DeclarationResult
{
    /// <summary>The result for a property that carries no metric attribute.</summary>
    public static readonly DeclarationResult NotAMetric = new(null, ImmutableArray<DeclarationProblem>.Empty);

    /// <summary>Creates a result.</summary>
    public DeclarationResult(MetricSpec? spec, ImmutableArray<DeclarationProblem> problems)
    {
        Spec = spec;
        Problems = problems;
    }

    /// <summary>The model, or null when a problem makes emitting impossible (bad name, shape, label).</summary>
    public MetricSpec? Spec { get; }

    /// <summary>Every problem, fatal or not, in source order of discovery.</summary>
    public ImmutableArray<DeclarationProblem> Problems { get; }
}

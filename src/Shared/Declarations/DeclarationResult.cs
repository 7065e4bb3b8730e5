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
    public DeclarationResult(MetricSpec? spec, ImmutableArray<DeclarationProblem> problems, FallbackSpec? fallback = null, MetricKind kind = MetricKind.Counter)
    {
        Spec = spec;
        Problems = problems;
        Fallback = fallback;
        Kind = kind;
    }

    /// <summary>The model, or null when a problem makes emitting impossible (bad name, shape, label).</summary>
    public MetricSpec? Spec { get; }

    /// <summary>
    /// When <see cref="Spec"/> is null but the property can still be implemented: the stand-in the generator emits
    /// so the user's code compiles (see <see cref="FallbackSpec"/>).
    /// </summary>
    public FallbackSpec? Fallback { get; }

    /// <summary>The kind of the first metric attribute: the one pipeline of the generator that emits and reports for this property.</summary>
    public MetricKind Kind { get; }

    /// <summary>Every problem, fatal or not, in source order of discovery.</summary>
    public ImmutableArray<DeclarationProblem> Problems { get; }
}

using System.Linq;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// MetricSpec is everything the generator emits for one declared metric.
/// </summary>
/// <remarks>
/// Invariant: a MetricSpec holds only strings, numbers, bools, enums, records and <see cref="EquatableArray{T}"/>,
/// never a symbol, syntax node, location or compilation, so equal declarations give equal specs across
/// compilations and the incremental pipeline can skip re-emitting them. A spec exists only for a declaration
/// that can be emitted: names are valid, the shape is right; remaining problems (missing unit, bad buckets…)
/// were replaced by safe defaults and are reported by the analyzers.
/// </remarks>
/// <param name="Namespace">The namespace of the containing type, or empty for the global namespace.</param>
/// <param name="ContainingTypes">The types around the property, outermost first.</param>
/// <param name="PropertyName">The property name as C# source.</param>
/// <param name="PropertyModifiers">The property's accessibility keywords as written (e.g. <c>public</c>, <c>protected internal</c>), or empty.</param>
/// <param name="TypeName">The name of the metric type to emit, nested in the innermost containing type.</param>
/// <param name="Kind">Counter, gauge, histogram or summary.</param>
/// <param name="Name">The metric name as declared.</param>
/// <param name="Help">The help text (from <c>Help</c> or the XML doc summary); empty when missing.</param>
/// <param name="Unit">The unit, or null.</param>
/// <param name="Labels">The labels in declaration order, which is the parameter order.</param>
/// <param name="Buckets">Histograms: the bucket upper bounds, strictly increasing; otherwise empty.</param>
/// <param name="Quantiles">Summaries: the quantiles, increasing; otherwise empty.</param>
/// <param name="Slo">Histograms: the SLO threshold (one of the buckets), or 0.</param>
/// <param name="MaxAgeSeconds">Summaries: the sliding window length.</param>
/// <param name="AgeBuckets">Summaries: the number of sub-windows.</param>
/// <param name="IsReachableFromAssembly">True when the property and every containing type are at least internal, so the assembly catalogue can name them.</param>
internal sealed record MetricSpec(
    string Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string PropertyName,
    string PropertyModifiers,
    string TypeName,
    MetricKind Kind,
    string Name,
    string Help,
    string? Unit,
    EquatableArray<LabelSpec> Labels,
    EquatableArray<double> Buckets,
    EquatableArray<double> Quantiles,
    double Slo,
    double MaxAgeSeconds,
    int AgeBuckets,
    bool IsReachableFromAssembly)
{
    /// <summary>The innermost containing type's fully qualified name, e.g. <c>global::Shop.ShopMetrics</c>.</summary>
    public string QualifiedContainingType
        => "global::" + (Namespace.Length > 0 ? Namespace + "." : string.Empty) + string.Join(".", ContainingTypes.Select(t => t.Name));

    /// <summary>The metric type's fully qualified name, e.g. <c>global::Shop.ShopMetrics.OrdersTotal</c>.</summary>
    public string QualifiedTypeName => QualifiedContainingType + "." + TypeName;

    /// <summary>The property's fully qualified name, e.g. <c>global::Shop.ShopMetrics.Orders</c>.</summary>
    public string QualifiedPropertyName => QualifiedContainingType + "." + PropertyName;
}

using System;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Model;

/// <summary>
/// CatalogEntry is what the assembly catalogue needs of one metric. Kept this small so that editing a metric's
/// help or buckets re-emits that metric's file but leaves the catalogue cached.
/// </summary>
/// <param name="Name">The metric name, the catalogue's sort key.</param>
/// <param name="TypeName">The metric type, fully qualified.</param>
/// <param name="PropertyName">The static property, fully qualified.</param>
/// <param name="Kind">Counter, gauge, histogram or summary, for <c>[assembly: DeclaresMetric]</c>.</param>
/// <param name="DeclaringType">The type holding the property, fully qualified.</param>
/// <param name="Member">The property's simple name.</param>
internal sealed record CatalogEntry(string Name, string TypeName, string PropertyName, MetricKind Kind, string DeclaringType, string Member) : IComparable<CatalogEntry>
{
    /// <summary>The entry for <paramref name="spec"/>, or null when the catalogue cannot name it (a private or protected property or type).</summary>
    public static CatalogEntry? From(MetricSpec spec)
        => spec.IsReachableFromAssembly
            ? new CatalogEntry(
                spec.Name,
                spec.QualifiedTypeName,
                spec.QualifiedPropertyName,
                spec.Kind,
                spec.QualifiedContainingType,
                spec.PropertyName.TrimStart('@'))
            : null;

    /// <summary>Ordinal by name, then by type (duplicate names are MG0003 errors, but the order stays deterministic).</summary>
    public int CompareTo(CatalogEntry? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byName = string.CompareOrdinal(Name, other.Name);
        return byName != 0 ? byName : string.CompareOrdinal(TypeName, other.TypeName);
    }
}

using System.Collections.Generic;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>
/// Operation is one recording method of a metric kind (<c>Inc</c>, <c>Add(amount)</c>, <c>Observe(value)</c>…):
/// the metric type exposes it with label parameters, the Series handle and unlabeled metrics without.
/// </summary>
/// <param name="Method">The method name.</param>
/// <param name="ValueParameter">The value parameter (always a double, always first), or null.</param>
/// <param name="CellCall">The call on the runtime cell, e.g. <c>Inc(delta)</c>.</param>
/// <param name="Summary">The doc summary; <c>{0}</c> is what is recorded into ("this series").</param>
/// <param name="ValueDoc">The doc of the value parameter.</param>
/// <remarks>
/// A recording by labels calls the runtime's <c>FamilyRecording.&lt;Method&gt;(family, seriesIndex[, value])</c>
/// for every kind, so <c>Method</c> names that helper too.
/// </remarks>
internal sealed record Operation(string Method, string? ValueParameter, string CellCall, string Summary, string? ValueDoc)
{
    /// <summary>The recording methods of <paramref name="spec"/>'s kind, in the order they are emitted.</summary>
    public static IReadOnlyList<Operation> For(MetricSpec spec) => For(spec.Kind, spec.Unit);

    /// <summary>The recording methods of <paramref name="kind"/>, documented in <paramref name="declaredUnit"/>.</summary>
    public static IReadOnlyList<Operation> For(MetricKind kind, string? declaredUnit)
    {
        var unit = declaredUnit is null ? string.Empty : ", in " + Helpers.Literals.XmlText(declaredUnit);
        return kind switch
        {
            MetricKind.Counter =>
            [
                new("Inc", null, "Inc()", "Adds 1 to {0}.", null),
                new("Add", "amount", "Add(amount)", "Adds <paramref name=\"amount\"/> to {0}.",
                    "The amount to add" + unit + "; a counter only goes up, so it must not be negative."),
            ],
            MetricKind.Gauge =>
            [
                new("Inc", null, "Inc()", "Adds 1 to {0}.", null),
                new("Dec", null, "Dec()", "Subtracts 1 from {0}.", null),
                new("Add", "delta", "Inc(delta)", "Adds <paramref name=\"delta\"/>, which may be negative, to {0}.", "The change" + unit + "."),
                new("Set", "value", "Set(value)", "Sets {0} to <paramref name=\"value\"/>.", "The new value" + unit + "."),
            ],
            _ =>
            [
                new("Observe", "value", "Observe(value)", "Records <paramref name=\"value\"/> in {0}.", "The observed value" + unit + "."),
            ],
        };
    }
}

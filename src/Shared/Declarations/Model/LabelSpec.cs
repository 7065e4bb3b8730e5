namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// LabelSpec is one <c>[Label&lt;T&gt;]</c> of a metric, as the generator needs it: no Roslyn objects.
/// </summary>
/// <param name="Name">The label name, valid per <c>NameRules.IsValidLabelName</c>.</param>
/// <param name="Kind">How the values are known.</param>
/// <param name="TypeName">The C# parameter type: a <c>global::</c> enum name, <c>bool</c> or <c>string?</c>.</param>
/// <param name="Values">The exposed values in index order (empty for <see cref="LabelKind.BoundedString"/>); the overflow index follows them.</param>
/// <param name="EnumCases">For enums: each distinct member and its value index, in declaration order.</param>
/// <param name="MaxValues">For <see cref="LabelKind.BoundedString"/>: the bound (at least 1); otherwise 0.</param>
/// <param name="MaxLength">For <see cref="LabelKind.BoundedString"/>: the most UTF-16 units kept of a value (at least 1); otherwise 0.</param>
/// <param name="Accessibility">The label type's effective accessibility as C# keywords (<c>public</c>, <c>internal</c>, …).</param>
internal sealed record LabelSpec(
    string Name,
    LabelKind Kind,
    string TypeName,
    EquatableArray<string> Values,
    EquatableArray<EnumCaseSpec> EnumCases,
    int MaxValues,
    int MaxLength = 0,
    string Accessibility = "public")
{
    /// <summary>The number of series indexes this label spans: its known values plus <c>__overflow__</c>.</summary>
    public int Cardinality => Kind == LabelKind.BoundedString ? MaxValues + 1 : Values.Count + 1;
}

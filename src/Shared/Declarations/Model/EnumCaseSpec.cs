namespace Metrics.Generators.Shared.Declarations;

/// <summary>EnumCaseSpec maps one enum member to the index of its exposed label value.</summary>
/// <param name="Expression">The member as a C# expression, e.g. <c>global::Shop.OrderOutcome.Created</c>.</param>
/// <param name="ValueIndex">The index into <see cref="LabelSpec.Values"/> (two members exposed under the same value share it).</param>
internal sealed record EnumCaseSpec(string Expression, int ValueIndex);

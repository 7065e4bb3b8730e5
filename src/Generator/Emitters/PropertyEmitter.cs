using Metrics.Generators.Generator.Helpers;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>
/// PropertyEmitter writes the implementation part of the declared <c>static partial</c> property and the
/// static field holding the default-registry instance behind it.
/// </summary>
internal static class PropertyEmitter
{
    /// <summary>Writes the field and the property implementation.</summary>
    public static void Write(SourceWriter writer, MetricSpec spec)
    {
        var field = FieldName(spec);
        writer.WriteLine("private static readonly " + spec.TypeName + " " + field + " = new " + spec.TypeName
                         + "(" + TypeNames.MetricRegistry + ".Default);");
        writer.WriteLine();
        var modifiers = spec.PropertyModifiers.Length > 0 ? spec.PropertyModifiers + " " : string.Empty;
        writer.WriteLine(modifiers + "static partial " + spec.TypeName + " " + spec.PropertyName + " { get => " + field + "; }");
    }

    /// <summary>The field name: <c>Orders</c> → <c>s_ordersMetric</c>.</summary>
    public static string FieldName(MetricSpec spec)
    {
        var name = spec.PropertyName.TrimStart('@');
        return "s_" + char.ToLowerInvariant(name[0]) + name.Substring(1) + "Metric";
    }
}

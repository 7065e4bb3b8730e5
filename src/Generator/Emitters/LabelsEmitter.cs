using System.Collections.Generic;
using Metrics.Generators.Generator.Helpers;
using Metrics.Generators.Shared;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>LabelsEmitter writes the <c>Labels</c> record struct: a metric's label values, by name and type, as one value.</summary>
internal static class LabelsEmitter
{
    /// <summary>Writes <c>public readonly record struct Labels(...)</c>.</summary>
    public static void Write(SourceWriter writer, MetricSpec spec, IReadOnlyList<LabelIdentifiers> labels)
    {
        writer.Separate();
        writer.WriteLine("/// <summary>The labels of one series of <c>" + spec.Name + "</c>, by name and type.</summary>");
        var parameters = new List<string>(labels.Count);
        foreach (var label in labels)
        {
            writer.WriteLine("/// <param name=\"" + label.Property + "\">" + Describe(label.Label) + "</param>");
            parameters.Add(label.Label.TypeName + " " + label.Property);
        }

        writer.WriteLine("public readonly record struct Labels(" + string.Join(", ", parameters) + ");");
    }

    /// <summary>The doc text of a label parameter: its name and how its values are bounded.</summary>
    public static string Describe(LabelSpec label) => label.Kind switch
    {
        LabelKind.BoundedString => "The <c>" + label.Name + "</c> label; after " + Literals.Int(label.MaxValues)
                                   + " distinct values, new ones are recorded as <c>" + NameRules.OverflowValue + "</c>.",
        LabelKind.AllowedStrings => "The <c>" + label.Name + "</c> label; values other than the allowed ones are recorded as <c>"
                                    + NameRules.OverflowValue + "</c>.",
        _ => "The <c>" + label.Name + "</c> label.",
    };
}

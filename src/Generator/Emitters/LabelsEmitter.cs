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

        writer.WriteLine(MemberAccessibility(labels) + " readonly record struct Labels(" + string.Join(", ", parameters) + ");");
    }

    /// <summary>
    /// The accessibility of the members that take label values: <c>public</c>, or the narrowest label type's when
    /// one is less accessible than the metric (MG0011 says so on the declaration), so no signature is inconsistent.
    /// </summary>
    public static string MemberAccessibility(IReadOnlyList<LabelIdentifiers> labels)
    {
        var narrowest = "public";
        foreach (var label in labels)
        {
            if (Rank(label.Label.Accessibility) < Rank(narrowest))
            {
                narrowest = label.Label.Accessibility;
            }
        }

        return narrowest;
    }

    private static int Rank(string accessibility) => accessibility switch
    {
        "public" => 5,
        "protected internal" => 4,
        "internal" => 3,
        "protected" => 2,
        "private protected" => 1,
        _ => 0,
    };

    /// <summary>The doc text of a label parameter: its name and how its values are bounded.</summary>
    public static string Describe(LabelSpec label) => label.Kind switch
    {
        LabelKind.BoundedString => "The <c>" + label.Name + "</c> label; after " + Literals.Int(label.MaxValues)
                                   + " distinct values, new ones are recorded as <c>" + NameRules.OverflowValue + "</c>; values are kept to "
                                   + Literals.Int(label.MaxLength) + " UTF-16 code units.",
        LabelKind.AllowedStrings => "The <c>" + label.Name + "</c> label; values other than the allowed ones are recorded as <c>"
                                    + NameRules.OverflowValue + "</c>.",
        _ => "The <c>" + label.Name + "</c> label.",
    };
}

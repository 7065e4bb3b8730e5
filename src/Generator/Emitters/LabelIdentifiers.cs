using System.Collections.Generic;
using System.Text;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis.CSharp;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>
/// LabelIdentifiers are the C# names one label gets in a metric type: <c>route</c> becomes the parameter
/// <c>route</c>, the <c>Labels.Route</c> property, the <c>RouteIndex</c> method, and the field <c>s_route</c>
/// or <c>_route</c>. Names that would collide with each other or with the metric type's own members get a
/// <c>Label</c> or number suffix.
/// </summary>
internal sealed class LabelIdentifiers
{
    // Members of the metric type, its Labels record struct, and the value parameters of the recording methods.
    private static readonly HashSet<string> s_reservedPascal = new(System.StringComparer.Ordinal)
    {
        "Labels", "Series", "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals", "EqualityContract",
    };

    private static readonly HashSet<string> s_reservedCamel = new(System.StringComparer.Ordinal)
    {
        "amount", "delta", "value", "labels", "registry", "family", "series", "cell", "action", "func",
    };

    private LabelIdentifiers(LabelSpec label, string pascal)
    {
        Label = label;
        Property = pascal;
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        Parameter = SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
        Field = label.Kind == LabelKind.BoundedString ? "_" + camel : "s_" + camel;
        IndexMethod = pascal + "Index";
        // A bounded label's cardinality can be overridden at run time (MetricOverrides): a field, not a constant.
        CardinalityConstant = label.Kind == LabelKind.BoundedString ? "_" + camel + "Cardinality" : pascal + "Cardinality";
    }

    /// <summary>The label.</summary>
    public LabelSpec Label { get; }

    /// <summary>The <c>Labels</c> record struct property, PascalCase.</summary>
    public string Property { get; }

    /// <summary>The method parameter, camelCase, <c>@</c>-escaped when a keyword.</summary>
    public string Parameter { get; }

    /// <summary><c>s_x</c> (static <c>FixedLabel</c>) or <c>_x</c> (per-instance <c>BoundedStringLabel</c>).</summary>
    public string Field { get; }

    /// <summary>The static method that maps a value to its index (not used for bounded strings).</summary>
    public string IndexMethod { get; }

    /// <summary>The constant (or, for a bounded label, the field set by the constructor) holding the label's cardinality.</summary>
    public string CardinalityConstant { get; }

    /// <summary>The expression giving this label's index for the value in <see cref="Parameter"/>.</summary>
    public string IndexExpression => Label.Kind == LabelKind.BoundedString
        ? Field + ".IndexOf(" + Parameter + ")"
        : IndexMethod + "(" + Parameter + ")";

    /// <summary>Names every label of a metric, in declaration order.</summary>
    public static IReadOnlyList<LabelIdentifiers> For(EquatableArray<LabelSpec> labels)
    {
        var result = new List<LabelIdentifiers>(labels.Count);
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var baseName = PascalCase(label.Name);
            var candidate = baseName;
            var camelOfCandidate = char.ToLowerInvariant(candidate[0]) + candidate.Substring(1);
            if (s_reservedPascal.Contains(candidate) || s_reservedCamel.Contains(camelOfCandidate))
            {
                baseName += "Label";
                candidate = baseName;
            }

            for (var suffix = 2; !used.Add(candidate); suffix++)
            {
                candidate = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(new LabelIdentifiers(label, candidate));
        }

        return result;
    }

    // http_method → HttpMethod; parts keep their inner casing (httpMethod → HttpMethod). Never empty, never starts with a digit.
    private static string PascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split('_'))
        {
            if (part.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Label");
        }

        return builder.ToString();
    }
}

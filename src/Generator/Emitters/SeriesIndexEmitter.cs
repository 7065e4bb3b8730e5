using System.Collections.Generic;
using System.Linq;
using Metrics.Generators.Generator.Helpers;
using Metrics.Generators.Shared;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>
/// SeriesIndexEmitter writes how label values become a series index: the label dimensions, their
/// cardinalities (constants; instance fields for bounded labels, whose bound can be overridden at run time),
/// one index method per label and the mixed-radix <c>SeriesIndex</c>, first
/// label most significant: <c>(i0 * c1 + i1) * c2 + i2</c>.
/// </summary>
internal static class SeriesIndexEmitter
{

    /// <summary>True when an index needs the per-instance <c>BoundedStringLabel</c>, so <c>SeriesIndex</c> is an instance method.</summary>
    public static bool NeedsInstance(IReadOnlyList<LabelIdentifiers> labels) => labels.Any(l => l.Label.Kind == LabelKind.BoundedString);

    /// <summary>Writes the static <c>FixedLabel</c> fields and the cardinality constants.</summary>
    public static void WriteStaticFields(SourceWriter writer, IReadOnlyList<LabelIdentifiers> labels)
    {
        foreach (var label in labels.Where(l => l.Label.Kind != LabelKind.BoundedString))
        {
            var values = label.Label.Values.Select(Literals.String).Prepend(Literals.String(label.Label.Name));
            writer.Separate();
            var count = label.Label.Values.Count;
            writer.WriteLine("// " + label.Label.Name + ": " + Literals.Int(count) + (count == 1 ? " known value" : " known values")
                             + ", index " + Literals.Int(count) + " is " + NameRules.OverflowValue + ".");
            writer.WriteLine("private static readonly " + TypeNames.FixedLabel + " " + label.Field + " = new(" + string.Join(", ", values) + ");");
        }

        // Only the labels after the first are multiplied by; a bounded label's cardinality is an instance field.
        var constants = labels.Skip(1).Where(l => l.Label.Kind != LabelKind.BoundedString).ToList();
        if (constants.Count > 0)
        {
            writer.Separate();
            foreach (var label in constants)
            {
                writer.WriteLine("private const long " + label.CardinalityConstant + " = " + Literals.Int(label.Label.Cardinality) + ";");
            }
        }
    }

    /// <summary>Writes the per-instance <c>BoundedStringLabel</c> fields and the cardinalities multiplied by.</summary>
    public static void WriteInstanceFields(SourceWriter writer, IReadOnlyList<LabelIdentifiers> labels)
    {
        foreach (var label in labels.Where(l => l.Label.Kind == LabelKind.BoundedString))
        {
            writer.WriteLine("private readonly " + TypeNames.BoundedStringLabel + " " + label.Field + ";");
        }

        foreach (var label in labels.Skip(1).Where(l => l.Label.Kind == LabelKind.BoundedString))
        {
            writer.WriteLine("private readonly long " + label.CardinalityConstant + ";");
        }
    }

    /// <summary>
    /// The statements creating a bounded label's field (and its cardinality field, when multiplied by) for the
    /// constructor; the declared <c>MaxValues</c> applies unless <c>overrides</c> replaces it.
    /// </summary>
    public static IEnumerable<string> Initializers(LabelIdentifiers label, bool multipliedBy)
    {
        var name = Literals.String(label.Label.Name);
        yield return label.Field + " = new " + TypeNames.BoundedStringLabel + "(" + name + ", maxValues: " + TypeNames.MetricOverrides
                     + ".MaxValuesOf(overrides, Descriptor, " + name + ", " + Literals.Int(label.Label.MaxValues) + "), maxLength: "
                     + Literals.Int(label.Label.MaxLength) + ");";
        if (multipliedBy)
        {
            yield return label.CardinalityConstant + " = " + label.Field + ".Cardinality;";
        }
    }

    /// <summary>Writes <c>SeriesIndex</c> and the per-label index methods.</summary>
    public static void WriteIndexMethods(SourceWriter writer, IReadOnlyList<LabelIdentifiers> labels)
    {
        var expression = labels[0].IndexExpression;
        for (var i = 1; i < labels.Count; i++)
        {
            expression = (i > 1 ? "(" + expression + ")" : expression) + " * " + labels[i].CardinalityConstant + " + " + labels[i].IndexExpression;
        }

        writer.Separate();
        writer.WriteLine("private " + (NeedsInstance(labels) ? string.Empty : "static ") + "long SeriesIndex(" + Parameters(labels) + ")");
        writer.Indent();
        writer.WriteLine("=> " + expression + ";");
        writer.Unindent();

        foreach (var label in labels)
        {
            var spec = label.Label;
            switch (spec.Kind)
            {
                case LabelKind.Enum:
                    writer.WriteLine();
                    writer.OpenBlock("private static int " + label.IndexMethod + "(" + spec.TypeName + " value) => value switch");
                    foreach (var @case in spec.EnumCases)
                    {
                        writer.WriteLine(@case.Expression + " => " + Literals.Int(@case.ValueIndex) + ",");
                    }

                    writer.WriteLine("_ => " + Literals.Int(spec.Values.Count) + ",");
                    writer.CloseBlock(";");
                    break;
                case LabelKind.Bool:
                    writer.WriteLine();
                    writer.WriteLine("private static int " + label.IndexMethod + "(bool value) => value ? 1 : 0;");
                    break;
                case LabelKind.AllowedStrings when spec.Values.Count == 0:
                    writer.WriteLine();
                    writer.WriteLine("private static int " + label.IndexMethod + "(string? value) => 0;");
                    break;
                case LabelKind.AllowedStrings:
                    // null is the empty string, as for every string label.
                    writer.WriteLine();
                    writer.OpenBlock("private static int " + label.IndexMethod + "(string? value) => (value ?? \"\") switch");
                    for (var i = 0; i < spec.Values.Count; i++)
                    {
                        writer.WriteLine(Literals.String(spec.Values[i]) + " => " + Literals.Int(i) + ",");
                    }

                    writer.WriteLine("_ => " + Literals.Int(spec.Values.Count) + ",");
                    writer.CloseBlock(";");
                    break;
            }
        }
    }

    /// <summary>
    /// The most label combinations a metric creates at construction: enough for a status enum by a method enum by
    /// a bool, few enough that the zero-valued series of an untouched histogram (about 17 lines each with default
    /// buckets) stay a small part of a scrape.
    /// </summary>
    public const int MaxPrecreatedSeries = 100;

    /// <summary>
    /// True when every label is an enum or a bool and their combinations number at most
    /// <see cref="MaxPrecreatedSeries"/>: the metric then creates every series at construction. Labels with
    /// string values (bounded or allowed) are never pre-created, nor is <c>__overflow__</c>.
    /// </summary>
    public static bool PrecreatesKnownSeries(IReadOnlyList<LabelIdentifiers> labels)
    {
        if (labels.Count == 0)
        {
            return false;
        }

        long combinations = 1;
        foreach (var label in labels)
        {
            if (label.Label.Kind is not (LabelKind.Enum or LabelKind.Bool))
            {
                return false;
            }

            combinations *= label.Label.Values.Count;
            if (combinations > MaxPrecreatedSeries)
            {
                return false;
            }
        }

        return combinations > 0;
    }

    /// <summary>Writes the loops that create every combination of known label values, for the constructor.</summary>
    public static void WriteKnownSeries(SourceWriter writer, IReadOnlyList<LabelIdentifiers> labels)
    {
        writer.WriteLine();
        writer.WriteLine("// Every combination of known label values exists from the start, at 0, so that a ratio over a value");
        writer.WriteLine("// not recorded yet answers 0 rather than nothing. " + NameRules.OverflowValue + " is not created.");
        var index = labels[0].Parameter;
        for (var i = 1; i < labels.Count; i++)
        {
            index = (i > 1 ? "(" + index + ")" : index) + " * " + labels[i].CardinalityConstant + " + " + labels[i].Parameter;
        }

        foreach (var label in labels)
        {
            writer.OpenBlock("for (var " + label.Parameter + " = 0; " + label.Parameter + " < " + Literals.Int(label.Label.Values.Count) + "; " + label.Parameter + "++)");
        }

        writer.WriteLine("_family.GetOrAdd(" + index + ");");
        foreach (var _ in labels)
        {
            writer.CloseBlock();
        }
    }

    /// <summary>The label parameters of a recording method: <c>global::Shop.HttpVerb method, string? route</c>.</summary>
    public static string Parameters(IReadOnlyList<LabelIdentifiers> labels)
        => string.Join(", ", labels.Select(l => l.Label.TypeName + " " + l.Parameter));

    /// <summary>The label arguments: <c>method, route</c>.</summary>
    public static string Arguments(IReadOnlyList<LabelIdentifiers> labels)
        => string.Join(", ", labels.Select(l => l.Parameter));
}

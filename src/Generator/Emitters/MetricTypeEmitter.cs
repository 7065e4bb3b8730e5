using System.Collections.Generic;
using System.Linq;
using Metrics.Generators.Generator.Helpers;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>
/// MetricTypeEmitter writes the metric type a declaration names (<c>OrdersTotal</c>), nested in the declaring
/// type: its descriptor, its family, typed recording methods and, for labeled metrics, <c>Labels</c>,
/// <c>Series</c> and the series index.
/// </summary>
internal static class MetricTypeEmitter
{

    /// <summary>Writes the metric type.</summary>
    public static void Write(SourceWriter writer, MetricSpec spec)
    {
        var kind = KindInfo.For(spec.Kind);
        var labels = LabelIdentifiers.For(spec.Labels);
        var help = spec.Help.Length > 0 ? Literals.XmlText(spec.Help).TrimEnd('.') + " " : string.Empty;

        writer.Separate();
        writer.WriteLine("/// <summary>" + help + "(<c>" + spec.Name + "</c>, " + kind.Word + ").</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
        writer.OpenBlock(TypeModifiers(spec) + " sealed class " + spec.TypeName);

        WriteDescriptor(writer, spec, kind);
        SeriesIndexEmitter.WriteStaticFields(writer, labels);

        writer.Separate();
        SeriesIndexEmitter.WriteInstanceFields(writer, labels);
        writer.WriteLine("private readonly " + (labels.Count == 0 ? kind.Cell + " _series;" : kind.Family + " _family;"));

        WriteConstructor(writer, spec, kind, labels);
        if (labels.Count == 0)
        {
            SeriesEmitter.WriteCellMembers(writer, spec, "_series", "the metric");
        }
        else
        {
            WriteLabeledMembers(writer, spec, labels);
            LabelsEmitter.Write(writer, spec, labels);
            SeriesEmitter.WriteSeries(writer, spec);
            SeriesIndexEmitter.WriteIndexMethods(writer, labels);
        }

        writer.CloseBlock();
    }

    // The metric type is as accessible as the property (partial parts repeat the property's own keywords).
    private static string TypeModifiers(MetricSpec spec) => spec.PropertyModifiers.Length > 0 ? spec.PropertyModifiers : "private";

    private static void WriteDescriptor(SourceWriter writer, MetricSpec spec, KindInfo kind)
    {
        var arguments = new List<string>
        {
            "name: " + Literals.String(spec.Name),
            "type: " + kind.MetricType,
            "help: " + Literals.String(spec.Help),
            "unit: " + Literals.StringOrNull(spec.Unit),
            "labelNames: " + (spec.Labels.IsEmpty
                ? TypeNames.EmptyStringArray
                : "new[] { " + string.Join(", ", spec.Labels.Select(l => Literals.String(l.Name))) + " }"),
        };
        var what = "name, type, help, unit and labels";
        if (spec.Kind == MetricKind.Histogram)
        {
            arguments.Add("buckets: " + DoubleArray(spec.Buckets));
            if (spec.Slo != 0)
            {
                arguments.Add("slo: " + Literals.Double(spec.Slo));
            }

            what = "name, type, help, unit, labels and buckets";
        }
        else if (spec.Kind == MetricKind.Summary)
        {
            if (!spec.Quantiles.IsEmpty)
            {
                arguments.Add("quantiles: " + DoubleArray(spec.Quantiles));
            }

            arguments.Add("maxAgeSeconds: " + Literals.Double(spec.MaxAgeSeconds));
            arguments.Add("ageBuckets: " + Literals.Int(spec.AgeBuckets));
            what = "name, type, help, unit, labels, quantiles and window";
        }

        writer.WriteLine("/// <summary>What the declaration says: " + what + ".</summary>");
        writer.WriteLine("public static readonly " + TypeNames.MetricDescriptor + " Descriptor = new(");
        writer.Indent();
        for (var i = 0; i < arguments.Count; i++)
        {
            writer.WriteLine(arguments[i] + (i == arguments.Count - 1 ? ")" : ","));
        }

        writer.Unindent();

        // Who declared it, so that a name clash at start-up can say so.
        writer.WriteLine("{");
        writer.Indent();
        writer.WriteLine("DeclaringType = typeof(" + spec.QualifiedContainingType + "),");
        writer.WriteLine("DeclaringMember = " + Literals.String(spec.PropertyName.TrimStart('@')) + ",");
        writer.CloseBlock(";");
    }

    private static string DoubleArray(EquatableArray<double> values)
        => "new double[] { " + string.Join(", ", values.Select(Literals.Double)) + " }";

    private static void WriteConstructor(SourceWriter writer, MetricSpec spec, KindInfo kind, IReadOnlyList<LabelIdentifiers> labels)
    {
        var dimensions = string.Concat(labels.Select(l => ", " + l.Field));
        var bounded = labels.Where(l => l.Label.Kind == LabelKind.BoundedString).ToList();
        var boundedNames = string.Concat(bounded.Select(l => ", " + Literals.String(l.Label.Name)));
        var descriptor = TypeNames.MetricOverrides + ".DescriptorOf(overrides, Descriptor" + boundedNames + ")";
        var register = "registry.Register(new " + kind.Family + "(" + (labels.Count == 0 ? descriptor : "descriptor") + dimensions + "))";
        var clash = "/// <exception cref=\"" + TypeNames.InvalidOperationException + "\">When <paramref name=\"registry\"/> already has a metric named <c>" + spec.Name + "</c>.</exception>";

        writer.Separate();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates the metric and registers it in <paramref name=\"registry\"/>. The static property uses");
        writer.WriteLine("/// <c>MetricRegistry.Default</c>; tests create their own registry and instance.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"registry\">The registry that exposes the metric.</param>");
        writer.WriteLine(clash);
        writer.WriteLine("public " + spec.TypeName + "(" + TypeNames.MetricRegistry + " registry)");
        writer.Indent();
        writer.WriteLine(": this(registry, null)");
        writer.Unindent();
        writer.WriteLine("{");
        writer.WriteLine("}");

        // The declaration stays the default; a library whose users choose buckets or bounds at run time passes them here.
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates the metric with <paramref name=\"overrides\"/> of what the declaration says (bucket bounds, SLO, the");
        writer.WriteLine("/// <c>MaxValues</c> of a bounded string label) and registers it in <paramref name=\"registry\"/>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"registry\">The registry that exposes the metric.</param>");
        writer.WriteLine("/// <param name=\"overrides\">What replaces the declared values; null keeps the declaration.</param>");
        writer.WriteLine("/// <exception cref=\"" + TypeNames.ArgumentException + "\">When an override does not apply to this metric or is invalid; the message names the metric and the value.</exception>");
        writer.WriteLine(clash);
        var header = "public " + spec.TypeName + "(" + TypeNames.MetricRegistry + " registry, " + TypeNames.MetricOverrides + "? overrides)";
        var precreate = SeriesIndexEmitter.PrecreatesKnownSeries(labels);
        if (labels.Count == 0)
        {
            writer.WriteLine(header);
            writer.Indent();
            writer.WriteLine("=> _series = " + register + ".GetOrAdd(0);");
            writer.Unindent();
            return;
        }

        writer.OpenBlock(header);
        writer.WriteLine("var descriptor = " + descriptor + ";");
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i].Label.Kind == LabelKind.BoundedString)
            {
                foreach (var statement in SeriesIndexEmitter.Initializers(labels[i], multipliedBy: i > 0))
                {
                    writer.WriteLine(statement);
                }
            }
        }

        writer.WriteLine("_family = " + register + ";");
        if (precreate)
        {
            SeriesIndexEmitter.WriteKnownSeries(writer, labels);
        }

        writer.CloseBlock();
    }

    // Inc(status), Add(amount, status)…, Bind(status), then the same taking Labels.
    private static void WriteLabeledMembers(SourceWriter writer, MetricSpec spec, IReadOnlyList<LabelIdentifiers> labels)
    {
        var parameters = SeriesIndexEmitter.Parameters(labels);
        var arguments = SeriesIndexEmitter.Arguments(labels);
        var fromRecord = string.Join(", ", labels.Select(l => "labels." + l.Property));
        const string Subject = "the series of the given labels";
        var operations = Operation.For(spec);
        var access = LabelsEmitter.MemberAccessibility(labels);

        foreach (var operation in operations)
        {
            writer.Separate();
            writer.WriteLine("/// <summary>" + string.Format(System.Globalization.CultureInfo.InvariantCulture, operation.Summary, Subject) + "</summary>");
            var value = operation.ValueParameter;
            if (value is not null)
            {
                writer.WriteLine("/// <param name=\"" + value + "\">" + operation.ValueDoc + "</param>");
            }

            WriteLabelParamDocs(writer, labels);
            writer.WriteLine(access + " void " + operation.Method + "(" + (value is null ? string.Empty : "double " + value + ", ") + parameters + ")");
            writer.Indent();
            var seriesIndex = "SeriesIndex(" + arguments + ")";
            writer.WriteLine("=> " + TypeNames.FamilyRecording + "." + operation.Method + "(_family, " + seriesIndex + (value is null ? string.Empty : ", " + value) + ");");
            writer.Unindent();
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Returns the series of the given labels, to record into it without looking the labels up again.</summary>");
        WriteLabelParamDocs(writer, labels);
        writer.WriteLine("/// <returns>The bound series; keep it for repeated recording.</returns>");
        writer.WriteLine(access + " Series Bind(" + parameters + ") => new(_family.GetOrAdd(SeriesIndex(" + arguments + ")));");

        foreach (var operation in operations)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>" + string.Format(System.Globalization.CultureInfo.InvariantCulture, operation.Summary, "the series of <paramref name=\"labels\"/>") + "</summary>");
            var value = operation.ValueParameter;
            if (value is not null)
            {
                writer.WriteLine("/// <param name=\"" + value + "\">" + operation.ValueDoc + "</param>");
            }

            writer.WriteLine("/// <param name=\"labels\">The label values.</param>");
            var head = value is null ? string.Empty : "double " + value + ", ";
            var pass = value is null ? string.Empty : value + ", ";
            writer.WriteLine(access + " void " + operation.Method + "(" + head + "Labels labels) => " + operation.Method + "(" + pass + fromRecord + ");");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Returns the series of <paramref name=\"labels\"/>, to record into it without looking the labels up again.</summary>");
        writer.WriteLine("/// <param name=\"labels\">The label values.</param>");
        writer.WriteLine("/// <returns>The bound series; keep it for repeated recording.</returns>");
        writer.WriteLine(access + " Series Bind(Labels labels) => Bind(" + fromRecord + ");");
    }

    private static void WriteLabelParamDocs(SourceWriter writer, IReadOnlyList<LabelIdentifiers> labels)
    {
        foreach (var label in labels)
        {
            writer.WriteLine("/// <param name=\"" + label.Parameter.TrimStart('@') + "\">" + LabelsEmitter.Describe(label.Label) + "</param>");
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

// Labels: MG0002 (name), MG0008 (duplicate), MG0010 (MaxLength), MG0011 (label type less accessible), MG2001
// (unbounded or unsupported type).
internal sealed partial class DeclarationReader
{
    /// <summary>The bound a string label gets when it declares none: MG2001 is an error, but the IDE keeps compiling.</summary>
    public const int DefaultMaxValues = 100;

    private EquatableArray<LabelSpec> ReadLabels(ImmutableArray<AttributeData> attributes, MetricKind kind, string? metricName)
    {
        var labels = new List<LabelSpec>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var metric = metricName ?? _syntax.Identifier.ValueText;
        foreach (var attribute in attributes)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!_known.IsLabel(attribute.AttributeClass))
            {
                continue;
            }

            if (ReadLabel(attribute, kind, metric, seen) is { } label)
            {
                labels.Add(label);
            }
        }

        return new EquatableArray<LabelSpec>(labels.ToArray());
    }

    private LabelSpec? ReadLabel(AttributeData attribute, MetricKind kind, string metric, HashSet<string> seen)
    {
        var labelType = attribute.AttributeClass is { TypeArguments.Length: 1 } generic ? generic.TypeArguments[0] : null;
        if (Positional(attribute, 0) is not { } argument || AsString(argument) is not { } name
            || labelType is null || labelType.TypeKind == TypeKind.Error)
        {
            // Missing name or unresolved type: the compiler reports it, the metric cannot be emitted.
            _fatal = true;
            return null;
        }

        var nameLocation = ArgumentLocation(attribute, null);
        var reason = !NameRules.IsValidLabelName(name)
            ? name.StartsWith("__", System.StringComparison.Ordinal)
                ? "names starting with '__' are reserved for Prometheus"
                : "use letters, digits and underscores, not starting with a digit"
            : kind == MetricKind.Histogram && name == "le"
                ? "'le' is the bucket label of every histogram"
                : kind == MetricKind.Summary && name == "quantile"
                    ? "'quantile' is the quantile label of every summary"
                    : null;
        if (reason is not null)
        {
            Fatal(DiagnosticDescriptors.InvalidLabelName, nameLocation, name, reason);
            return null;
        }

        if (!seen.Add(name))
        {
            Fatal(DiagnosticDescriptors.DuplicateLabelName, nameLocation, name, metric);
            return null;
        }

        // Valid, but PromQL and several client libraries read them as another type's bucket or quantile label.
        if (name == "le" || name == "quantile")
        {
            Report(DiagnosticDescriptors.ReservedLabelOnOtherType, nameLocation, name, KindWord(kind), metric, name == "le" ? "histogram bucket" : "summary quantile");
        }

        var maxValues = Named(attribute, "MaxValues") is { } max ? AsInt(max) ?? 0 : 0;
        var allowed = Named(attribute, "AllowedValues") is { } values ? AsStringArray(values) : null;
        CheckLabelName(nameLocation, name, kind, metric, boundByAllowedValues: allowed is not null);
        if (Named(attribute, "MaxLength") is { } fixedLength
            && (labelType.SpecialType != SpecialType.System_String || allowed is not null))
        {
            Report(
                DiagnosticDescriptors.InvalidLabelMaxLength,
                ArgumentLocation(attribute, "MaxLength"),
                name,
                metric,
                Text(AsInt(fixedLength) ?? 0),
                "MaxLength bounds free-form string values (MaxValues); the values of this label are fixed, so remove it");
        }

        if (labelType.TypeKind == TypeKind.Enum && labelType is INamedTypeSymbol enumType)
        {
            return ReadEnumLabel(name, enumType) with { Accessibility = CheckLabelTypeAccessibility(attribute, name, metric, enumType) };
        }

        if (labelType.SpecialType == SpecialType.System_Boolean)
        {
            return new LabelSpec(name, LabelKind.Bool, "bool", new EquatableArray<string>(["false", "true"]), EquatableArray<EnumCaseSpec>.Empty, 0);
        }

        if (labelType.SpecialType != SpecialType.System_String)
        {
            Fatal(
                DiagnosticDescriptors.UnboundedLabel,
                AttributeLocation(attribute),
                name,
                metric,
                "its type '" + labelType.ToDisplayString() + "' is not an enum, bool or string");
            return null;
        }

        if (allowed is not null)
        {
            if (maxValues != 0)
            {
                Report(DiagnosticDescriptors.UnboundedLabel, ArgumentLocation(attribute, "MaxValues"), name, metric, "set either MaxValues or AllowedValues, not both");
            }

            // null is exposed as the empty string; a value listed twice is one value.
            var distinct = new List<string>();
            foreach (var value in allowed)
            {
                var exposed = value ?? string.Empty;
                if (!distinct.Contains(exposed))
                {
                    distinct.Add(exposed);
                }
            }

            if (distinct.Count == 0)
            {
                Report(DiagnosticDescriptors.UnboundedLabel, ArgumentLocation(attribute, "AllowedValues"), name, metric, "AllowedValues is empty, so every value would be '__overflow__'");
            }

            return new LabelSpec(name, LabelKind.AllowedStrings, "string?", new EquatableArray<string>(distinct.ToArray()), EquatableArray<EnumCaseSpec>.Empty, 0);
        }

        if (maxValues < 1)
        {
            Report(
                DiagnosticDescriptors.UnboundedLabel,
                maxValues < 0 ? ArgumentLocation(attribute, "MaxValues") : AttributeLocation(attribute),
                name,
                metric,
                "a string label needs MaxValues > 0 or AllowedValues");
            maxValues = DefaultMaxValues;
        }

        var maxLength = NameRules.DefaultLabelValueMaxLength;
        if (Named(attribute, "MaxLength") is { } length)
        {
            var declared = AsInt(length) ?? 0;
            if (declared < 1)
            {
                Report(
                    DiagnosticDescriptors.InvalidLabelMaxLength,
                    ArgumentLocation(attribute, "MaxLength"),
                    name,
                    metric,
                    Text(declared),
                    "it must be at least 1 (leave it out for the default of 256 UTF-16 code units)");
            }
            else
            {
                maxLength = declared;
            }
        }

        return new LabelSpec(name, LabelKind.BoundedString, "string?", EquatableArray<string>.Empty, EquatableArray<EnumCaseSpec>.Empty, maxValues, maxLength);
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // MG0011: a public metric whose label enum is internal would put the enum in public signatures (CS0051 in the
    // generated file). Report it on the label, and emit the members that take the label no wider than the enum.
    private string CheckLabelTypeAccessibility(AttributeData attribute, string name, string metric, INamedTypeSymbol labelType)
    {
        var labelAccess = EffectiveAccessibility(labelType);
        var metricAccess = EffectiveAccessibility(_property);
        if (labelAccess >= metricAccess)
        {
            return "public";
        }

        Report(
            DiagnosticDescriptors.LabelTypeLessAccessible,
            AttributeLocation(attribute),
            name,
            metric,
            labelType.ToDisplayString(),
            Keywords(labelAccess),
            Keywords(metricAccess));
        return Keywords(labelAccess);
    }

    // The narrowest accessibility along the symbol and its containing types. Protected and internal are not
    // ordered; Roslyn's enum order (internal above protected) is a close enough answer for a diagnostic.
    private static Accessibility EffectiveAccessibility(ISymbol symbol)
    {
        var access = Accessibility.Public;
        for (var current = symbol; current is INamedTypeSymbol or IPropertySymbol; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility < access)
            {
                access = current.DeclaredAccessibility;
            }
        }

        return access;
    }

    private static string Keywords(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    // Values: [LabelValue] or the snake_case member name. Members sharing a numeric value keep the first
    // (a second switch arm would be unreachable); members sharing an exposed value share its index.
    private LabelSpec ReadEnumLabel(string name, INamedTypeSymbol enumType)
    {
        var typeName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var numericSeen = new HashSet<object>();
        var values = new List<string>();
        var indexByValue = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var cases = new List<EnumCaseSpec>();
        foreach (var member in enumType.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (member is not IFieldSymbol { IsConst: true, HasConstantValue: true, ConstantValue: { } numeric } field
                || !numericSeen.Add(numeric))
            {
                continue;
            }

            var exposed = LabelValueOf(field) ?? NameRules.ToSnakeCase(field.Name);
            if (!indexByValue.TryGetValue(exposed, out var index))
            {
                index = values.Count;
                indexByValue.Add(exposed, index);
                values.Add(exposed);
            }

            cases.Add(new EnumCaseSpec(typeName + "." + Escape(field.Name), index));
        }

        return new LabelSpec(
            name,
            LabelKind.Enum,
            typeName,
            new EquatableArray<string>(values.ToArray()),
            new EquatableArray<EnumCaseSpec>(cases.ToArray()),
            0);
    }

    private string? LabelValueOf(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            if (Is(attribute.AttributeClass, _known.LabelValue) && Positional(attribute, 0) is { } argument && AsString(argument) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}

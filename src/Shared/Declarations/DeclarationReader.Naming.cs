using System;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

// Name (MG0001), help (MG0005) and unit (MG1001–MG1003).
internal sealed partial class DeclarationReader
{
    private string? ReadName(AttributeData attribute)
    {
        if (Positional(attribute, 0) is not { } argument || AsString(argument) is not { } name)
        {
            // Missing or erroneous argument: the compiler reports it.
            _fatal = true;
            return null;
        }

        if (!NameRules.IsValidMetricName(name))
        {
            // Colons are valid in the exposition but reserved for recording rules: say so rather than "invalid".
            var colonOnly = name.IndexOf(':') >= 0 && NameRules.IsValidMetricName(name.Replace(':', '_'));
            Fatal(colonOnly ? DiagnosticDescriptors.ColonInName : DiagnosticDescriptors.InvalidMetricName, ArgumentLocation(attribute, null), name);
            return null;
        }

        return name;
    }

    private string ReadHelp(AttributeData attribute, string? name)
    {
        if (Named(attribute, "Help") is { } argument && AsString(argument) is { } help && help.Trim().Length > 0)
        {
            return help;
        }

        if (XmlDocHelp.FromLeadingTrivia(_syntax) is { } summary)
        {
            return summary;
        }

        // Not fatal: the metric still works, and the IDE keeps compiling while MG0005 is shown.
        Report(DiagnosticDescriptors.MissingHelp, PropertyLocation, name ?? _syntax.Identifier.ValueText);
        return string.Empty;
    }

    private string? ReadUnit(AttributeData attribute, MetricKind kind, string? name)
    {
        var unit = Named(attribute, "Unit") is { } argument ? AsString(argument) : null;
        if (unit is not null && unit.Length == 0)
        {
            unit = null;
        }

        if (name is null)
        {
            return unit;
        }

        var stem = UnitRules.StemOf(name, kind);
        var lastWord = UnitRules.LastWord(stem);
        if (unit is not null)
        {
            if (UnitRules.BaseUnitFor(unit) is { } baseUnit)
            {
                // One voice: MG1001 alone, naming the base unit and the name that carries it. MG1003 would ask
                // for a "_milliseconds" suffix that MG1001 then rejects.
                Report(DiagnosticDescriptors.NonBaseUnit, ArgumentLocation(attribute, "Unit"), name, unit, baseUnit, WithUnitSuffix(stem, kind, unit, baseUnit));
                return unit;
            }

            if (!stem.EndsWith("_" + unit, StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.NameLacksUnitSuffix, ArgumentLocation(attribute, null), name, unit, WithUnitSuffix(stem, kind, null, unit));
            }
            else
            {
                return unit;
            }
        }

        // promlint looks for a scaled unit in every segment (foo_milliseconds_bucket_size), not only the last.
        var segments = stem.Split('_');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] != unit && UnitRules.BaseUnitForSegment(segments[i]) is { } suggested)
            {
                segments[i] = suggested;
                var renamed = string.Join("_", segments) + (kind == MetricKind.Counter ? "_total" : string.Empty);
                Report(DiagnosticDescriptors.NonBaseUnit, ArgumentLocation(attribute, null), name, stem.Split('_')[i], suggested, renamed);
                return unit;
            }
        }

        if (lastWord is not null && unit is null && UnitRules.IsBaseUnit(lastWord))
        {
            Report(DiagnosticDescriptors.MissingUnit, ArgumentLocation(attribute, null), name, lastWord);
        }
        else if (unit is null && kind is MetricKind.Histogram or MetricKind.Summary && MeasuredQuantity(segments) is { } measured)
        {
            Report(DiagnosticDescriptors.MeasurementWithoutUnit, ArgumentLocation(attribute, null), name, measured.Word, measured.BaseUnit, stem + "_" + measured.BaseUnit);
        }

        return unit;
    }

    /// <summary>
    /// The name that carries <paramref name="unit"/> as its suffix: <paramref name="scaled"/> replaced where the stem
    /// ends in it, appended otherwise, and a counter's <c>_total</c> kept last.
    /// </summary>
    private static string WithUnitSuffix(string stem, MetricKind kind, string? scaled, string unit)
    {
        var bare = scaled is not null && stem.EndsWith("_" + scaled, StringComparison.Ordinal)
            ? stem.Substring(0, stem.Length - scaled.Length - 1)
            : stem;
        if (!bare.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            bare += "_" + unit;
        }

        return kind == MetricKind.Counter ? bare + "_total" : bare;
    }

    // The last word of a distribution's name when it says the distribution measures time or size, with the base
    // unit that measures it (MG1011). Only when no word of the name is already a unit of any kind:
    // "request_latency_ms" is MG1010's.
    private static (string Word, string BaseUnit)? MeasuredQuantity(string[] segments)
    {
        foreach (var segment in segments)
        {
            if (UnitRules.IsBaseUnit(segment) || UnitRules.BaseUnitForSegment(segment) is not null || UnitRules.ExpandAbbreviation(segment) is not null)
            {
                return null;
            }
        }

        // Only the last word: a word after it says what is measured ("basket_size_items" counts items).
        var last = segments[segments.Length - 1];
        return last.ToLowerInvariant() switch
        {
            "duration" or "latency" or "time" or "elapsed" => (last, "seconds"),
            "size" or "length" => (last, "bytes"),
            _ => null,
        };
    }
}

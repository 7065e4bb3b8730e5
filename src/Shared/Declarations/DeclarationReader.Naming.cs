using System;
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
            Fatal(colonOnly ? ProblemIds.ColonInName : ProblemIds.InvalidMetricName, ArgumentLocation(attribute, null), name);
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
        Report(ProblemIds.MissingHelp, PropertyLocation, name ?? _syntax.Identifier.ValueText);
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
                Report(ProblemIds.NonBaseUnit, ArgumentLocation(attribute, "Unit"), name, unit, baseUnit);
            }

            if (!stem.EndsWith("_" + unit, StringComparison.Ordinal))
            {
                var expected = kind == MetricKind.Counter ? "_" + unit + "_total" : "_" + unit;
                Report(ProblemIds.NameWithoutUnitSuffix, ArgumentLocation(attribute, null), name, unit, expected);
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
                Report(ProblemIds.NonBaseUnit, ArgumentLocation(attribute, null), name, segments[i], suggested);
                return unit;
            }
        }

        if (lastWord is not null && unit is null && UnitRules.IsBaseUnit(lastWord))
        {
            Report(ProblemIds.MissingUnit, ArgumentLocation(attribute, null), name, lastWord);
        }

        return unit;
    }
}

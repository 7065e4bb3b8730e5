using System;
using System.Collections.Generic;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// UnitRules knows Prometheus' base units and the common non-base units that should be converted to them
/// (promlint's "use base unit" rule, plus abbreviations), for MG1001–MG1003.
/// </summary>
internal static class UnitRules
{
    /// <summary>Units Prometheus recommends; a name ending in one of them should declare it as its Unit.</summary>
    public static readonly IReadOnlyCollection<string> BaseUnits = new HashSet<string>(StringComparer.Ordinal)
    {
        "seconds", "bytes", "ratio", "celsius", "meters", "volts", "amperes", "joules", "grams", "kelvin",
    };

    // promlint's SI and binary prefixes: a name segment made of one of these and a unit is a scaled unit.
    private static readonly string[] s_prefixes =
    [
        "pico", "nano", "micro", "milli", "centi", "deci", "deca", "hecto", "kilo", "kibi", "mega", "mibi", "mebi",
        "giga", "gibi", "tera", "tebi", "peta", "pebi",
    ];

    // promlint's abbreviations: as a name segment they hide which unit is meant. Abbreviation → base unit.
    private static readonly Dictionary<string, string> s_abbreviations = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds", ["ms"] = "seconds", ["us"] = "seconds", ["ns"] = "seconds", ["sec"] = "seconds",
        ["b"] = "bytes", ["kb"] = "bytes", ["mb"] = "bytes", ["gb"] = "bytes", ["tb"] = "bytes", ["pb"] = "bytes",
        ["m"] = "seconds or meters", ["h"] = "seconds", ["d"] = "seconds",
    };

    // Non-base unit → the base unit to convert to. Abbreviations are listed because "_ms" is as common as "_milliseconds".
    private static readonly Dictionary<string, string> s_nonBase = new(StringComparer.Ordinal)
    {
        ["milliseconds"] = "seconds", ["microseconds"] = "seconds", ["nanoseconds"] = "seconds", ["picoseconds"] = "seconds",
        ["minutes"] = "seconds", ["hours"] = "seconds", ["days"] = "seconds", ["weeks"] = "seconds",
        ["ms"] = "seconds", ["us"] = "seconds", ["ns"] = "seconds", ["sec"] = "seconds", ["secs"] = "seconds", ["mins"] = "seconds",
        ["kilobytes"] = "bytes", ["megabytes"] = "bytes", ["gigabytes"] = "bytes", ["terabytes"] = "bytes", ["petabytes"] = "bytes",
        ["kibibytes"] = "bytes", ["mebibytes"] = "bytes", ["gibibytes"] = "bytes", ["tebibytes"] = "bytes",
        ["bits"] = "bytes", ["kilobits"] = "bytes", ["megabits"] = "bytes", ["gigabits"] = "bytes",
        ["kb"] = "bytes", ["mb"] = "bytes", ["gb"] = "bytes", ["tb"] = "bytes",
        ["percent"] = "ratio", ["percents"] = "ratio", ["percentage"] = "ratio", ["pct"] = "ratio",
        ["fahrenheit"] = "celsius",
        ["kilometers"] = "meters", ["centimeters"] = "meters", ["millimeters"] = "meters", ["micrometers"] = "meters",
        ["nanometers"] = "meters", ["metres"] = "meters", ["miles"] = "meters", ["feet"] = "meters", ["inches"] = "meters",
        ["kilograms"] = "grams", ["milligrams"] = "grams", ["micrograms"] = "grams",
        ["millivolts"] = "volts", ["kilovolts"] = "volts",
        ["milliamperes"] = "amperes", ["milliamps"] = "amperes", ["amps"] = "amperes",
        ["kilojoules"] = "joules", ["millijoules"] = "joules", ["calories"] = "joules", ["kilocalories"] = "joules",
        // The rest of promlint's table.
        ["kelvins"] = "kelvin", ["rankine"] = "celsius", ["yards"] = "meters", ["pounds"] = "grams", ["ounces"] = "grams",
    };

    /// <summary>Returns the base unit to use instead of <paramref name="unit"/>, or null when it is not a known non-base unit.</summary>
    public static string? BaseUnitFor(string unit) => s_nonBase.TryGetValue(unit, out var baseUnit) ? baseUnit : null;

    /// <summary>
    /// Returns the base unit for a name segment that is a non-base unit as promlint sees it: a listed non-base
    /// unit, or an SI/binary prefix before any unit (<c>milliseconds</c>, <c>kibibytes</c>, <c>megavolts</c>).
    /// Null for base units, abbreviations and ordinary words.
    /// </summary>
    public static string? BaseUnitForSegment(string segment)
    {
        if (s_abbreviations.ContainsKey(segment))
        {
            return null;
        }

        if (BaseUnitFor(segment) is { } listed)
        {
            return listed;
        }

        foreach (var prefix in s_prefixes)
        {
            if (segment.Length > prefix.Length && segment.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = segment.Substring(prefix.Length);
                if (IsBaseUnit(rest))
                {
                    return rest;
                }

                if (BaseUnitFor(rest) is { } scaled && !s_abbreviations.ContainsKey(rest))
                {
                    return scaled;
                }
            }
        }

        return null;
    }

    /// <summary>Returns the base unit an abbreviated unit segment (<c>ms</c>, <c>kb</c>, <c>s</c>…) stands for, or null.</summary>
    public static string? ExpandAbbreviation(string segment) => s_abbreviations.TryGetValue(segment, out var unit) ? unit : null;

    /// <summary>True when <paramref name="unit"/> is one of <see cref="BaseUnits"/>.</summary>
    public static bool IsBaseUnit(string unit) => ((HashSet<string>)BaseUnits).Contains(unit);

    /// <summary>The name without a counter's <c>_total</c>: what the unit suffix is checked against.</summary>
    public static string StemOf(string name, MetricKind kind)
        => SampleNames.Family(name, kind);

    /// <summary>The last <c>_</c>-separated word of <paramref name="stem"/>, or null when it has no underscore.</summary>
    public static string? LastWord(string stem)
    {
        var index = stem.LastIndexOf('_');
        return index < 0 || index == stem.Length - 1 ? null : stem.Substring(index + 1);
    }
}

using System.Text;
using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// ImportedNames maps an OpenTelemetry instrument (name, unit, kind) and its tag keys to Prometheus names, by the
/// OpenTelemetry specification's Prometheus compatibility rules: every character outside <c>[a-zA-Z0-9_]</c> becomes
/// <c>_</c> and runs of <c>_</c> collapse to one; the unit, converted from UCUM (<c>s</c> → <c>seconds</c>,
/// <c>By</c> → <c>bytes</c>, <c>{request}</c> dropped, <c>x/y</c> → <c>x_per_y</c>, <c>1</c> → <c>ratio</c> for
/// gauges only), is appended unless the name already ends with it; monotonic counters end with <c>_total</c>.
/// </summary>
/// <remarks>Runs once per instrument and once per new tag key, never per measurement.</remarks>
internal static class ImportedNames
{
    // UCUM units as .NET's and OpenTelemetry's semantic conventions write them, in the words Prometheus uses.
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["TiBy"] = "tibibytes",
        ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["TBy"] = "terabytes",
        ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts", ["g"] = "grams",
        ["Cel"] = "celsius", ["Hz"] = "hertz", ["%"] = "percent",
    };

    // The denominator of "x/y" is singular: By/s → bytes_per_second.
    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    /// <summary>The Prometheus unit word(s) of a UCUM unit, or null when it has none (empty, only an annotation, or <c>1</c> on a non-gauge).</summary>
    public static string? Unit(string? unit, bool gauge)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        // Annotations in braces carry no unit: {request} is a count, "By{packet}" is bytes.
        var text = StripAnnotations(unit).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text == "1")
        {
            return gauge ? "ratio" : null;
        }

        var slash = text.IndexOf('/');
        string? result;
        if (slash >= 0)
        {
            var top = text[..slash].Trim();
            var bottom = text[(slash + 1)..].Trim();
            var topWord = top.Length == 0 || top == "1" ? null : Units.GetValueOrDefault(top, top);
            var bottomWord = bottom.Length == 0 ? null : PerUnits.GetValueOrDefault(bottom, Units.GetValueOrDefault(bottom, bottom));
            result = bottomWord is null ? topWord : (topWord is null ? "per_" + bottomWord : topWord + "_per_" + bottomWord);
        }
        else
        {
            result = Units.GetValueOrDefault(text, text);
        }

        result = result is null ? null : Sanitize(result).Trim('_');
        return string.IsNullOrEmpty(result) ? null : result;
    }

    /// <summary>
    /// The Prometheus metric name of an instrument: sanitized, with the unit suffix (unless already there) and, for a
    /// monotonic counter, <c>_total</c> (an existing <c>_total</c> is moved after the unit).
    /// </summary>
    public static (string Name, string? Unit) Metric(string instrumentName, string? unit, MetricType type)
    {
        var name = Sanitize(instrumentName);
        if (name.Length == 0 || name == "_")
        {
            name = "unnamed";
        }

        if (name[0] is >= '0' and <= '9')
        {
            name = "_" + name;
        }

        var counter = type == MetricType.Counter;
        if (counter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name[..^"_total".Length];
        }

        var word = Unit(unit, type == MetricType.Gauge);
        if (word is not null && !name.EndsWith("_" + word, StringComparison.Ordinal) && name != word)
        {
            name = name + "_" + word;
        }

        // The descriptor's unit is the suffix the name really ends with ("_seconds"), so OpenMetrics' UNIT is valid; a
        // suffix that is no valid unit name ("10s") stays in the name only.
        var declaredUnit = word is not null && name.EndsWith("_" + word, StringComparison.Ordinal) && NameRules.IsValidMetricName(word) ? word : null;
        return (counter ? name + "_total" : name, declaredUnit);
    }

    /// <summary>
    /// The label name of a tag key: sanitized (so it never starts with the reserved <c>__</c>: runs of <c>_</c> collapse),
    /// a leading digit prefixed with <c>_</c>, and a histogram's <c>le</c> tag renamed <c>tag_le</c> so it stays visible.
    /// </summary>
    public static string Label(string key, bool histogram)
    {
        var name = Sanitize(key);
        if (name.Length == 0)
        {
            return "tag_";
        }

        if (name[0] is >= '0' and <= '9')
        {
            name = "_" + name;
        }

        if (histogram && name == "le")
        {
            name = "tag_le";
        }

        return NameRules.IsValidLabelName(name) ? name : "tag_" + name.TrimStart('_');
    }

    /// <summary>Every character outside <c>[a-zA-Z0-9_]</c> becomes <c>_</c>; runs of <c>_</c> become one.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
            if (valid)
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString();
    }

    private static string StripAnnotations(string unit)
    {
        if (unit.IndexOf('{') < 0)
        {
            return unit;
        }

        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

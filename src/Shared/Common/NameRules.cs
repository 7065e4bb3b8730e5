using System.Text;

namespace Metrics.Generators.Shared;

/// <summary>
/// NameRules holds the Prometheus naming rules that the analyzers check at build time and the runtime
/// checks when a descriptor is built by hand. One copy, linked into both.
/// </summary>
internal static class NameRules
{
    /// <summary>The label value that unknown or excess label values fold into.</summary>
    public const string OverflowValue = "__overflow__";

    /// <summary>The default most UTF-16 units kept of a bounded string label value (<c>MaxLength</c>).</summary>
    public const int DefaultLabelValueMaxLength = 256;

    /// <summary>True when <paramref name="name"/> matches <c>[a-zA-Z_][a-zA-Z0-9_]*</c>. Colons are reserved for recording rules.</summary>
    public static bool IsValidMetricName(string? name) => IsIdentifier(name);

    /// <summary>True when <paramref name="name"/> matches <c>[a-zA-Z_][a-zA-Z0-9_]*</c> and does not start with the reserved <c>__</c>.</summary>
    public static bool IsValidLabelName(string? name)
        => IsIdentifier(name) && !name!.StartsWith("__", System.StringComparison.Ordinal);

    /// <summary>Converts an enum member name to a snake_case label value: NotFound → not_found, HTTPError → http_error.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((previousIsLowerOrDigit || endsAcronym) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsIdentifier(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}

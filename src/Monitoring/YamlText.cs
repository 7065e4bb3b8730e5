using System.Globalization;
using System.Text;

namespace Metrics.Generators.Monitoring;

/// <summary>
/// YamlText quotes strings for the rules file. A string of printable characters on one line becomes a
/// single-quoted scalar (only <c>'</c> needs doubling, so PromQL stays readable); anything else — a help text with a
/// line feed, a tab, a control character — becomes a double-quoted scalar with escapes. Either way the YAML parser
/// reads back exactly the original string; no text is ever left as a plain scalar, which YAML could read as a
/// number, a boolean or a mapping (<c>a: b</c>).
/// </summary>
internal static class YamlText
{
    /// <summary>Returns <paramref name="text"/> as a quoted YAML scalar.</summary>
    public static string Quote(string text)
    {
        if (IsPrintableLine(text))
        {
            return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        var builder = new StringBuilder(text.Length + 8).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append(@"\uFFFD"); // A lone surrogate has no UTF-8 form; write what an encoder would.
                    }
                    else if (IsPrintable(c))
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    // YAML 1.2's printable set minus the characters a reader might treat as line breaks (NEL, LS, PS) or strip (BOM).
    private static bool IsPrintable(char c)
        => c is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF' and not '\u2028' and not '\u2029') or (>= '\uE000' and <= '\uFFFD' and not '\uFEFF');

    private static bool IsPrintableLine(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsPrintable(c))
            {
                return false;
            }
        }

        return true;
    }
}

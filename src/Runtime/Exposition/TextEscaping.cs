using System.Text;

namespace Metrics.Generators;

/// <summary>
/// TextEscaping is the one escaping function of the exposition formats. It runs when a series or a family is
/// created (label blocks and HELP lines are rendered once and cached as UTF-8), never during a scrape.
/// </summary>
internal static class TextEscaping
{
    /// <summary>
    /// Appends <paramref name="text"/> to <paramref name="builder"/> with <c>\</c> written as <c>\\</c>, a line
    /// feed as <c>\n</c> and, when <paramref name="escapeQuotes"/> is set, <c>"</c> as <c>\"</c>. Everything else,
    /// non-ASCII included, passes through (it becomes UTF-8 when the text is encoded).
    /// </summary>
    /// <remarks>
    /// Label values always escape quotes. HELP text escapes them only in OpenMetrics: the 0.0.4 parser knows
    /// just <c>\\</c> and <c>\n</c> in HELP and rejects any other escape.
    /// </remarks>
    public static StringBuilder AppendEscaped(StringBuilder builder, string text, bool escapeQuotes)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '"' when escapeQuotes:
                    builder.Append("\\\"");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder;
    }
}

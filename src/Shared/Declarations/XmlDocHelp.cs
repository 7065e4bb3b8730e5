using System;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// XmlDocHelp takes a metric's help text from the <c>///</c> summary above its property. It reads the raw
/// leading trivia, so it works whether the compilation parses documentation comments or treats them as plain
/// comments (<c>DocumentationMode.None</c>, the default without <c>GenerateDocumentationFile</c>).
/// </summary>
internal static class XmlDocHelp
{
    private static readonly Regex s_summary = new("<summary>(.*?)</summary>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    // <see cref="X"/>, <paramref name="x"/>, <see langword="null"/> read as the thing they name.
    private static readonly Regex s_reference = new(
        "<(?:see|seealso|paramref|typeparamref)\\s+(?:cref|langword|name|href)\\s*=\\s*\"(?:[A-Z]:)?([^\"]*)\"\\s*/>",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_blockTag = new("</?(?:para|br|list|item|description)\\b[^>]*>", RegexOptions.CultureInvariant);
    private static readonly Regex s_tag = new("<[^>]*>", RegexOptions.CultureInvariant);
    private static readonly Regex s_whitespace = new("\\s+", RegexOptions.CultureInvariant);

    /// <summary>Returns the summary text of the <c>///</c> comment on <paramref name="node"/>, whitespace collapsed, or null.</summary>
    public static string? FromLeadingTrivia(SyntaxNode node)
    {
        var xml = new StringBuilder();
        foreach (var trivia in node.GetLeadingTrivia())
        {
            foreach (var line in trivia.ToFullString().Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("///", StringComparison.Ordinal))
                {
                    xml.Append(trimmed, 3, trimmed.Length - 3).Append('\n');
                }
            }
        }

        if (xml.Length == 0)
        {
            return null;
        }

        var match = s_summary.Match(xml.ToString());
        if (!match.Success)
        {
            return null;
        }

        var text = s_reference.Replace(match.Groups[1].Value, "$1");
        text = s_blockTag.Replace(text, " ");
        text = s_tag.Replace(text, string.Empty);
        text = text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&apos;", "'").Replace("&amp;", "&");
        text = s_whitespace.Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }
}

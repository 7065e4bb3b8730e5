using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Metrics.Generators.Generator.Helpers;

/// <summary>
/// Literals formats values as C# source. Numbers are formatted with the invariant culture, whatever the
/// culture of the machine running the compiler: on a German build server 0.25 must not become "0,25".
/// </summary>
internal static class Literals
{
    /// <summary>A quoted, escaped C# string literal (quotes, backslashes, control and line-separator characters).</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A quoted literal, or <c>null</c>.</summary>
    public static string StringOrNull(string? value) => value is null ? "null" : String(value);

    /// <summary>
    /// A double literal that parses back to exactly <paramref name="value"/>: the shortest round-trippable form
    /// ("R", checked, else "G17"), with a <c>d</c> suffix when it would otherwise read as an integer.
    /// </summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // "R" is not always round-trippable on .NET Framework (the compiler may run there): verify.
        if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        return text.IndexOf('.') < 0 && text.IndexOf('E') < 0 ? text + "d" : text;
    }

    /// <summary>An int literal, invariant.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for an XML doc comment: markup characters escaped, line breaks and runs of whitespace made single spaces.</summary>
    public static string XmlText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}

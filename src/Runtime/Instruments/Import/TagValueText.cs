using System.Globalization;

namespace Metrics.Generators;

/// <summary>
/// TagValueText is how a tag value (an <see cref="object"/>) becomes label text: null is empty, strings are
/// themselves, booleans <c>true</c>/<c>false</c>, numbers and other <see cref="ISpanFormattable"/> values are
/// formatted with the invariant culture, anything else by <see cref="object.ToString"/>.
/// </summary>
/// <remarks>
/// The lookup of a known tag set compares this text with the stored one, so a tag set is one series however its
/// values are typed (<c>200</c> and <c>"200"</c> write alike, so they must be one series). <see cref="Chars"/>
/// formats into the caller's stack buffer: no allocation for strings, booleans and numbers.
/// </remarks>
internal static class TagValueText
{
    /// <summary>Buffer size that holds any number's text; longer formattable values fall back to a string.</summary>
    public const int StackChars = 128;

    /// <summary>The text of <paramref name="value"/>, formatted into <paramref name="scratch"/> when it is not a string.</summary>
    public static ReadOnlySpan<char> Chars(object? value, Span<char> scratch)
    {
        switch (value)
        {
            case null:
                return default;
            case string text:
                return text;
            case bool flag:
                return flag ? "true" : "false";
            case ISpanFormattable formattable when formattable.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture):
                return scratch[..written];
            default:
                return String(value);
        }
    }

    /// <summary>The text of <paramref name="value"/> as a string (for storing, on the path that creates a series).</summary>
    public static string String(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

using System.Buffers;
using System.Text;

namespace Metrics.Generators;

/// <summary>
/// TextEscaping is the escaping of the exposition formats: <c>\</c>, <c>\n</c> and, in label values, <c>\"</c>.
/// HELP lines are escaped once when a family is created; label values when a series is written out.
/// </summary>
internal static class TextEscaping
{
    private const int ShortValue = 48;

    private static readonly SearchValues<char> LabelValueSpecials = SearchValues.Create("\\\"\n");

    /// <summary>
    /// Writes <paramref name="value"/> as an escaped label value in UTF-8 to <paramref name="destination"/>, which
    /// must hold <see cref="MaxEscapedLabelValueLength"/> bytes; returns the bytes written.
    /// </summary>
    /// <remarks>
    /// A value with nothing to escape (nearly all) is one vectorised search and one UTF-8 transcoding. An unpaired
    /// surrogate becomes U+FFFD, as <see cref="Encoding.UTF8"/> encodes it.
    /// </remarks>
    public static int WriteEscapedLabelValue(ReadOnlySpan<char> value, Span<byte> destination)
    {
        // Short ASCII values with nothing to escape (routes, tenants, codes) are copied byte by byte: cheaper than
        // the setup of the vectorised search and transcoding below, and a scrape writes one per series.
        if (value.Length <= ShortValue && destination.Length >= value.Length)
        {
            var i = 0;
            for (; i < value.Length; i++)
            {
                var c = value[i];
                if (c >= 0x80 || c == '\\' || c == '"' || c == '\n')
                {
                    break;
                }

                destination[i] = (byte)c;
            }

            if (i == value.Length)
            {
                return i;
            }
        }

        var written = 0;
        while (true)
        {
            var special = value.IndexOfAny(LabelValueSpecials);
            var plain = special < 0 ? value : value[..special];

            // Nearly every value is ASCII: narrowing it is cheaper than the general UTF-8 encoder's setup.
            written += Ascii.FromUtf16(plain, destination[written..], out var narrowed) == OperationStatus.Done
                ? narrowed
                : Encoding.UTF8.GetBytes(plain, destination[written..]);
            if (special < 0)
            {
                return written;
            }

            destination[written++] = (byte)'\\';
            destination[written++] = value[special] == '\n' ? (byte)'n' : (byte)value[special];
            value = value[(special + 1)..];
        }
    }

    /// <summary>
    /// The most bytes <see cref="WriteEscapedLabelValue"/> writes for a value of <paramref name="length"/> UTF-16
    /// units: three per unit (a BMP character in UTF-8, an escape takes two, a surrogate pair four for two units).
    /// </summary>
    public static int MaxEscapedLabelValueLength(int length) => checked(length * 3);

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

using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Metrics.Generators;

/// <summary>
/// NumberFormatting writes numbers the way the exposition formats want them: sample values straight into
/// UTF-8 (invariant, round-trippable, no allocation), and <c>le</c>/<c>quantile</c> label values in the canonical
/// form strict OpenMetrics parsers expect (<c>0.005</c>, <c>1.0</c>, <c>1e+06</c>, <c>+Inf</c>).
/// </summary>
internal static class NumberFormatting
{
    /// <summary>The most bytes <see cref="WriteValue"/> or <see cref="WriteInteger"/> can write.</summary>
    public const int MaxValueLength = 32;

    // Doubles below 2^53 in magnitude are exact integers when they have no fraction: print them as integers.
    private const double MaxExactInteger = 9007199254740992d;

    /// <summary>
    /// Writes a sample value and returns the bytes written. Fast paths for 0, 1, integers, NaN and ±Inf; any
    /// other value is the shortest string that parses back to the same double ("R"), e.g. <c>0.25</c>, <c>1E-05</c>.
    /// </summary>
    public static int WriteValue(double value, Span<byte> destination)
    {
        if (value == 0)
        {
            destination[0] = (byte)'0'; // -0 too: the sign of zero means nothing to a scraper.
            return 1;
        }

        if (value == 1)
        {
            destination[0] = (byte)'1';
            return 1;
        }

        if (double.IsNaN(value))
        {
            "NaN"u8.CopyTo(destination);
            return 3;
        }

        if (double.IsInfinity(value))
        {
            (value > 0 ? "+Inf"u8 : "-Inf"u8).CopyTo(destination);
            return 4;
        }

        if (Math.Abs(value) < MaxExactInteger && value == Math.Floor(value))
        {
            return WriteInteger((long)value, destination);
        }

        if (!value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit in " + MaxValueLength + " bytes.");
        }

        return written;
    }

    /// <summary>Writes an integer (counts, bucket counts) and returns the bytes written.</summary>
    public static int WriteInteger(long value, Span<byte> destination)
    {
        if (!Utf8Formatter.TryFormat(value, destination, out var written))
        {
            throw new InvalidOperationException("A long did not fit in " + MaxValueLength + " bytes.");
        }

        return written;
    }

    /// <summary>
    /// Formats a bound or quantile as a label value, the way Go's <c>strconv.FormatFloat(v, 'g', -1, 64)</c>
    /// picks the notation (exponent below 1e-4 and from 1e6 up) and prometheus_client's <c>floatToGoString</c>
    /// keeps a <c>.0</c> on integers: <c>0.005</c>, <c>0.5</c>, <c>1.0</c>, <c>2.5</c>, <c>100000.0</c>,
    /// <c>1e+06</c>, <c>1e-05</c>, <c>+Inf</c>. Python's strict OpenMetrics parser insists on the canonical
    /// <c>+Inf</c>; the other forms are what its own client writes, so every parser reads them back exactly.
    /// Runs once per bound when a descriptor is built.
    /// </summary>
    public static string FormatLabelNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return "0.0";
        }

        // Decompose the shortest round-trip form into significant digits and a decimal exponent.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var digits = new StringBuilder();
        var pointPosition = -1;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                pointPosition = digits.Length;
            }
            else if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
        }

        if (pointPosition < 0)
        {
            pointPosition = digits.Length;
        }

        // Strip leading zeros (0.005 → digits "5", point moves left) and trailing zeros.
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        var significant = digits.ToString(leading, digits.Length - leading).TrimEnd('0');
        if (significant.Length == 0)
        {
            significant = "0";
        }

        // value = 0.<significant> × 10^decimalPoint
        var decimalPoint = pointPosition - leading + exponent;
        var scientificExponent = decimalPoint - 1;
        var sign = negative ? "-" : string.Empty;
        if (scientificExponent < -4 || scientificExponent >= 6)
        {
            var fraction = significant.Length > 1 ? "." + significant[1..] : string.Empty;
            var exponentSign = scientificExponent < 0 ? "-" : "+";
            var exponentDigits = Math.Abs(scientificExponent).ToString("00", CultureInfo.InvariantCulture);
            return sign + significant[0] + fraction + "e" + exponentSign + exponentDigits;
        }

        if (decimalPoint <= 0)
        {
            return sign + "0." + new string('0', -decimalPoint) + significant;
        }

        if (decimalPoint >= significant.Length)
        {
            return sign + significant + new string('0', decimalPoint - significant.Length) + ".0";
        }

        return sign + significant[..decimalPoint] + "." + significant[decimalPoint..];
    }
}

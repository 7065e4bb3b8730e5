namespace Metrics.Generators;

/// <summary>
/// ExpositionFormats picks the exposition format for an HTTP <c>Accept</c> header and names its content type.
/// Both members are thread-safe and allocation-free.
/// </summary>
public static class ExpositionFormats
{
    private const string PrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";
    private const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>
    /// Negotiate returns <see cref="ExpositionFormat.OpenMetrics"/> when <paramref name="accept"/> asks for
    /// <c>application/openmetrics-text</c> (version 1.0.0, 0.0.1 or none) with a quality at least as high as any
    /// range that <c>text/plain</c> matches; otherwise, including for a missing or malformed header, text 0.0.4.
    /// </summary>
    /// <param name="accept">The request's <c>Accept</c> header value, or null.</param>
    /// <returns>The format to answer with.</returns>
    public static ExpositionFormat Negotiate(string? accept)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return ExpositionFormat.PrometheusText;
        }

        var openMetricsQuality = 0.0;
        var textQuality = 0.0;
        var rest = accept.AsSpan();
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var range = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? default : rest[(comma + 1)..];
            ReadMediaRange(range.Trim(), out var mediaType, out var quality, out var version);
            if (quality <= 0)
            {
                continue;
            }

            if (mediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
            {
                if (version.IsEmpty || version.SequenceEqual("1.0.0") || version.SequenceEqual("0.0.1"))
                {
                    openMetricsQuality = Math.Max(openMetricsQuality, quality);
                }
            }
            else if (mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
                     || mediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)
                     || mediaType.SequenceEqual("*/*"))
            {
                textQuality = Math.Max(textQuality, quality);
            }
        }

        return openMetricsQuality > 0 && openMetricsQuality >= textQuality
            ? ExpositionFormat.OpenMetrics
            : ExpositionFormat.PrometheusText;
    }

    /// <summary>ContentType returns the HTTP <c>Content-Type</c> value for <paramref name="format"/>.</summary>
    /// <param name="format">The format written.</param>
    /// <returns>The content type, with version and charset.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="format"/> is not a defined value.</exception>
    public static string ContentType(ExpositionFormat format) => format switch
    {
        ExpositionFormat.PrometheusText => PrometheusTextContentType,
        ExpositionFormat.OpenMetrics => OpenMetricsContentType,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown exposition format."),
    };

    // "type/subtype; q=0.5; version=1.0.0" → media type, quality (1 when absent, 0 when unreadable), version.
    private static void ReadMediaRange(ReadOnlySpan<char> range, out ReadOnlySpan<char> mediaType, out double quality, out ReadOnlySpan<char> version)
    {
        quality = 1;
        version = default;
        var semicolon = range.IndexOf(';');
        mediaType = (semicolon < 0 ? range : range[..semicolon]).Trim();
        var parameters = semicolon < 0 ? default : range[(semicolon + 1)..];
        while (!parameters.IsEmpty)
        {
            var next = parameters.IndexOf(';');
            var parameter = (next < 0 ? parameters : parameters[..next]).Trim();
            parameters = next < 0 ? default : parameters[(next + 1)..];
            var equals = parameter.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var key = parameter[..equals].Trim();
            var value = parameter[(equals + 1)..].Trim().Trim('"');
            if (key.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                quality = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : 0;
            }
            else if (key.Equals("version", StringComparison.OrdinalIgnoreCase))
            {
                version = value;
            }
        }
    }
}

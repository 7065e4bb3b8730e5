using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricsResponse answers a scrape: the format from the <c>Accept</c> header (text 0.0.4 unless OpenMetrics is
/// asked for), gzip when <c>Accept-Encoding</c> allows it (Prometheus always asks), never cached.
/// </summary>
public static class MetricsResponse
{
    /// <summary>Writes <paramref name="registry"/> as the response to <paramref name="context"/>.</summary>
    /// <param name="context">The scrape request.</param>
    /// <param name="registry">The registry to expose.</param>
    /// <returns>A task that completes when the response body is written.</returns>
    public static async Task WriteAsync(HttpContext context, MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(registry);
        var request = context.Request;
        var response = context.Response;
        var format = ExpositionFormats.Negotiate(request.Headers.Accept.ToString());
        response.ContentType = ExpositionFormats.ContentType(format);
        response.Headers.CacheControl = "no-store";
        response.Headers.Vary = "Accept, Accept-Encoding";
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        if (AcceptsGzip(request.Headers.AcceptEncoding))
        {
            response.Headers.ContentEncoding = "gzip";
            var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
            {
                await registry.WriteAsync(gzip, format, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        // Uncompressed, the exposition is rendered straight into the response pipe: no intermediate buffer.
        registry.Write(response.BodyWriter, format);
        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Whether an <c>Accept-Encoding</c> header admits gzip (explicitly or via <c>*</c>) with a non-zero quality.</summary>
    /// <param name="acceptEncoding">The header values.</param>
    /// <returns>True to compress.</returns>
    internal static bool AcceptsGzip(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return false;
        }

        double? gzip = null;
        double? any = null;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip ?? 0, quality);
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = Math.Max(any ?? 0, quality);
            }
        }

        return (gzip ?? any ?? 0) > 0;
    }
}

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
    /// <summary>
    /// Writes <paramref name="registry"/> as the response to <paramref name="context"/>, with no cap on concurrent
    /// scrapes: <c>MapPrometheusMetrics()</c> and <see cref="MetricServer"/> add one (<see cref="MetricsOptions.MaxConcurrentScrapes"/>).
    /// </summary>
    /// <param name="context">The scrape request.</param>
    /// <param name="registry">The registry to expose.</param>
    /// <returns>A task that completes when the response body is written.</returns>
    public static Task WriteAsync(HttpContext context, MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(registry);
        return WriteAsync(context, registry, gate: null);
    }

    /// <summary>Writes the response unless <paramref name="gate"/> has no slot left, in which case it answers 503.</summary>
    /// <param name="context">The scrape request.</param>
    /// <param name="registry">The registry to expose.</param>
    /// <param name="gate">The endpoint's cap on concurrent scrapes; null for none.</param>
    /// <returns>A task that completes when the response body is written.</returns>
    internal static async Task WriteAsync(HttpContext context, MetricRegistry registry, ScrapeGate? gate)
    {
        var request = context.Request;
        if (HttpMethods.IsHead(request.Method) || gate is null)
        {
            await WriteExpositionAsync(context, registry).ConfigureAwait(false);
            return;
        }

        if (!gate.TryEnter())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            context.Response.Headers.CacheControl = "no-store";
            return;
        }

        try
        {
            await WriteExpositionAsync(context, registry).ConfigureAwait(false);
        }
        finally
        {
            gate.Exit();
        }
    }

    private static async Task WriteExpositionAsync(HttpContext context, MetricRegistry registry)
    {
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

        // Uncompressed, the exposition is rendered straight into the response pipe: no intermediate buffer. The flush
        // completes once the client has read all but the server's response buffer, so the gate's slot is held that long.
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

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpMetricsMiddleware records rate, errors and duration of every request into <see cref="HttpServerMetrics"/>.
/// <c>AddPrometheusMetrics()</c> puts it first in the pipeline, so it sees exceptions no other middleware handled and times
/// the whole request; the route is picked up when routing runs (see <see cref="RequestMeasurement"/>).
/// </summary>
/// <remarks>
/// An exception that escapes the pipeline counts as status 500 and is rethrown unchanged. The in-progress gauge is
/// decremented in a <c>finally</c>, so it returns to zero whatever happens.
/// </remarks>
public sealed class HttpMetricsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly HttpServerMetrics _metrics;
    private readonly bool _measureMetricsEndpoint;

    /// <summary>Creates the middleware.</summary>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="metrics">Where requests are recorded.</param>
    /// <param name="options">Whether scrapes of <c>MapPrometheusMetrics()</c> are measured too.</param>
    public HttpMetricsMiddleware(RequestDelegate next, HttpServerMetrics metrics, HttpServerMetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _metrics = metrics;
        _measureMetricsEndpoint = options.MeasureMetricsEndpoint;
    }

    /// <summary>Runs the rest of the pipeline and records the request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes with the request.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        var features = context.Features;
        var measurement = new RequestMeasurement(_metrics, features.Get<IEndpointFeature>(), context.Request.Method, _measureMetricsEndpoint);
        features.Set<IEndpointFeature>(measurement);
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await _next(context).ConfigureAwait(false);
            statusCode = context.Response.StatusCode;
        }
        finally
        {
            measurement.Complete(statusCode);
            if (measurement.Inner is { } inner)
            {
                features.Set(inner);
            }
        }
    }
}

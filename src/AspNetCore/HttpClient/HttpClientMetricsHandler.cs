using System.Diagnostics;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpClientMetricsHandler measures every request sent through it into <see cref="HttpClientMetrics"/>. Add it
/// with <c>AddPrometheusHttpClientMetrics()</c> on an <c>IHttpClientFactory</c> client, or wrap any handler by hand.
/// </summary>
/// <remarks>
/// The duration ends when the response headers arrive (when <c>SendAsync</c> returns), so it does not depend on how
/// the caller reads the body. A request that throws — connection refused, timeout, cancellation — counts with
/// <c>status_class="error"</c> and the exception propagates unchanged.
/// </remarks>
public sealed class HttpClientMetricsHandler : DelegatingHandler
{
    private readonly HttpClientMetrics _metrics;
    private readonly string _clientName;

    /// <summary>Creates a handler labelling its requests with <paramref name="clientName"/>.</summary>
    /// <param name="metrics">Where requests are recorded.</param>
    /// <param name="clientName">The <c>client</c> label: the factory's client name (empty becomes <c>default</c>).</param>
    public HttpClientMetricsHandler(HttpClientMetrics metrics, string? clientName)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
        _clientName = string.IsNullOrEmpty(clientName) ? "default" : clientName;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.IdnHost : string.Empty;
        var inFlight = _metrics.InFlightOf(_clientName, host);
        inFlight.Inc();
        var start = Stopwatch.GetTimestamp();
        int? statusCode = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            return response;
        }
        finally
        {
            inFlight.Dec();
            _metrics.RecordRequest(_clientName, host, request.Method.Method, statusCode, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }
}

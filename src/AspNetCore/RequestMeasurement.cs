using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// RequestMeasurement follows one request for <see cref="HttpMetricsMiddleware"/>. It stands in for the request's
/// <see cref="IEndpointFeature"/>, so it sees the moment routing selects an endpoint even though the middleware
/// runs before routing: that is when the route template becomes known and the in-progress gauge goes up.
/// </summary>
/// <remarks>
/// The first endpoint selected is the one the request is labelled with: when an exception handler or status-code
/// page re-executes the pipeline and routing selects its endpoint, the request still counts against the route
/// it was sent to. Every read and write is passed on to the feature it replaced (the server's own, when it has
/// one), so routing and everything after it behave exactly as without metrics.
/// </remarks>
internal sealed class RequestMeasurement : IEndpointFeature
{
    private readonly HttpServerMetrics _metrics;
    private readonly IEndpointFeature? _inner;
    private readonly string _method;
    private readonly bool _measureMetricsEndpoint;
    private readonly long _startTimestamp;
    private Endpoint? _ownEndpoint;
    private string? _route;
    private HttpServerMetrics.HttpRequestsInProgress.Series? _inProgress;
    private bool _excluded;

    public RequestMeasurement(HttpServerMetrics metrics, IEndpointFeature? inner, string method, bool measureMetricsEndpoint)
    {
        _metrics = metrics;
        _inner = inner;
        _method = method;
        _measureMetricsEndpoint = measureMetricsEndpoint;
        _startTimestamp = Stopwatch.GetTimestamp();
        if (inner?.Endpoint is { } alreadySelected)
        {
            OnEndpointSelected(alreadySelected);
        }
    }

    /// <summary>The feature this one replaced, restored when the request ends.</summary>
    public IEndpointFeature? Inner => _inner;

    public Endpoint? Endpoint
    {
        get => _inner is null ? _ownEndpoint : _inner.Endpoint;
        set
        {
            if (_inner is null)
            {
                _ownEndpoint = value;
            }
            else
            {
                _inner.Endpoint = value;
            }

            if (value is not null && _route is null && !_excluded)
            {
                OnEndpointSelected(value);
            }
        }
    }

    /// <summary>Counts the request, observes its duration and brings the in-progress gauge back down.</summary>
    /// <param name="statusCode">The status the client got (500 when the pipeline threw).</param>
    public void Complete(int statusCode)
    {
        if (_excluded)
        {
            return;
        }

        _inProgress?.Dec();
        var seconds = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
        _metrics.RecordRequest(_method, _route ?? HttpServerMetrics.UnmatchedRoute, statusCode, seconds);
    }

    private void OnEndpointSelected(Endpoint endpoint)
    {
        if (!_measureMetricsEndpoint && RouteTemplates.IsMetricsEndpoint(endpoint))
        {
            _excluded = true;
            return;
        }

        _route = RouteTemplates.Of(endpoint);
        var inProgress = _metrics.InProgressOf(_method, _route);

        // Decremented by Complete, which the middleware calls from its finally block.
#pragma warning disable MG4004
        inProgress.Inc();
#pragma warning restore MG4004
        _inProgress = inProgress;
    }
}

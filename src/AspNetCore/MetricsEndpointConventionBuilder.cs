using Microsoft.AspNetCore.Builder;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricsEndpointConventionBuilder is what <c>MapPrometheusMetrics()</c> returns: the endpoint's convention builder
/// (so <c>RequireAuthorization()</c> and every other convention applies) plus <see cref="RequireLocalPort"/>, which
/// only a metrics endpoint can enforce.
/// </summary>
public sealed class MetricsEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder _inner;

    internal MetricsEndpointConventionBuilder(IEndpointConventionBuilder inner) => _inner = inner;

    /// <inheritdoc/>
    public void Add(Action<EndpointBuilder> convention) => _inner.Add(convention);

    /// <inheritdoc/>
    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner.Finally(finallyConvention);

    /// <summary>
    /// RequireLocalPort serves the metrics only to connections accepted on one of <paramref name="ports"/> (the
    /// server's side of the connection, <c>HttpContext.Connection.LocalPort</c>); a request that arrived on any other
    /// listener gets 404 and no metrics. Unlike <c>RequireHost("*:9100")</c>, which matches the <c>Host</c> header the
    /// client chose, this cannot be spoofed. Listen on the port too (e.g. <c>ASPNETCORE_URLS</c> or
    /// <c>builder.WebHost.UseUrls(...)</c>), and keep that port off the public network.
    /// </summary>
    /// <param name="ports">The local ports the metrics are served on.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">When no port is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a port is not 1–65535.</exception>
    public MetricsEndpointConventionBuilder RequireLocalPort(params int[] ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        if (ports.Length == 0)
        {
            throw new ArgumentException("RequireLocalPort needs at least one port.", nameof(ports));
        }

        foreach (var port in ports)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(port, 1, nameof(ports));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, System.Net.IPEndPoint.MaxPort, nameof(ports));
        }

        var metadata = new LocalPortMetadata([.. ports]);
        _inner.Add(endpoint => endpoint.Metadata.Add(metadata));
        return this;
    }
}

/// <summary>
/// The ports <see cref="MetricsEndpointConventionBuilder.RequireLocalPort"/> allows. Internal on purpose: the metrics
/// endpoint's handler enforces it, so no other endpoint can carry it and silently ignore it.
/// </summary>
internal sealed class LocalPortMetadata(int[] ports)
{
    public bool Allows(int localPort) => Array.IndexOf(ports, localPort) >= 0;
}

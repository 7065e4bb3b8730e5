namespace Metrics.Generators.AspNetCore;

/// <summary>MetricServerOptions configures a <see cref="MetricServer"/>.</summary>
public sealed class MetricServerOptions
{
    /// <summary>
    /// The address to listen on: an IP address, <c>localhost</c>, or <c>*</c>/<c>0.0.0.0</c> for every interface.
    /// Default <c>127.0.0.1</c>: metrics are not published beyond the machine unless you ask.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (read it back from <see cref="MetricServer.Urls"/>). Default 9100.</summary>
    public int Port { get; set; } = 9100;

    /// <summary>The path the metrics are served at. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = MetricsEndpointRouteBuilderExtensions.DefaultPattern;

    /// <summary>The registry to serve. Default <see cref="MetricRegistry.Default"/>.</summary>
    public MetricRegistry Registry { get; set; } = MetricRegistry.Default;
}

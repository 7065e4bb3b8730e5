using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

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

    /// <summary>
    /// The scrapes that may render at the same time; more are answered 503 with <c>Retry-After: 1</c>. Default
    /// <see cref="MetricsOptions.DefaultMaxConcurrentScrapes"/>; at least 1. See <see cref="MetricsOptions.MaxConcurrentScrapes"/>.
    /// </summary>
    public int MaxConcurrentScrapes { get; set; } = MetricsOptions.DefaultMaxConcurrentScrapes;

    /// <summary>
    /// When set, a scrape must send <c>Authorization: Bearer &lt;token&gt;</c> (Prometheus: <c>authorization: { credentials: … }</c>
    /// or <c>bearer_token_file</c>). A missing or wrong token gets 401 with <c>WWW-Authenticate</c>. Compared in
    /// constant time. With <see cref="BasicUserName"/> also set, either credential is accepted.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// With <see cref="BasicPassword"/>, a scrape must send HTTP basic credentials (Prometheus: <c>basic_auth</c>).
    /// A missing or wrong pair gets 401 with <c>WWW-Authenticate: Basic</c>. Compared in constant time; must not contain ':'.
    /// </summary>
    public string? BasicUserName { get; set; }

    /// <summary>The password that goes with <see cref="BasicUserName"/>.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>
    /// A last check on each request, after the credentials above (e.g. the client's address or certificate); false
    /// answers 403 Forbidden. Runs on every request, so keep it cheap.
    /// </summary>
    public Func<HttpContext, bool>? Authorize { get; set; }

    /// <summary>
    /// Configures the Kestrel listener, e.g. <c>listen =&gt; listen.UseHttps(certificate)</c> for TLS (the URLs then
    /// start with <c>https://</c>).
    /// </summary>
    public Action<ListenOptions>? ConfigureListener { get; set; }
}

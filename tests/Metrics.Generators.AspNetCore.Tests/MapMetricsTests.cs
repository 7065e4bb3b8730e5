using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Metrics.Generators.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore.Tests;

public sealed class MapMetricsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serves_text_0_0_4_by_default()
    {
        await using var app = await TestApp.StartAsync(a => a.MapPrometheusMetrics());
        app.Registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("jobs_total", MetricType.Counter, "Jobs.", null, []))).GetOrAdd(0).Inc();

        using var response = await app.Client.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("jobs_total 1\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serves_OpenMetrics_when_Prometheus_asks_for_it()
    {
        await using var app = await TestApp.StartAsync(a => a.MapPrometheusMetrics());
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");

        // The Accept header Prometheus 2.42 sends.
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        using var response = await app.Client.SendAsync(request, Ct);

        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("# EOF\n", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzips_when_asked_and_only_then()
    {
        await using var app = await TestApp.StartAsync(a => { a.MapGet("/", () => "ok"); a.MapPrometheusMetrics(); });
        await app.Client.GetStringAsync("/", Ct);
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await app.Client.SendAsync(request, Ct);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var text = await reader.ReadToEndAsync(Ct);
        Assert.Contains("http_requests_total{method=\"GET\",route=\"/\",status=\"200\"} 1", text, StringComparison.Ordinal);

        using var plain = await app.Client.GetAsync("/metrics", Ct);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("GZIP;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("*;q=0", false)]
    [InlineData("br", false)]
    [InlineData("identity", false)]
    [InlineData("", false)]
    public void Accept_encoding_is_read_with_qualities(string header, bool gzip)
        => Assert.Equal(gzip, MetricsResponse.AcceptsGzip(header));

    [Fact]
    public async Task Head_answers_headers_without_a_body()
    {
        await using var app = await TestApp.StartAsync(a => a.MapPrometheusMetrics());

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/metrics"), Ct);
        using var openMetrics = new HttpRequestMessage(HttpMethod.Head, "/metrics");
        openMetrics.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
        using var negotiated = await app.Client.SendAsync(openMetrics, Ct);

        // The headers a GET would get (a scraper probing with HEAD learns the format), and no body.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(["Accept", "Accept-Encoding"], response.Headers.Vary);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", negotiated.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Custom_path_and_explicit_registry()
    {
        var other = new MetricRegistry();
        other.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("queue_depth", MetricType.Gauge, "Depth.", null, []))).GetOrAdd(0).Set(7);
        await using var app = await TestApp.StartAsync(a => a.MapPrometheusMetrics("/internal/prometheus", other));

        var text = await app.Client.GetStringAsync("/internal/prometheus", Ct);

        Assert.Contains("queue_depth 7\n", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/metrics", Ct)).StatusCode);
    }

    [Fact]
    public async Task Composes_with_RequireAuthorization()
    {
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.UseAuthentication();
                a.UseAuthorization();
                a.MapPrometheusMetrics().RequireAuthorization();
            },
            build: b =>
            {
                b.Services.AddAuthentication(TokenHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TokenHandler>(TokenHandler.SchemeName, null);
                b.Services.AddAuthorization();
            });

        using var anonymous = await app.Client.GetAsync("/metrics", Ct);
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue(TokenHandler.SchemeName, "scraper");
        using var authorized = await app.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    /// <summary>Accepts <c>Authorization: Token scraper</c>; the smallest scheme that makes authorization real.</summary>
    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Token";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers.Authorization.ToString() != "Token scraper")
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "scraper")], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}

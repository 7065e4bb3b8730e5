using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Metrics.Generators.AspNetCore.Tests;

/// <summary>
/// Who can read the metrics, on real Kestrel listeners on loopback: the management port of a web app
/// (<c>RequireLocalPort</c>), and credentials, a request predicate and TLS on <see cref="MetricServer"/>.
/// </summary>
public sealed class MetricsBoundaryTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequireLocalPort_serves_the_metrics_port_only_even_to_a_spoofed_Host_header()
    {
        var (appPort, metricsPort) = (FreePort(), FreePort());
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("jobs_total", MetricType.Counter, "Jobs.", null, []))).GetOrAdd(0).Inc();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{appPort}", $"http://127.0.0.1:{metricsPort}");
        builder.Services.AddPrometheusMetrics(options => options.Registry = registry);
        await using var app = builder.Build();
        app.MapGet("/", () => "app");
        app.MapPrometheusMetrics().RequireLocalPort(metricsPort);
        await app.StartAsync(Ct);
        using var client = new HttpClient();

        // The RequireHost("*:9100") recipe let this through: the Host header is the client's to choose.
        var spoofed = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{appPort}/metrics");
        spoofed.Headers.Host = $"x:{metricsPort}";
        using var onAppPort = await client.SendAsync(spoofed, Ct);
        using var onMetricsPort = await client.GetAsync($"http://127.0.0.1:{metricsPort}/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, onAppPort.StatusCode);
        Assert.DoesNotContain("jobs_total", await onAppPort.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, onMetricsPort.StatusCode);
        Assert.Contains("jobs_total 1\n", await onMetricsPort.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("app", await client.GetStringAsync($"http://127.0.0.1:{appPort}/", Ct));
    }

    [Fact]
    public void RequireLocalPort_refuses_no_ports_and_impossible_ones()
    {
        var endpoints = WebApplication.CreateBuilder().Build();
        var metrics = endpoints.MapPrometheusMetrics();

        Assert.Throws<ArgumentException>(() => metrics.RequireLocalPort());
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.RequireLocalPort(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.RequireLocalPort(65536));
    }

    [Fact]
    public async Task Bearer_token_is_required_and_checked()
    {
        await using var server = await StartAsync(o => o.BearerToken = "s3cret-token");
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(server.Urls)) };

        using var none = await client.GetAsync("/metrics", Ct);
        using var wrong = await SendAsync(client, new AuthenticationHeaderValue("Bearer", "s3cret-tokem"));
        using var basic = await SendAsync(client, Basic("s3cret-token", ""));
        using var right = await SendAsync(client, new AuthenticationHeaderValue("Bearer", "s3cret-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", Assert.Single(none.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("jobs_total 1\n", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_credentials_are_required_and_checked()
    {
        await using var server = await StartAsync(o => { o.BasicUserName = "prometheus"; o.BasicPassword = "pässword"; });
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(server.Urls)) };

        using var none = await client.GetAsync("/metrics", Ct);
        using var wrongPassword = await SendAsync(client, Basic("prometheus", "password"));
        using var wrongUser = await SendAsync(client, Basic("grafana", "pässword"));
        using var notBase64 = await SendAsync(client, new AuthenticationHeaderValue("Basic", "%%%"));
        using var right = await SendAsync(client, Basic("prometheus", "pässword"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        var challenge = Assert.Single(none.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongUser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notBase64.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Either_credential_is_accepted_when_both_are_configured_and_both_are_offered()
    {
        await using var server = await StartAsync(o => { o.BearerToken = "token"; o.BasicUserName = "u"; o.BasicPassword = "p"; });
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(server.Urls)) };

        using var none = await client.GetAsync("/metrics", Ct);

        Assert.Equal(["Bearer", "Basic"], none.Headers.WwwAuthenticate.Select(c => c.Scheme));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, new AuthenticationHeaderValue("Bearer", "token"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, Basic("u", "p"))).StatusCode);
    }

    [Fact]
    public async Task Predicate_that_denies_answers_403_after_valid_credentials()
    {
        await using var server = await StartAsync(o =>
        {
            o.BearerToken = "token";
            o.Authorize = context => context.Request.Headers["X-Scraper"] == "prometheus";
        });
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(server.Urls)) };

        using var denied = await SendAsync(client, new AuthenticationHeaderValue("Bearer", "token"));
        using var anonymous = await client.GetAsync("/metrics", Ct);
        var allowedRequest = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        allowedRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token");
        allowedRequest.Headers.Add("X-Scraper", "prometheus");
        using var allowed = await client.SendAsync(allowedRequest, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Serves_over_TLS_with_the_certificate_given_to_the_listener()
    {
        using var certificate = SelfSigned();
        await using var server = await StartAsync(o => o.ConfigureListener = listen => listen.UseHttps(certificate));
        var url = Assert.Single(server.Urls);
        Assert.StartsWith("https://127.0.0.1:", url, StringComparison.Ordinal);
        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            // Pin the test's certificate: trust exactly it, nothing from the system store.
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                presented = cert is null ? null : X509CertificateLoader.LoadCertificate(cert.RawData);
                return cert?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };

        var text = await client.GetStringAsync("/metrics", Ct);

        Assert.Contains("jobs_total 1\n", text, StringComparison.Ordinal);
        Assert.Equal(certificate.Thumbprint, presented?.Thumbprint);
        presented?.Dispose();
    }

    [Fact]
    public async Task Malformed_credentials_options_fail_the_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(o => { o.BasicUserName = "a:b"; o.BasicPassword = "p"; }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => StartAsync(o => o.BasicUserName = "a"));
        await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(o => o.BearerToken = ""));
    }

    private static async Task<MetricServer> StartAsync(Action<MetricServerOptions> configure)
    {
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("jobs_total", MetricType.Counter, "Jobs.", null, []))).GetOrAdd(0).Inc();
        var options = new MetricServerOptions { Port = 0, Registry = registry };
        configure(options);
        return await MetricServer.StartAsync(options, Ct);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AuthenticationHeaderValue authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = authorization;
        return client.SendAsync(request, Ct);
    }

    private static AuthenticationHeaderValue Basic(string user, string password)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Through PKCS#12 so the private key is one SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}

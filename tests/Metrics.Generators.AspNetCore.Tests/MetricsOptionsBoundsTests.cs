using System.Buffers;
using System.Text;
using Metrics.Generators.AspNetCore;

namespace Metrics.Generators.AspNetCore.Tests;

/// <summary>
/// The label bounds of the options reach every metric that carries the label: they are run-time overrides of the
/// declared <c>MaxValues</c>, so nothing at compile time would notice one being dropped.
/// </summary>
public sealed class MetricsOptionsBoundsTests
{
    [Fact]
    public void MaxRoutes_and_MaxStatusCodes_bound_every_server_metric()
    {
        var registry = new MetricRegistry();
        var http = new HttpServerMetrics(registry, new HttpServerMetricsOptions { MaxRoutes = 1, MaxStatusCodes = 1 });

        http.InProgressOf("GET", "/a").Inc();
        http.InProgressOf("GET", "/b").Inc();
        http.RecordRequest("GET", "/a", 200, 0.1);
        http.RecordRequest("GET", "/b", 500, 0.1);

        var text = Text(registry);
        Assert.Contains("http_requests_total{method=\"GET\",route=\"__overflow__\",status=\"__overflow__\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_count{method=\"GET\",route=\"__overflow__\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_in_progress{method=\"GET\",route=\"__overflow__\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("route=\"/b\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxClients_bounds_every_client_metric()
    {
        var registry = new MetricRegistry();
        var client = new HttpClientMetrics(registry, new HttpClientMetricsOptions { MaxClients = 1 });

        client.InFlightOf("a", "h").Inc();
        client.InFlightOf("b", "h").Inc();
        client.RecordRequest("a", "h", "GET", 200, 0.1);
        client.RecordRequest("b", "h", "GET", 200, 0.1);

        var text = Text(registry);
        Assert.Contains("http_client_requests_total{client=\"__overflow__\",host=\"h\",method=\"GET\",status_class=\"2xx\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_client_request_duration_seconds_count{client=\"__overflow__\",host=\"h\",method=\"GET\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_client_requests_in_flight{client=\"__overflow__\",host=\"h\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_bounds_throw_naming_the_metric_and_register_nothing()
    {
        var registry = new MetricRegistry();

        var thrown = Assert.ThrowsAny<ArgumentException>(() => new HttpServerMetrics(registry, new HttpServerMetricsOptions { MaxStatusCodes = 0 }));
        Assert.Contains("http_requests_total", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(registry.Families);
        Assert.ThrowsAny<ArgumentException>(() => new HttpClientMetrics(registry, new HttpClientMetricsOptions { DurationBuckets = [2, 1] }));
        Assert.Empty(registry.Families);
    }

    private static string Text(MetricRegistry registry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.Write(buffer, ExpositionFormat.PrometheusText);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

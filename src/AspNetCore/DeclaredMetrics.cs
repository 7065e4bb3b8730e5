// The metrics this integration registers by hand (HttpServerMetrics, HttpClientMetrics), listed for the duplicate-name
// analyzer (MG0003) of projects that reference it and for the registry's start-up message when a name clashes.
// Keep this list in step with the descriptors those classes build.
using Metrics.Generators;
using Metrics.Generators.AspNetCore;

[assembly: DeclaresMetric("http_requests_total", MetricType.Counter, typeof(HttpServerMetrics))]
[assembly: DeclaresMetric("http_request_duration_seconds", MetricType.Histogram, typeof(HttpServerMetrics))]
[assembly: DeclaresMetric("http_requests_in_progress", MetricType.Gauge, typeof(HttpServerMetrics))]
[assembly: DeclaresMetric("http_client_requests_total", MetricType.Counter, typeof(HttpClientMetrics))]
[assembly: DeclaresMetric("http_client_request_duration_seconds", MetricType.Histogram, typeof(HttpClientMetrics))]
[assembly: DeclaresMetric("http_client_requests_in_flight", MetricType.Gauge, typeof(HttpClientMetrics))]

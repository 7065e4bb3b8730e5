using Metrics.Generators;
using Metrics.Generators.AspNetCore;
using Metrics.Generators.Data;
using Metrics.Generators.Generated;
using Metrics.Generators.Monitoring;
using OrderSystem.Services;

namespace OrderSystem;

/// <summary>
/// Monitoring derives the order system's Prometheus rules and Grafana dashboard from its declarations: the
/// business metrics the generator catalogued, plus the RED, HttpClient and database metrics of the integrations
/// with the options the services use. <c>--write-monitoring DIR</c> writes them; the copies in
/// <c>samples/OrderSystem/monitoring/</c> are kept current by a test.
/// </summary>
internal static class OrderSystemMonitoring
{
    public static MonitoringOptions Options { get; } = new() { Title = "Order system", GroupName = "order-system" };

    public static IReadOnlyList<MetricDescriptor> Descriptors()
    {
        // The integrations' descriptors come from instances on a scratch registry, built with the services' options.
        var scratch = new MetricRegistry();
        var http = new HttpServerMetrics(scratch, new HttpServerMetricsOptions { DurationSlo = ServiceApp.LatencySloSeconds });
        var client = new HttpClientMetrics(scratch);
        var database = new DatabaseMetrics(scratch);
        return
        [
            .. MetricCatalog.Descriptors,
            .. http.Descriptors,
            .. client.Descriptors,
            // Operation duration, errors and open connections; the open duration has no rule or panel of its own.
            .. database.Descriptors.Take(3),
        ];
    }

    public static string Rules() => MonitoringArtifacts.PrometheusRules(Descriptors(), Options);

    public static string Dashboard() => MonitoringArtifacts.GrafanaDashboard(Descriptors(), Options);

    public static void Write(string directory) => MonitoringArtifacts.WriteFiles(directory, Descriptors(), Options);
}

namespace Metrics.Generators.Tests.Import;

/// <summary>OpenTelemetry instrument names and units → Prometheus names, by the specification's compatibility rules.</summary>
public sealed class ImportedNamesTests
{
    public static TheoryData<string, string?, MetricType, string, string?> Names => new()
    {
        // name, unit, type → Prometheus name, descriptor unit
        { "http.server.request.duration", "s", MetricType.Histogram, "http_server_request_duration_seconds", "seconds" },
        { "http.server.active_requests", "{request}", MetricType.Gauge, "http_server_active_requests", null },
        { "dotnet.gc.collections", "{collection}", MetricType.Counter, "dotnet_gc_collections_total", null },
        { "dotnet.gc.heap.total_allocated", "By", MetricType.Counter, "dotnet_gc_heap_total_allocated_bytes_total", "bytes" },
        { "dotnet.process.memory.working_set", "By", MetricType.Gauge, "dotnet_process_memory_working_set_bytes", "bytes" },
        { "db.client.connection.create_time", "ms", MetricType.Histogram, "db_client_connection_create_time_milliseconds", "milliseconds" },
        { "cpu.utilization", "1", MetricType.Gauge, "cpu_utilization_ratio", "ratio" },
        { "errors", "1", MetricType.Counter, "errors_total", null },
        { "network.io", "By/s", MetricType.Gauge, "network_io_bytes_per_second", "bytes_per_second" },
        { "packets", "{packet}/s", MetricType.Gauge, "packets_per_second", "per_second" },
        { "request.latency_seconds", "s", MetricType.Histogram, "request_latency_seconds", "seconds" },
        { "jobs_total", "", MetricType.Counter, "jobs_total", null },
        { "queue-length", null, MetricType.Gauge, "queue_length", null },
        { "a..b--c", "By{io}", MetricType.Gauge, "a_b_c_bytes", "bytes" },
        { "9lives", null, MetricType.Gauge, "_9lives", null },
        { "temperature", "Cel", MetricType.Gauge, "temperature_celsius", "celsius" },
        { "custom", "widgets", MetricType.Gauge, "custom_widgets", "widgets" },
        { "odd", "10s", MetricType.Gauge, "odd_10s", null },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Instrument_name_and_unit_map_to_the_prometheus_name(string name, string? unit, MetricType type, string expected, string? expectedUnit)
    {
        var (metric, declaredUnit) = ImportedNames.Metric(name, unit, type);

        Assert.Equal(expected, metric);
        Assert.Equal(expectedUnit, declaredUnit);

        // Every mapped name is one our descriptors accept (the unit suffix included).
        _ = new MetricDescriptor(metric, type, "h", declaredUnit, []);
    }

    [Theory]
    [InlineData("http.request.method", false, "http_request_method")]
    [InlineData("url.scheme", false, "url_scheme")]
    [InlineData("__reserved", false, "_reserved")]
    [InlineData("le", true, "tag_le")]
    [InlineData("le", false, "le")]
    [InlineData("1st", false, "_1st")]
    public void Tag_keys_map_to_valid_label_names(string key, bool histogram, string expected)
        => Assert.Equal(expected, ImportedNames.Label(key, histogram));
}

// The metrics this integration registers by hand (DatabaseMetrics), listed for the duplicate-name analyzer (MG0003)
// of projects that reference it and for the registry's start-up message when a name clashes.
// Keep this list in step with the descriptors DatabaseMetrics builds.
using Metrics.Generators;
using Metrics.Generators.Data;

[assembly: DeclaresMetric("db_client_operation_duration_seconds", MetricType.Histogram, typeof(DatabaseMetrics))]
[assembly: DeclaresMetric("db_client_errors_total", MetricType.Counter, typeof(DatabaseMetrics))]
[assembly: DeclaresMetric("db_client_connections_open", MetricType.Gauge, typeof(DatabaseMetrics))]
[assembly: DeclaresMetric("db_client_connection_open_duration_seconds", MetricType.Histogram, typeof(DatabaseMetrics))]

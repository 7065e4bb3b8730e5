namespace Metrics.Generators.Data;

/// <summary>
/// DatabaseMetricsOptions are the choices a <see cref="DatabaseMetrics"/> is built with: histogram buckets and how
/// many distinct <c>db</c> label values are kept. Read once, by the constructor.
/// </summary>
public sealed class DatabaseMetricsOptions
{
    /// <summary>
    /// OpenTelemetry's advice for <c>db.client.operation.duration</c>, in seconds: 1 ms … 10 s. Finer at the low end
    /// than prometheus_client's defaults, because most statements take a few milliseconds.
    /// </summary>
    public static IReadOnlyList<double> DefaultDurationBuckets { get; } = Array.AsReadOnly([0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10]);

    /// <summary>Bucket bounds of <c>db_client_operation_duration_seconds</c>; null for <see cref="DefaultDurationBuckets"/>.</summary>
    public IReadOnlyList<double>? OperationDurationBuckets { get; init; }

    /// <summary>Bucket bounds of <c>db_client_connection_open_duration_seconds</c>; null for <see cref="DefaultDurationBuckets"/>.</summary>
    public IReadOnlyList<double>? ConnectionOpenDurationBuckets { get; init; }

    /// <summary>
    /// How many distinct <c>db</c> names get their own series (default 16); connections wrapped with further names
    /// are counted under <c>db="__overflow__"</c>. The names are the ones you pass, so this only matters if they
    /// are built from data.
    /// </summary>
    public int MaxDatabases { get; init; } = 16;
}

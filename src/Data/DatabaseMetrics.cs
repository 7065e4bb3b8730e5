namespace Metrics.Generators.Data;

/// <summary>
/// DatabaseMetrics owns the metric families that instrumented ADO.NET connections record into. Create one per
/// registry (usually at start-up, kept for the process's life) and wrap connections with it:
/// <c>connection.WithPrometheusMetrics(metrics, "orders")</c>.
/// </summary>
/// <remarks>
/// <para>Families (labels in series-index order):</para>
/// <list type="bullet">
/// <item><c>db_client_operation_duration_seconds{db,operation}</c>, histogram: every command execution, failed ones
/// included, from the call until the provider returns; for a reader, until the reader is returned (reading rows is
/// not included).</item>
/// <item><c>db_client_errors_total{db,operation}</c>, counter: executions that threw, cancellations included. The
/// histogram's <c>_count</c> counts every execution, so the error ratio is
/// <c>rate(db_client_errors_total[5m]) / rate(db_client_operation_duration_seconds_count[5m])</c>; the error
/// series of an operation is created, at 0, with its first duration series.</item>
/// <item><c>db_client_connections_open{db}</c>, gauge: connections opened through a wrapper and not yet closed,
/// disposed or finalized.</item>
/// <item><c>db_client_connection_open_duration_seconds{db}</c>, histogram: every <c>Open</c>/<c>OpenAsync</c>
/// through a wrapper, failed attempts included (a pool hit is fast, a new physical connection is not).</item>
/// </list>
/// <para><c>db</c> is the name you give when wrapping, never the connection string; at most
/// <see cref="DatabaseMetricsOptions.MaxDatabases"/> distinct names are kept. <c>operation</c> is a
/// <see cref="DatabaseOperation"/> as <see cref="SqlOperationClassifier"/> reads it.</para>
/// <para>Cost: a name is resolved to its series once per wrapped connection (one lock-free lookup); recording a
/// command is a classification of its first keyword, an array read and the histogram observation, with no
/// allocation. Thread-safe.</para>
/// </remarks>
public sealed class DatabaseMetrics
{
    private readonly BoundedStringLabel _db;
    private readonly FixedLabel _operation;
    private readonly DatabaseSeries?[] _databases;

    /// <summary>Creates the four families and registers them in <paramref name="registry"/>.</summary>
    /// <param name="registry">Where the families are exposed, e.g. <see cref="MetricRegistry.Default"/>.</param>
    /// <param name="options">Buckets and the <c>db</c> bound; null for the defaults.</param>
    /// <exception cref="ArgumentException">When a bucket list is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <see cref="DatabaseMetricsOptions.MaxDatabases"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">When <paramref name="registry"/> already exposes one of the names
    /// (a second <see cref="DatabaseMetrics"/> on the same registry); nothing is registered then.</exception>
    public DatabaseMetrics(MetricRegistry registry, DatabaseMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new DatabaseMetricsOptions();
        _db = new BoundedStringLabel("db", options.MaxDatabases);
        _databases = new DatabaseSeries?[_db.Cardinality];
        _operation = new FixedLabel("operation", SqlOperationClassifier.OperationLabelValues);

        OperationDuration = new MetricFamily<HistogramCell>(
            new MetricDescriptor(
                "db_client_operation_duration_seconds",
                MetricType.Histogram,
                "Duration of database commands run through an instrumented connection, failed ones included; for readers, until the reader is returned.",
                "seconds",
                ["db", "operation"],
                buckets: Buckets(options.OperationDurationBuckets)),
            _db,
            _operation);
        Errors = new MetricFamily<CounterCell>(
            new MetricDescriptor("db_client_errors_total", MetricType.Counter, "Database commands that threw, cancellations included.", null, ["db", "operation"]),
            _db,
            _operation);
        ConnectionsOpen = new MetricFamily<GaugeCell>(
            new MetricDescriptor("db_client_connections_open", MetricType.Gauge, "Connections opened through an instrumented connection and not yet closed or disposed.", null, ["db"]),
            _db);
        ConnectionOpenDuration = new MetricFamily<HistogramCell>(
            new MetricDescriptor(
                "db_client_connection_open_duration_seconds",
                MetricType.Histogram,
                "Time to open a connection through an instrumented connection, failed attempts included.",
                "seconds",
                ["db"],
                buckets: Buckets(options.ConnectionOpenDurationBuckets)),
            _db);

        RegisterAll(registry, [OperationDuration, Errors, ConnectionsOpen, ConnectionOpenDuration]);
    }

    /// <summary><c>db_client_operation_duration_seconds{db,operation}</c>.</summary>
    public MetricFamily<HistogramCell> OperationDuration { get; }

    /// <summary><c>db_client_errors_total{db,operation}</c>.</summary>
    public MetricFamily<CounterCell> Errors { get; }

    /// <summary><c>db_client_connections_open{db}</c>.</summary>
    public MetricFamily<GaugeCell> ConnectionsOpen { get; }

    /// <summary><c>db_client_connection_open_duration_seconds{db}</c>.</summary>
    public MetricFamily<HistogramCell> ConnectionOpenDuration { get; }

    /// <summary>
    /// Returns the series of <paramref name="database"/>, created (with its gauge and open-duration series) on first
    /// use and then shared by every connection wrapped with that name.
    /// </summary>
    internal DatabaseSeries ForDatabase(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        var index = _db.IndexOf(database);
        var series = Volatile.Read(ref _databases[index]);
        if (series is null)
        {
            // Racing creators build equal objects over the same cells; the first one published wins.
            series = new DatabaseSeries(this, index);
            series = Interlocked.CompareExchange(ref _databases[index], series, null) ?? series;
        }

        return series;
    }

    /// <summary>
    /// The series index of (<paramref name="databaseIndex"/>, <paramref name="operation"/>), db the more significant
    /// digit. The operation digit is the enum's value: the label's values are listed in enum order, so it equals
    /// <c>_operation.IndexOf(LabelValue(operation))</c> without the string lookup.
    /// </summary>
    internal long OperationSeriesIndex(int databaseIndex, DatabaseOperation operation)
        => ((long)databaseIndex * _operation.Cardinality) + (int)operation;

    private static double[] Buckets(IReadOnlyList<double>? buckets)
        => (buckets ?? DatabaseMetricsOptions.DefaultDurationBuckets).ToArray();

    private static void RegisterAll(MetricRegistry registry, MetricFamily[] families)
    {
        var registered = 0;
        try
        {
            for (; registered < families.Length; registered++)
            {
                registry.Register(families[registered]);
            }
        }
        catch
        {
            // All or nothing: a half-registered set would block a corrected retry with duplicate-name errors.
            for (var i = 0; i < registered; i++)
            {
                registry.Unregister(families[i]);
            }

            throw;
        }
    }
}

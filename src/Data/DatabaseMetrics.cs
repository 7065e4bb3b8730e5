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
public sealed partial class DatabaseMetrics
{
    // Which DatabaseSeries a name shares: the same bound as the metrics' db labels.
    private readonly BoundedStringLabel _db;
    private readonly DatabaseSeries?[] _databases;

    /// <summary>Creates the four metrics and registers them in <paramref name="registry"/>.</summary>
    /// <param name="registry">Where the metrics are exposed, e.g. <see cref="MetricRegistry.Default"/>.</param>
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
        var operations = new MetricOverrides { Buckets = options.OperationDurationBuckets, MaxValues = { ["db"] = options.MaxDatabases } };
        var databases = new MetricOverrides { MaxValues = { ["db"] = options.MaxDatabases } };
        var opens = new MetricOverrides { Buckets = options.ConnectionOpenDurationBuckets, MaxValues = { ["db"] = options.MaxDatabases } };

        // Checked before anything registers, so bad options leave the registry as it was.
        Descriptors =
        [
            operations.DescriptorFor(DbClientOperationDurationSeconds.Descriptor),
            databases.DescriptorFor(DbClientErrorsTotal.Descriptor),
            databases.DescriptorFor(DbClientConnectionsOpen.Descriptor),
            opens.DescriptorFor(DbClientConnectionOpenDurationSeconds.Descriptor),
        ];

        var before = registry.Families.ToHashSet();
        try
        {
            OperationDuration = new DbClientOperationDurationSeconds(registry, operations);
            Errors = new DbClientErrorsTotal(registry, databases);
            ConnectionsOpen = new DbClientConnectionsOpen(registry, databases);
            ConnectionOpenDuration = new DbClientConnectionOpenDurationSeconds(registry, opens);
        }
        catch (InvalidOperationException)
        {
            // All or nothing: a half-registered set would block a corrected retry with duplicate-name errors.
            foreach (var family in registry.Families)
            {
                if (!before.Contains(family) && family.Descriptor.DeclaringType == typeof(DatabaseMetrics))
                {
                    registry.Unregister(family);
                }
            }

            throw;
        }
    }

    /// <summary>The four descriptors (operation duration, errors, connections open, open duration), e.g. for <c>MonitoringArtifacts</c>.</summary>
    public IReadOnlyList<MetricDescriptor> Descriptors { get; }

    internal DbClientOperationDurationSeconds OperationDuration { get; }

    internal DbClientErrorsTotal Errors { get; }

    internal DbClientConnectionsOpen ConnectionsOpen { get; }

    internal DbClientConnectionOpenDurationSeconds ConnectionOpenDuration { get; }

    // The declarations. The generator implements each static property with an instance in MetricRegistry.Default;
    // nothing reads them (and the project sets MetricsGeneratorsRegisterDefaults=false, so no module initializer
    // does): the constructor creates the metric types per registry, with the options as MetricOverrides.
    /// <summary>Duration of database commands.</summary>
    [Histogram(
        "db_client_operation_duration_seconds",
        Help = "Duration of database commands run through an instrumented connection, failed ones included; for readers, until the reader is returned.",
        Unit = "seconds",
        Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10])]
    [Label<string>("db", MaxValues = 16)]
    [Label<DatabaseOperation>("operation")]
    internal static partial DbClientOperationDurationSeconds OperationDurationDeclaration { get; }

    /// <summary>Database commands that threw.</summary>
    [Counter("db_client_errors_total", Help = "Database commands that threw, cancellations included.")]
    [Label<string>("db", MaxValues = 16)]
    [Label<DatabaseOperation>("operation")]
    internal static partial DbClientErrorsTotal ErrorsDeclaration { get; }

    /// <summary>Open instrumented connections.</summary>
    [Gauge("db_client_connections_open", Help = "Connections opened through an instrumented connection and not yet closed or disposed.")]
    [Label<string>("db", MaxValues = 16)]
    internal static partial DbClientConnectionsOpen ConnectionsOpenDeclaration { get; }

    /// <summary>Time to open a connection.</summary>
    [Histogram(
        "db_client_connection_open_duration_seconds",
        Help = "Time to open a connection through an instrumented connection, failed attempts included.",
        Unit = "seconds",
        Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10])]
    [Label<string>("db", MaxValues = 16)]
    internal static partial DbClientConnectionOpenDurationSeconds ConnectionOpenDurationDeclaration { get; }

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
            // Racing creators build equal objects over the same series; the first one published wins. The series are
            // bound with the value _db kept: past the bound that is __overflow__ itself, which every metric's db label
            // maps to its overflow series without taking a slot, so all four agree on which names have their own.
            series = new DatabaseSeries(this, _db.ValueAt(index));
            series = Interlocked.CompareExchange(ref _databases[index], series, null) ?? series;
        }

        return series;
    }
}

namespace Metrics.Generators.Data;

/// <summary>
/// DatabaseSeries is one <c>db</c> label value's series: its open-connections gauge, its open-duration histogram and,
/// per operation, the duration histogram and error counter. Every connection and command wrapped with that name
/// shares it, so resolving labels happens once per name, not per call.
/// </summary>
/// <remarks>
/// The per-operation pair is bound on an operation's first command (both series at once, so the error series
/// exists, at 0, as soon as the operation has been timed) and then read from an array. Thread-safe.
/// </remarks>
internal sealed class DatabaseSeries
{
    private readonly DatabaseMetrics _metrics;
    private readonly string _database;
    private readonly OperationSeries?[] _operations = new OperationSeries?[SqlOperationClassifier.OperationLabelValues.Length];

    public DatabaseSeries(DatabaseMetrics metrics, string database)
    {
        _metrics = metrics;
        _database = database;
        ConnectionsOpen = metrics.ConnectionsOpen.Bind(database);
        ConnectionOpenDuration = metrics.ConnectionOpenDuration.Bind(database);
    }

    public DatabaseMetrics.DbClientConnectionsOpen.Series ConnectionsOpen { get; }

    public DatabaseMetrics.DbClientConnectionOpenDurationSeconds.Series ConnectionOpenDuration { get; }

    /// <summary>The series of <paramref name="operation"/>; one array read once bound.</summary>
    public OperationSeries For(DatabaseOperation operation)
        => Volatile.Read(ref _operations[(int)operation]) ?? Create(operation);

    private OperationSeries Create(DatabaseOperation operation)
    {
        // Bind returns the same series to racing creators, so whichever pair is published is equivalent.
        var created = new OperationSeries(_metrics.OperationDuration.Bind(_database, operation), _metrics.Errors.Bind(_database, operation));
        Volatile.Write(ref _operations[(int)operation], created);
        return created;
    }
}

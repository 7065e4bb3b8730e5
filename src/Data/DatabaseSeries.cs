namespace Metrics.Generators.Data;

/// <summary>
/// DatabaseSeries is one <c>db</c> label value's cells: its open-connections gauge, its open-duration histogram and,
/// per operation, the duration histogram and error counter. Every connection and command wrapped with that name
/// shares it, so resolving labels happens once per name, not per call.
/// </summary>
/// <remarks>
/// The per-operation pair is created on an operation's first command (both cells at once, so the error series
/// exists, at 0, as soon as the operation has been timed) and then read from an array. Thread-safe.
/// </remarks>
internal sealed class DatabaseSeries
{
    private readonly DatabaseMetrics _metrics;
    private readonly int _databaseIndex;
    private readonly OperationSeries?[] _operations = new OperationSeries?[SqlOperationClassifier.OperationLabelValues.Length];

    public DatabaseSeries(DatabaseMetrics metrics, int databaseIndex)
    {
        _metrics = metrics;
        _databaseIndex = databaseIndex;
        ConnectionsOpen = metrics.ConnectionsOpen.GetOrAdd(databaseIndex);
        ConnectionOpenDuration = metrics.ConnectionOpenDuration.GetOrAdd(databaseIndex);
    }

    public GaugeCell ConnectionsOpen { get; }

    public HistogramCell ConnectionOpenDuration { get; }

    /// <summary>The cells of <paramref name="operation"/>; one array read once created.</summary>
    public OperationSeries For(DatabaseOperation operation)
        => Volatile.Read(ref _operations[(int)operation]) ?? Create(operation);

    private OperationSeries Create(DatabaseOperation operation)
    {
        // GetOrAdd returns the same cells to racing creators, so whichever pair is published is equivalent.
        var index = _metrics.OperationSeriesIndex(_databaseIndex, operation);
        var created = new OperationSeries(_metrics.OperationDuration.GetOrAdd(index), _metrics.Errors.GetOrAdd(index));
        Volatile.Write(ref _operations[(int)operation], created);
        return created;
    }
}

namespace Metrics.Generators.Data;

/// <summary>OperationSeries is the (db, operation) pair of series a command execution records into.</summary>
internal sealed class OperationSeries(DatabaseMetrics.DbClientOperationDurationSeconds.Series duration, DatabaseMetrics.DbClientErrorsTotal.Series errors)
{
    public DatabaseMetrics.DbClientOperationDurationSeconds.Series Duration { get; } = duration;

    /// <summary>
    /// Adds 1 to the error counter and returns false, for use as an exception filter: the exception is never
    /// caught, so it reaches the caller as the provider threw it (same object, same stack trace).
    /// </summary>
    public bool CountError()
    {
        errors.Inc();
        return false;
    }
}

using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Metrics.Generators.Data;

/// <summary>
/// InstrumentedDbCommand wraps a provider's <see cref="DbCommand"/> and times every execution into
/// <c>db_client_operation_duration_seconds{db,operation}</c>, counting executions that throw in
/// <c>db_client_errors_total{db,operation}</c>. Parameters, text, timeout and the rest are the inner command's.
/// </summary>
/// <remarks>
/// <para>Timed: <see cref="ExecuteNonQuery"/>, <see cref="ExecuteScalar"/>, <c>ExecuteReader</c> (all overloads)
/// and their <c>…Async</c> versions. Each execution is classified afresh from <see cref="CommandType"/> and
/// <see cref="CommandText"/> (<see cref="SqlOperationClassifier"/>), so a command reused with new text is right.
/// A reader's duration ends when the provider returns the reader: the first result is ready, rows read later are
/// not included (the reader is the provider's own, not wrapped). A failed execution is timed as well and its
/// exception reaches the caller untouched: the counter is bumped by an exception filter, so the exception is never
/// caught and rethrown.</para>
/// <para>Assigning <see cref="DbCommand.Connection"/> an <see cref="InstrumentedDbConnection"/> or <see cref="DbCommand.Transaction"/>
/// an <see cref="InstrumentedDbTransaction"/> hands the inner object to the inner command, so the provider sees
/// only its own types. A command keeps recording under the <c>db</c> of the instrumented connection (or factory) it
/// came from, and switches to another instrumented connection's when assigned one.</para>
/// <para>Recording allocates nothing beyond what the provider does (the async methods' own state machine aside).
/// Like any <see cref="DbCommand"/>, not thread-safe.</para>
/// </remarks>
public sealed class InstrumentedDbCommand : DbCommand
{
    private readonly DbCommand _inner;
    private DatabaseSeries _series;
    private InstrumentedDbConnection? _connection;
    private InstrumentedDbTransaction? _transaction;
    private bool _innerDisposed;

    /// <summary>
    /// Wraps <paramref name="inner"/>, a command you created from the provider directly; its executions carry
    /// <c>db="<paramref name="database"/>"</c>. Commands from <see cref="DbConnection.CreateCommand"/> of an <see cref="InstrumentedDbConnection"/>
    /// are already wrapped.
    /// </summary>
    /// <param name="inner">The provider's command. The wrapper owns it from now on.</param>
    /// <param name="metrics">The families to record into.</param>
    /// <param name="database">The <c>db</c> label value.</param>
    /// <exception cref="ArgumentException">When <paramref name="database"/> is empty.</exception>
    public InstrumentedDbCommand(DbCommand inner, DatabaseMetrics metrics, string database)
        : this(inner, (metrics ?? throw new ArgumentNullException(nameof(metrics))).ForDatabase(database))
    {
    }

    internal InstrumentedDbCommand(DbCommand inner, DatabaseSeries series)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _series = series;
    }

    internal InstrumentedDbCommand(DbCommand inner, InstrumentedDbConnection connection)
        : this(inner, connection.Series)
    {
        _connection = connection;
    }

    /// <summary>The provider's command this wrapper passes calls to.</summary>
    public DbCommand InnerCommand => _inner;

    /// <inheritdoc/>
    [AllowNull]
    public override string CommandText
    {
        get => _inner.CommandText;
        set => _inner.CommandText = value;
    }

    /// <inheritdoc/>
    public override int CommandTimeout
    {
        get => _inner.CommandTimeout;
        set => _inner.CommandTimeout = value;
    }

    /// <inheritdoc/>
    public override CommandType CommandType
    {
        get => _inner.CommandType;
        set => _inner.CommandType = value;
    }

    /// <inheritdoc/>
    public override bool DesignTimeVisible
    {
        get => _inner.DesignTimeVisible;
        set => _inner.DesignTimeVisible = value;
    }

    /// <inheritdoc/>
    public override UpdateRowSource UpdatedRowSource
    {
        get => _inner.UpdatedRowSource;
        set => _inner.UpdatedRowSource = value;
    }

    /// <summary>
    /// The connection: the <see cref="InstrumentedDbConnection"/> this command belongs to, or, if the inner command
    /// was pointed elsewhere, the inner command's. Setting an instrumented connection gives the inner command its
    /// inner connection.
    /// </summary>
    protected override DbConnection? DbConnection
    {
        get
        {
            var inner = _inner.Connection;
            return _connection is not null && ReferenceEquals(_connection.InnerConnection, inner) ? _connection : inner;
        }

        set
        {
            if (value is InstrumentedDbConnection instrumented)
            {
                _inner.Connection = instrumented.InnerConnection;
                _connection = instrumented;
                _series = instrumented.Series;
            }
            else
            {
                _inner.Connection = value;
                _connection = null;
            }
        }
    }

    /// <inheritdoc/>
    protected override DbParameterCollection DbParameterCollection => _inner.Parameters;

    /// <summary>
    /// The transaction: the <see cref="InstrumentedDbTransaction"/> wrapping the inner command's transaction when
    /// there is one (also when the provider enlisted the command itself), else the inner command's. Setting an
    /// instrumented transaction gives the inner command its inner transaction.
    /// </summary>
    protected override DbTransaction? DbTransaction
    {
        get
        {
            var inner = _inner.Transaction;
            if (inner is null)
            {
                return null;
            }

            if (_transaction is not null && ReferenceEquals(_transaction.InnerTransaction, inner))
            {
                return _transaction;
            }

            return _connection?.LastTransaction is { } last && ReferenceEquals(last.InnerTransaction, inner) ? last : inner;
        }

        set
        {
            _transaction = value as InstrumentedDbTransaction;
            _inner.Transaction = _transaction is not null ? _transaction.InnerTransaction : value;
        }
    }

    /// <inheritdoc/>
    public override void Cancel() => _inner.Cancel();

    /// <inheritdoc/>
    public override void Prepare() => _inner.Prepare();

    /// <inheritdoc/>
    public override Task PrepareAsync(CancellationToken cancellationToken = default) => _inner.PrepareAsync(cancellationToken);

    /// <summary>Runs the inner command's <see cref="DbCommand.ExecuteNonQuery"/>, timed and with errors counted.</summary>
    /// <returns>The rows affected, as the provider reports them.</returns>
    public override int ExecuteNonQuery()
    {
        var series = CurrentOperation();
        using (series.Duration.Time())
        {
            try
            {
                return _inner.ExecuteNonQuery();
            }
            catch (Exception) when (series.CountError())
            {
                throw; // Never reached: CountError returns false.
            }
        }
    }

    /// <summary>Runs the inner command's <see cref="DbCommand.ExecuteScalar"/>, timed and with errors counted.</summary>
    /// <returns>The first column of the first row, or null.</returns>
    public override object? ExecuteScalar()
    {
        var series = CurrentOperation();
        using (series.Duration.Time())
        {
            try
            {
                return _inner.ExecuteScalar();
            }
            catch (Exception) when (series.CountError())
            {
                throw; // Never reached: CountError returns false.
            }
        }
    }

    /// <summary>Runs the inner command's <see cref="DbCommand.ExecuteNonQueryAsync(CancellationToken)"/>, timed and with errors counted.</summary>
    /// <param name="cancellationToken">Cancels the command (a cancellation counts as an error).</param>
    /// <returns>The rows affected.</returns>
    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        var series = CurrentOperation();
        using (series.Duration.Time())
        {
            try
            {
                return await _inner.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (series.CountError())
            {
                throw; // Never reached: CountError returns false.
            }
        }
    }

    /// <summary>Runs the inner command's <see cref="DbCommand.ExecuteScalarAsync(CancellationToken)"/>, timed and with errors counted.</summary>
    /// <param name="cancellationToken">Cancels the command (a cancellation counts as an error).</param>
    /// <returns>The first column of the first row, or null.</returns>
    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        var series = CurrentOperation();
        using (series.Duration.Time())
        {
            try
            {
                return await _inner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (series.CountError())
            {
                throw; // Never reached: CountError returns false.
            }
        }
    }

    /// <inheritdoc/>
    protected override DbParameter CreateDbParameter() => _inner.CreateParameter();

    /// <summary>Runs the inner command's <c>ExecuteReader</c>; timed until the reader is returned.</summary>
    /// <param name="behavior">The command behavior, passed on.</param>
    /// <returns>The provider's reader.</returns>
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var series = CurrentOperation();
        using (series.Duration.Time())
        {
            try
            {
                return _inner.ExecuteReader(behavior);
            }
            catch (Exception) when (series.CountError())
            {
                throw; // Never reached: CountError returns false.
            }
        }
    }

    /// <summary>Runs the inner command's <c>ExecuteReaderAsync</c>; timed until the reader is returned.</summary>
    /// <param name="behavior">The command behavior, passed on.</param>
    /// <param name="cancellationToken">Cancels the command (a cancellation counts as an error).</param>
    /// <returns>The provider's reader.</returns>
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var series = CurrentOperation();
        using (series.Duration.Time())
        {
            try
            {
                return await _inner.ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (series.CountError())
            {
                throw; // Never reached: CountError returns false.
            }
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _innerDisposed = true;
        Dispose();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_innerDisposed)
        {
            _innerDisposed = true;
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private OperationSeries CurrentOperation() => _series.For(SqlOperationClassifier.Classify(_inner.CommandType, _inner.CommandText));
}

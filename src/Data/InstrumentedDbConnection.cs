using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Metrics.Generators.Data;

/// <summary>
/// InstrumentedDbConnection wraps a provider's <see cref="DbConnection"/> and records
/// <see cref="DatabaseMetrics"/> for it: commands it creates are <see cref="InstrumentedDbCommand"/>s (timed, errors
/// counted), transactions it begins are <see cref="InstrumentedDbTransaction"/>s, and while it is open it counts in
/// <c>db_client_connections_open</c>. Everything else is passed to the inner connection unchanged.
/// </summary>
/// <remarks>
/// <para>The wrapper owns the inner connection: disposing one disposes the other. Use the wrapper everywhere
/// (Dapper and other helpers take any <see cref="DbConnection"/>); a command created directly on the inner
/// connection is not measured.</para>
/// <para>The open-connections gauge goes up once when the connection opens (through <see cref="Open"/>,
/// <see cref="OpenAsync"/>, or the inner connection reporting <see cref="ConnectionState.Open"/>; a connection
/// already open when wrapped counts at once) and down once when it closes: <see cref="Close"/>,
/// <see cref="CloseAsync"/>, <c>Dispose</c>, <see cref="DisposeAsync"/>, the inner connection reporting
/// <see cref="ConnectionState.Closed"/> (a provider closing a broken connection, a reader opened with
/// <see cref="CommandBehavior.CloseConnection"/>) or the finalizer of a leaked wrapper. A flag makes every
/// transition count once, so double Close/Dispose and exceptions thrown by the provider cannot skew it.</para>
/// <para>Batching (<see cref="DbConnection.CreateBatch"/>) is not offered through the wrapper
/// (<see cref="DbConnection.CanCreateBatch"/> is false). Like any <see cref="DbConnection"/>, not thread-safe;
/// the metrics it records into are.</para>
/// </remarks>
public sealed class InstrumentedDbConnection : DbConnection
{
    private readonly DbConnection _inner;
    private int _counted;
    private bool _innerDisposed;
    private InstrumentedDbProviderFactory? _factory;

    /// <summary>Wraps <paramref name="inner"/>; its metrics carry <c>db="<paramref name="database"/>"</c>.</summary>
    /// <param name="inner">The provider's connection, open or not. The wrapper owns it from now on.</param>
    /// <param name="metrics">The families to record into.</param>
    /// <param name="database">The <c>db</c> label value: a short name you choose, never the connection string.</param>
    /// <exception cref="ArgumentException">When <paramref name="database"/> is empty.</exception>
    public InstrumentedDbConnection(DbConnection inner, DatabaseMetrics metrics, string database)
        : this(inner, (metrics ?? throw new ArgumentNullException(nameof(metrics))).ForDatabase(database))
    {
    }

    internal InstrumentedDbConnection(DbConnection inner, DatabaseSeries series)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        Series = series;
        _inner.StateChange += OnInnerStateChange;
        if (_inner.State.HasFlag(ConnectionState.Open))
        {
            CountOpen();
        }
    }

    /// <summary>The provider's connection this wrapper passes calls to.</summary>
    public DbConnection InnerConnection => _inner;

    /// <inheritdoc/>
    [AllowNull]
    public override string ConnectionString
    {
        get => _inner.ConnectionString;
        set => _inner.ConnectionString = value;
    }

    /// <inheritdoc/>
    public override int ConnectionTimeout => _inner.ConnectionTimeout;

    /// <inheritdoc/>
    public override string Database => _inner.Database;

    /// <inheritdoc/>
    public override string DataSource => _inner.DataSource;

    /// <inheritdoc/>
    public override string ServerVersion => _inner.ServerVersion;

    /// <inheritdoc/>
    public override ConnectionState State => _inner.State;

    /// <summary>The cells of this connection's <c>db</c> label value.</summary>
    internal DatabaseSeries Series { get; }

    /// <summary>The transaction most recently begun through this wrapper, so commands can return the wrapper for it.</summary>
    internal InstrumentedDbTransaction? LastTransaction { get; private set; }

    /// <inheritdoc/>
    protected override DbProviderFactory? DbProviderFactory
    {
        get
        {
            if (_factory is null && DbProviderFactories.GetFactory(_inner) is { } inner)
            {
                _factory = new InstrumentedDbProviderFactory(inner, Series);
            }

            return _factory;
        }
    }

    /// <summary>Opens the inner connection, observing how long it took (failed attempts too) and counting it as open.</summary>
    public override void Open()
    {
        using (Series.ConnectionOpenDuration.Time())
        {
            _inner.Open();
        }

        CountOpen();
    }

    /// <summary>Opens the inner connection asynchronously, observing how long it took and counting it as open.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>A task that completes when the connection is open.</returns>
    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        using (Series.ConnectionOpenDuration.Time())
        {
            await _inner.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        CountOpen();
    }

    /// <summary>Closes the inner connection; the open-connections gauge comes down even if closing throws.</summary>
    public override void Close()
    {
        try
        {
            _inner.Close();
        }
        finally
        {
            CountClosed();
        }
    }

    /// <summary>Closes the inner connection asynchronously; the gauge comes down even if closing throws.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public override async Task CloseAsync()
    {
        try
        {
            await _inner.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            CountClosed();
        }
    }

    /// <inheritdoc/>
    public override void ChangeDatabase(string databaseName) => _inner.ChangeDatabase(databaseName);

    /// <inheritdoc/>
    public override Task ChangeDatabaseAsync(string databaseName, CancellationToken cancellationToken = default)
        => _inner.ChangeDatabaseAsync(databaseName, cancellationToken);

    /// <inheritdoc/>
    public override void EnlistTransaction(System.Transactions.Transaction? transaction) => _inner.EnlistTransaction(transaction);

    /// <inheritdoc/>
    public override DataTable GetSchema() => _inner.GetSchema();

    /// <inheritdoc/>
    public override DataTable GetSchema(string collectionName) => _inner.GetSchema(collectionName);

    /// <inheritdoc/>
    public override DataTable GetSchema(string collectionName, string?[] restrictionValues) => _inner.GetSchema(collectionName, restrictionValues);

    /// <summary>Disposes the inner connection asynchronously; the gauge comes down even if that throws.</summary>
    /// <returns>A task that completes when the inner connection is disposed.</returns>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            _innerDisposed = true;
        }
        finally
        {
            CountClosed();
        }

        // Raises Disposed and suppresses the finalizer; the inner connection is already disposed.
        Dispose();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing && !_innerDisposed)
            {
                _innerDisposed = true;
                _inner.Dispose();
            }
        }
        finally
        {
            // Also from the finalizer of a leaked wrapper: a collected connection is not open any more.
            CountClosed();
            base.Dispose(disposing);
        }
    }

    /// <inheritdoc/>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
        => LastTransaction = new InstrumentedDbTransaction(_inner.BeginTransaction(isolationLevel), this);

    /// <inheritdoc/>
    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken)
    {
        var inner = await _inner.BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false);
        return LastTransaction = new InstrumentedDbTransaction(inner, this);
    }

    /// <summary>Creates an <see cref="InstrumentedDbCommand"/> over a command of the inner connection.</summary>
    /// <returns>The command, bound to this connection.</returns>
    protected override DbCommand CreateDbCommand() => new InstrumentedDbCommand(_inner.CreateCommand(), this);

    private void OnInnerStateChange(object sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Closed)
        {
            CountClosed();
        }
        else if (e.CurrentState.HasFlag(ConnectionState.Open))
        {
            CountOpen();
        }

        // Subscribers of the wrapper see the inner connection's transitions, with the wrapper as sender.
        OnStateChange(e);
    }

    private void CountOpen()
    {
        if (Interlocked.Exchange(ref _counted, 1) == 0)
        {
            Series.ConnectionsOpen.Inc();
        }
    }

    private void CountClosed()
    {
        if (Interlocked.Exchange(ref _counted, 0) == 1)
        {
            Series.ConnectionsOpen.Dec();
        }
    }
}

using System.Data;
using System.Data.Common;

namespace Metrics.Generators.Data;

/// <summary>
/// InstrumentedDbTransaction is what <see cref="InstrumentedDbConnection"/> returns from <c>BeginTransaction</c>:
/// the provider's transaction, with <see cref="DbTransaction.Connection"/> reporting the instrumented connection so code that
/// goes from a transaction to its connection to a new command stays measured. Assign it to
/// <see cref="DbCommand.Transaction"/> of an <see cref="InstrumentedDbCommand"/> as usual; the inner command gets the inner transaction.
/// </summary>
/// <remarks>
/// Commit, rollback and savepoints are passed through and not timed. Not thread-safe, like any
/// <see cref="DbTransaction"/>.
/// </remarks>
public sealed class InstrumentedDbTransaction : DbTransaction
{
    private readonly DbTransaction _inner;
    private readonly InstrumentedDbConnection _connection;
    private bool _innerDisposed;

    internal InstrumentedDbTransaction(DbTransaction inner, InstrumentedDbConnection connection)
    {
        _inner = inner;
        _connection = connection;
    }

    /// <summary>The provider's transaction this wrapper passes calls to.</summary>
    public DbTransaction InnerTransaction => _inner;

    /// <inheritdoc/>
    public override IsolationLevel IsolationLevel => _inner.IsolationLevel;

    /// <inheritdoc/>
    public override bool SupportsSavepoints => _inner.SupportsSavepoints;

    /// <summary>The instrumented connection, or null once the provider has ended the transaction (as the inner one reports).</summary>
    protected override DbConnection? DbConnection => _inner.Connection is null ? null : _connection;

    /// <inheritdoc/>
    public override void Commit() => _inner.Commit();

    /// <inheritdoc/>
    public override Task CommitAsync(CancellationToken cancellationToken = default) => _inner.CommitAsync(cancellationToken);

    /// <inheritdoc/>
    public override void Rollback() => _inner.Rollback();

    /// <inheritdoc/>
    public override Task RollbackAsync(CancellationToken cancellationToken = default) => _inner.RollbackAsync(cancellationToken);

    /// <inheritdoc/>
    public override void Save(string savepointName) => _inner.Save(savepointName);

    /// <inheritdoc/>
    public override Task SaveAsync(string savepointName, CancellationToken cancellationToken = default) => _inner.SaveAsync(savepointName, cancellationToken);

    /// <inheritdoc/>
    public override void Rollback(string savepointName) => _inner.Rollback(savepointName);

    /// <inheritdoc/>
    public override Task RollbackAsync(string savepointName, CancellationToken cancellationToken = default) => _inner.RollbackAsync(savepointName, cancellationToken);

    /// <inheritdoc/>
    public override void Release(string savepointName) => _inner.Release(savepointName);

    /// <inheritdoc/>
    public override Task ReleaseAsync(string savepointName, CancellationToken cancellationToken = default) => _inner.ReleaseAsync(savepointName, cancellationToken);

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
}

using System.Data.Common;

namespace Metrics.Generators.Data;

/// <summary>
/// InstrumentedDbProviderFactory wraps a provider's <see cref="DbProviderFactory"/> so that code which builds its
/// connections and commands from a factory records <see cref="DatabaseMetrics"/> under one <c>db</c> name:
/// <see cref="CreateConnection"/> returns an <see cref="InstrumentedDbConnection"/>, <see cref="CreateCommand"/> an
/// <see cref="InstrumentedDbCommand"/>, and <c>CreateDataSource</c> (whose default builds on
/// <see cref="CreateConnection"/>) hands out instrumented connections too.
/// </summary>
/// <remarks>
/// Parameters, connection-string builders, data adapters, command builders and data-source enumerators are the
/// provider's own, unwrapped. Batches are not offered (<see cref="DbProviderFactory.CanCreateBatch"/> is false).
/// Thread-safe if the inner factory is (provider factories are).
/// </remarks>
public sealed class InstrumentedDbProviderFactory : DbProviderFactory
{
    private readonly DbProviderFactory _inner;
    private readonly DatabaseSeries _series;

    /// <summary>Wraps <paramref name="inner"/>; what it creates records under <c>db="<paramref name="database"/>"</c>.</summary>
    /// <param name="inner">The provider's factory, e.g. <c>SqliteFactory.Instance</c>.</param>
    /// <param name="metrics">The families to record into.</param>
    /// <param name="database">The <c>db</c> label value.</param>
    /// <exception cref="ArgumentException">When <paramref name="database"/> is empty.</exception>
    public InstrumentedDbProviderFactory(DbProviderFactory inner, DatabaseMetrics metrics, string database)
        : this(inner, (metrics ?? throw new ArgumentNullException(nameof(metrics))).ForDatabase(database))
    {
    }

    internal InstrumentedDbProviderFactory(DbProviderFactory inner, DatabaseSeries series)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _series = series;
    }

    /// <summary>The provider's factory this wrapper passes calls to.</summary>
    public DbProviderFactory InnerFactory => _inner;

    /// <inheritdoc/>
    public override bool CanCreateDataAdapter => _inner.CanCreateDataAdapter;

    /// <inheritdoc/>
    public override bool CanCreateCommandBuilder => _inner.CanCreateCommandBuilder;

    /// <inheritdoc/>
    public override bool CanCreateDataSourceEnumerator => _inner.CanCreateDataSourceEnumerator;

    /// <summary>Creates the provider's connection wrapped in an <see cref="InstrumentedDbConnection"/>.</summary>
    /// <returns>The instrumented connection, or null when the provider returns none.</returns>
    public override DbConnection? CreateConnection()
        => _inner.CreateConnection() is { } connection ? new InstrumentedDbConnection(connection, _series) : null;

    /// <summary>Creates the provider's command wrapped in an <see cref="InstrumentedDbCommand"/>.</summary>
    /// <returns>The instrumented command, or null when the provider returns none.</returns>
    public override DbCommand? CreateCommand()
        => _inner.CreateCommand() is { } command ? new InstrumentedDbCommand(command, _series) : null;

    /// <inheritdoc/>
    public override DbParameter? CreateParameter() => _inner.CreateParameter();

    /// <inheritdoc/>
    public override DbConnectionStringBuilder? CreateConnectionStringBuilder() => _inner.CreateConnectionStringBuilder();

    /// <inheritdoc/>
    public override DbDataAdapter? CreateDataAdapter() => _inner.CreateDataAdapter();

    /// <inheritdoc/>
    public override DbCommandBuilder? CreateCommandBuilder() => _inner.CreateCommandBuilder();

    /// <inheritdoc/>
    public override DbDataSourceEnumerator? CreateDataSourceEnumerator() => _inner.CreateDataSourceEnumerator();
}

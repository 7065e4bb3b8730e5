using System.Data;
using Metrics.Generators.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Metrics.Generators.Data.Tests;

/// <summary>Transactions begun through the wrapper reach SQLite as its own, and commit and roll back for real.</summary>
public class TransactionTests
{
    [Fact]
    public void CommitAndRollback_ThroughTheWrapper_TakeEffect()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        TestDatabase.Execute(connection, "CREATE TABLE t (a INTEGER)");

        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t VALUES (1)";
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        using (var transaction = connection.BeginTransaction(IsolationLevel.Serializable))
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t VALUES (2)";
            insert.ExecuteNonQuery();
            transaction.Rollback();
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(1L, count.ExecuteScalar());
        Assert.Equal(2, db.Count("INSERT"));
    }

    [Fact]
    public void Wrappers_UnwrapForTheProvider_AndReportThemselvesBack()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();

        var instrumented = Assert.IsType<InstrumentedDbTransaction>(transaction);
        var innerCommand = Assert.IsType<InstrumentedDbCommand>(command).InnerCommand;
        Assert.IsType<SqliteTransaction>(instrumented.InnerTransaction);
        Assert.Same(connection, transaction.Connection);

        // SQLite enlists a new command in the connection's pending transaction; the wrapper reports its own type.
        Assert.Same(instrumented.InnerTransaction, innerCommand.Transaction);
        Assert.Same(transaction, command.Transaction);

        command.Transaction = null;
        Assert.Null(innerCommand.Transaction);
        command.Transaction = transaction;
        Assert.Same(instrumented.InnerTransaction, innerCommand.Transaction);
        Assert.Same(transaction, command.Transaction);

        transaction.Commit();
        Assert.Null(transaction.Connection);
    }

    [Fact]
    public void Savepoints_PassThrough()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        TestDatabase.Execute(connection, "CREATE TABLE t (a INTEGER)");
        using var transaction = connection.BeginTransaction();
        Assert.True(transaction.SupportsSavepoints);

        TestDatabase.Execute(connection, "INSERT INTO t VALUES (1)");
        transaction.Save("before_second");
        TestDatabase.Execute(connection, "INSERT INTO t VALUES (2)");
        transaction.Rollback("before_second");
        transaction.Release("before_second");
        transaction.Commit();

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Fact]
    public async Task AsyncTransaction_CommitsThroughTheWrapper()
    {
        var db = new TestDatabase();
        await using var connection = db.OpenInMemory();
        TestDatabase.Execute(connection, "CREATE TABLE t (a INTEGER)");

        await using (var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            Assert.IsType<InstrumentedDbTransaction>(transaction);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t VALUES (1)";
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await using (var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            TestDatabase.Execute(connection, "DELETE FROM t");
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(1L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, db.Count("DELETE"));
    }

    [Fact]
    public void DisposedTransaction_WithoutCommit_RollsBack()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        TestDatabase.Execute(connection, "CREATE TABLE t (a INTEGER)");

        using (connection.BeginTransaction())
        {
            TestDatabase.Execute(connection, "INSERT INTO t VALUES (1)");
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(0L, count.ExecuteScalar());
    }
}

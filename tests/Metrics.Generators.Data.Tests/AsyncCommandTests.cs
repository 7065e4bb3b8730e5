using System.Data.Common;
using Metrics.Generators.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Metrics.Generators.Data.Tests;

/// <summary>The DbCommand/DbConnection async virtuals go through the wrapper and are timed like the sync ones.</summary>
public class AsyncCommandTests
{
    [Fact]
    public async Task AsyncExecutePaths_AreTimedUnderTheirOperation()
    {
        var db = new TestDatabase();
        await using var connection = new SqliteConnection("Data Source=:memory:").WithPrometheusMetrics(db.Metrics, TestDatabase.Name);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();

        command.CommandText = "CREATE TABLE t (a INTEGER)";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        command.CommandText = "INSERT INTO t VALUES (1), (2)";
        Assert.Equal(2, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        command.CommandText = "UPDATE t SET a = a * 10";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        command.CommandText = "SELECT SUM(a) FROM t";
        Assert.Equal(30L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "SELECT a FROM t ORDER BY a";
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(10L, reader.GetInt64(0));
        }

        command.CommandText = "DELETE FROM t";
        Assert.Equal(2, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));

        Assert.Equal(1, db.Count("other"));
        Assert.Equal(1, db.Count("INSERT"));
        Assert.Equal(1, db.Count("UPDATE"));
        Assert.Equal(2, db.Count("SELECT"));
        Assert.Equal(1, db.Count("DELETE"));
        Assert.Equal(1, db.OpenDurationCount());
        Assert.Equal(1, db.OpenConnections());
    }

    [Fact]
    public async Task AsyncFailure_IsCountedAndRethrownUnchanged()
    {
        var db = new TestDatabase();
        await using var connection = db.OpenInMemory();
        await using var command = connection.CreateCommand();

        command.CommandText = "UPDATE missing SET a = 1";
        var nonQuery = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        command.CommandText = "SELECT * FROM missing";
        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteReaderAsync(TestContext.Current.CancellationToken));

        Assert.Contains("no such table: missing", nonQuery.Message, StringComparison.Ordinal);
        Assert.Equal(1, db.Errors("UPDATE"));
        Assert.Equal(2, db.Errors("SELECT"));
        Assert.Equal(2, db.Count("SELECT"));
    }

    [Fact]
    public async Task CancelledCommand_IsCountedAsAnError()
    {
        var db = new TestDatabase();
        await using var connection = db.OpenInMemory();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.ExecuteScalarAsync(cancelled.Token));

        Assert.Equal(1, db.Errors("SELECT"));
        Assert.Equal(1, db.Count("SELECT"));
    }

    [Fact]
    public async Task AsyncCloseAndDispose_BringTheGaugeDown()
    {
        var db = new TestDatabase();
        DbConnection connection = new SqliteConnection("Data Source=:memory:").WithPrometheusMetrics(db.Metrics, TestDatabase.Name);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, db.OpenConnections());

        await connection.CloseAsync();
        Assert.Equal(0, db.OpenConnections());

        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, db.OpenConnections());
        await connection.DisposeAsync();
        await connection.DisposeAsync();

        Assert.Equal(0, db.OpenConnections());
        Assert.Equal(2, db.OpenDurationCount());
    }
}

using System.Data;
using Metrics.Generators.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Metrics.Generators.Data.Tests;

/// <summary>db_client_connections_open counts wrapped connections while open and always comes back down.</summary>
public class ConnectionGaugeTests
{
    [Fact]
    public void Gauge_FollowsOpenAndClose_AndIgnoresRepeatedCloseAndDispose()
    {
        var db = new TestDatabase();
        var first = db.OpenInMemory();
        var second = db.OpenInMemory();
        var third = db.OpenInMemory();
        Assert.Equal(3, db.OpenConnections());

        first.Close();
        first.Close();
        first.Dispose();
        first.Dispose();
        Assert.Equal(2, db.OpenConnections());

        second.Dispose();
        second.Close();
        Assert.Equal(1, db.OpenConnections());

        third.Close();
        third.Open();
        Assert.Equal(1, db.OpenConnections());
        third.Dispose();

        Assert.Equal(0, db.OpenConnections());
        Assert.Equal(4, db.OpenDurationCount());
    }

    [Fact]
    public void Gauge_ReturnsToZero_WhenACommandThrowsInsideUsing()
    {
        var db = new TestDatabase();

        var thrown = Assert.Throws<SqliteException>(() =>
        {
            using var connection = db.OpenInMemory();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO missing VALUES (1)";
            Assert.Equal(1, db.OpenConnections());
            command.ExecuteNonQuery();
        });

        Assert.Contains("missing", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.OpenConnections());
        Assert.Equal(1, db.Errors("INSERT"));
    }

    [Fact]
    public async Task Gauge_ReturnsToZero_WhenAnAsyncCommandThrowsInsideAwaitUsing()
    {
        var db = new TestDatabase();

        await Assert.ThrowsAsync<SqliteException>(async () =>
        {
            await using var connection = db.OpenInMemory();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM missing";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        });

        Assert.Equal(0, db.OpenConnections());
    }

    [Fact]
    public void FailedOpen_IsTimedButNotCounted()
    {
        var db = new TestDatabase();
        var path = Path.Combine(Path.GetTempPath(), "metrics-db-" + Guid.NewGuid().ToString("N"), "missing.db");
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly").WithPrometheusMetrics(db.Metrics, TestDatabase.Name);

        Assert.Throws<SqliteException>(() => connection.Open());

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, db.OpenConnections());
        Assert.Equal(1, db.OpenDurationCount());
    }

    [Fact]
    public void InnerConnectionClosedDirectly_BringsTheGaugeDown_AndRaisesTheWrappersStateChange()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        var changes = new List<(object Sender, ConnectionState State)>();
        connection.StateChange += (sender, e) => changes.Add((sender, e.CurrentState));

        connection.InnerConnection.Close();
        Assert.Equal(0, db.OpenConnections());

        connection.InnerConnection.Open();
        Assert.Equal(1, db.OpenConnections());

        connection.Close();
        Assert.Equal(0, db.OpenConnections());
        Assert.Equal([(connection, ConnectionState.Closed), (connection, ConnectionState.Open), (connection, ConnectionState.Closed)], changes);
    }

    [Fact]
    public void ReaderWithCloseConnection_BringsTheGaugeDownWhenTheReaderCloses()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";

        using (var reader = command.ExecuteReader(CommandBehavior.CloseConnection))
        {
            Assert.True(reader.Read());
            Assert.Equal(1, db.OpenConnections());
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, db.OpenConnections());
    }

    [Fact]
    public void AlreadyOpenConnection_CountsWhenWrapped()
    {
        var db = new TestDatabase();
        var raw = new SqliteConnection("Data Source=:memory:");
        raw.Open();

        using (raw.WithPrometheusMetrics(db.Metrics, TestDatabase.Name))
        {
            Assert.Equal(1, db.OpenConnections());
        }

        Assert.Equal(ConnectionState.Closed, raw.State);
        Assert.Equal(0, db.OpenConnections());
    }

    [Fact]
    public void LeakedConnection_IsUncountedByTheFinalizer()
    {
        var db = new TestDatabase();
        OpenAndDrop(db);
        Assert.Equal(1, db.OpenConnections());

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(0, db.OpenConnections());
    }

    [Fact]
    public void ManyConnectionsAcrossThreads_AllComeBackDown()
    {
        var db = new TestDatabase();
        Parallel.For(0, 64, i =>
        {
            using var connection = db.OpenInMemory(i % 2 == 0 ? "even" : "odd");
            using var command = connection.CreateCommand();
            command.CommandText = i % 3 == 0 ? "SELECT * FROM missing" : "SELECT 1";
            try
            {
                command.ExecuteScalar();
            }
            catch (SqliteException)
            {
                // Part of the scenario: a third of the commands fail, the connections must still be uncounted.
            }
        });

        Assert.Equal(0, db.OpenConnections("even"));
        Assert.Equal(0, db.OpenConnections("odd"));
        Assert.Equal(64, db.Count("SELECT", "even") + db.Count("SELECT", "odd"));
        Assert.Equal(22, db.Errors("SELECT", "even") + db.Errors("SELECT", "odd"));
    }

    // Not inlined, so no local keeps the wrapper reachable when the test collects.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void OpenAndDrop(TestDatabase db) => db.OpenInMemory();
}

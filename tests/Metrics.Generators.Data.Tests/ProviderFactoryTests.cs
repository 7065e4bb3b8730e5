using System.Data.Common;
using Metrics.Generators.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Metrics.Generators.Data.Tests;

/// <summary>Code that builds connections and commands from a DbProviderFactory gets instrumented ones.</summary>
public class ProviderFactoryTests
{
    [Fact]
    public void FactoryConnectionsAndCommands_AreInstrumented_AndWorkTogether()
    {
        var db = new TestDatabase();
        DbProviderFactory factory = SqliteFactory.Instance.WithPrometheusMetrics(db.Metrics, "factory");

        using var connection = factory.CreateConnection()!;
        Assert.IsType<InstrumentedDbConnection>(connection);
        connection.ConnectionString = "Data Source=:memory:";
        connection.Open();
        using var command = factory.CreateCommand()!;
        command.Connection = connection;
        command.CommandText = "SELECT 42";

        Assert.Equal(42L, command.ExecuteScalar());
        Assert.Same(connection, command.Connection);
        Assert.Equal(1, db.Count("SELECT", "factory"));
        Assert.Equal(1, db.OpenConnections("factory"));
    }

    [Fact]
    public void FactoryCommand_AssignedAPlainConnection_StillRecordsUnderTheFactorysName()
    {
        var db = new TestDatabase();
        var factory = SqliteFactory.Instance.WithPrometheusMetrics(db.Metrics, "factory");
        using var raw = new SqliteConnection("Data Source=:memory:");
        raw.Open();
        using var command = factory.CreateCommand()!;

        command.Connection = raw;
        command.CommandText = "SELECT 1";
        command.ExecuteScalar();

        Assert.Same(raw, command.Connection);
        Assert.Equal(1, db.Count("SELECT", "factory"));
    }

    [Fact]
    public void DataSourceFromTheFactory_HandsOutInstrumentedConnections()
    {
        var db = new TestDatabase();
        var factory = SqliteFactory.Instance.WithPrometheusMetrics(db.Metrics, "factory");
        using var dataSource = factory.CreateDataSource("Data Source=:memory:");

        using var connection = dataSource.OpenConnection();
        Assert.IsType<InstrumentedDbConnection>(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        command.ExecuteScalar();

        Assert.Equal(1, db.Count("SELECT", "factory"));
    }

    [Fact]
    public void ParametersAndBuilders_AreTheProvidersOwn()
    {
        var db = new TestDatabase();
        var factory = SqliteFactory.Instance.WithPrometheusMetrics(db.Metrics, "factory");

        Assert.IsType<SqliteParameter>(factory.CreateParameter());
        Assert.IsType<SqliteConnectionStringBuilder>(factory.CreateConnectionStringBuilder());
        Assert.Same(SqliteFactory.Instance, factory.InnerFactory);
        Assert.False(factory.CanCreateBatch);
    }
}

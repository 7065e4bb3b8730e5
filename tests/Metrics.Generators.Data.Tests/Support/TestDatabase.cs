using Microsoft.Data.Sqlite;

namespace Metrics.Generators.Data.Tests.Support;

/// <summary>
/// TestDatabase is a private registry, its <see cref="DatabaseMetrics"/>, and helpers that open real SQLite
/// connections through the wrapper and read the exposed samples.
/// </summary>
internal sealed class TestDatabase
{
    public const string Name = "main";

    public TestDatabase(DatabaseMetricsOptions? options = null)
    {
        Registry = new MetricRegistry();
        Metrics = new DatabaseMetrics(Registry, options);
    }

    public MetricRegistry Registry { get; }

    public DatabaseMetrics Metrics { get; }

    /// <summary>A new in-memory database (each <c>:memory:</c> connection has its own), wrapped and opened.</summary>
    public InstrumentedDbConnection OpenInMemory(string database = Name)
    {
        var connection = new SqliteConnection("Data Source=:memory:").WithPrometheusMetrics(Metrics, database);
        connection.Open();
        return connection;
    }

    public static int Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    // Strict reads (Scrape.Value): a series that is not exposed fails and lists the ones that are; it is never read
    // as 0. Tests that mean "no such series" say so with the AssertNo… helpers.

    /// <summary><c>db_client_operation_duration_seconds_count</c> of (db, operation).</summary>
    public double Count(string operation, string database = Name)
        => Scrape.Value(Registry, "db_client_operation_duration_seconds_count", ("db", database), ("operation", operation));

    /// <summary><c>db_client_operation_duration_seconds_sum</c> of (db, operation).</summary>
    public double Sum(string operation, string database = Name)
        => Scrape.Value(Registry, "db_client_operation_duration_seconds_sum", ("db", database), ("operation", operation));

    /// <summary><c>db_client_errors_total</c> of (db, operation).</summary>
    public double Errors(string operation, string database = Name)
        => Scrape.Value(Registry, "db_client_errors_total", ("db", database), ("operation", operation));

    /// <summary><c>db_client_connections_open</c> of db.</summary>
    public double OpenConnections(string database = Name)
        => Scrape.Value(Registry, "db_client_connections_open", ("db", database));

    /// <summary><c>db_client_connection_open_duration_seconds_count</c> of db.</summary>
    public double OpenDurationCount(string database = Name)
        => Scrape.Value(Registry, "db_client_connection_open_duration_seconds_count", ("db", database));

    /// <summary>Asserts (db, operation) has no duration series: nothing of that operation ran.</summary>
    public void AssertNoOperationSeries(string operation, string database = Name)
        => Scrape.AssertAbsent(Registry, "db_client_operation_duration_seconds_count", ("db", database), ("operation", operation));

    /// <summary>Asserts (db, operation) has no error series.</summary>
    public void AssertNoErrorSeries(string operation, string database = Name)
        => Scrape.AssertAbsent(Registry, "db_client_errors_total", ("db", database), ("operation", operation));
}

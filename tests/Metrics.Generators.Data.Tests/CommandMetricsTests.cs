using System.Data;
using System.Data.Common;
using Metrics.Generators.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Metrics.Generators.Data.Tests;

/// <summary>Synchronous command execution through the wrapper against a real SQLite database.</summary>
public class CommandMetricsTests
{
    [Fact]
    public void CrudStatements_AreTimedUnderTheirOperation()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();

        TestDatabase.Execute(connection, "CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT)");
        Assert.Equal(1, TestDatabase.Execute(connection, "INSERT INTO orders (status) VALUES ('new')"));
        Assert.Equal(1, TestDatabase.Execute(connection, "insert into orders (status) values ('new')"));
        Assert.Equal(2, TestDatabase.Execute(connection, "UPDATE orders SET status = 'paid'"));
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT COUNT(*) FROM orders WHERE status = 'paid'";
            Assert.Equal(2L, select.ExecuteScalar());
        }

        Assert.Equal(1, TestDatabase.Execute(connection, "DELETE FROM orders WHERE id = 1"));

        Assert.Equal(1, db.Count("other"));
        Assert.Equal(2, db.Count("INSERT"));
        Assert.Equal(1, db.Count("UPDATE"));
        Assert.Equal(1, db.Count("SELECT"));
        Assert.Equal(1, db.Count("DELETE"));
        db.AssertNoOperationSeries("procedure"); // no stored procedure ran: no series, not a series at 0
        Assert.True(db.Sum("INSERT") > 0, "the observed durations add up to more than zero");
        Assert.Equal(0, db.Errors("INSERT"));
    }

    [Fact]
    public void ExecuteReader_IsTimedUntilTheReaderIsReturned_AndReturnsTheProvidersReader()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        TestDatabase.Execute(connection, "CREATE TABLE t (a INTEGER)");
        TestDatabase.Execute(connection, "INSERT INTO t VALUES (1), (2), (3)");

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT a FROM t ORDER BY a";
        var values = new List<long>();
        using (var reader = command.ExecuteReader())
        {
            Assert.IsType<SqliteDataReader>(reader);
            Assert.Equal(1, db.Count("SELECT"));
            while (reader.Read())
            {
                values.Add(reader.GetInt64(0));
            }
        }

        using (var reader = command.ExecuteReader(CommandBehavior.SingleRow))
        {
            Assert.True(reader.Read());
        }

        Assert.Equal([1L, 2L, 3L], values);
        Assert.Equal(2, db.Count("SELECT"));
    }

    [Fact]
    public void FailingStatement_IsCountedAsAnError_TimedAndRethrownUnchanged()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM no_such_table";

        var thrown = Assert.Throws<SqliteException>(() => command.ExecuteReader());

        // What the provider throws without the wrapper, for comparison.
        using var raw = new SqliteConnection("Data Source=:memory:");
        raw.Open();
        using var rawCommand = raw.CreateCommand();
        rawCommand.CommandText = command.CommandText;
        var expected = Assert.Throws<SqliteException>(() => rawCommand.ExecuteReader());

        Assert.Equal(expected.Message, thrown.Message);
        Assert.Equal(expected.SqliteErrorCode, thrown.SqliteErrorCode);
        Assert.Null(thrown.InnerException);
        Assert.Contains("Microsoft.Data.Sqlite", thrown.StackTrace, StringComparison.Ordinal); // thrown where the provider threw it
        Assert.Equal(1, db.Errors("SELECT"));
        Assert.Equal(1, db.Count("SELECT"));
    }

    [Fact]
    public void FailingStatements_OnEveryExecutePath_AreCounted()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        using var command = connection.CreateCommand();

        command.CommandText = "INSERT INTO missing VALUES (1)";
        Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        command.CommandText = "UPDATE missing SET a = 1";
        Assert.Throws<SqliteException>(() => command.ExecuteScalar());
        command.CommandText = "DELETE FROM missing";
        Assert.Throws<SqliteException>(() => command.ExecuteReader());
        command.CommandText = "SELEKT 1";
        Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Equal(1, db.Errors("INSERT"));
        Assert.Equal(1, db.Errors("UPDATE"));
        Assert.Equal(1, db.Errors("DELETE"));
        Assert.Equal(1, db.Errors("other"));
        db.AssertNoErrorSeries("SELECT"); // an operation's error series appears with its first execution, not before
    }

    [Fact]
    public void CommentPrefixedSql_IsClassifiedByTheStatementAfterTheComments()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        TestDatabase.Execute(connection, "CREATE TABLE t (a INTEGER)");

        TestDatabase.Execute(connection, "/* app=orders */\n-- insert one\nINSERT INTO t VALUES (1)");
        TestDatabase.Execute(connection, "  -- bump\n  /* twice */ update t set a = a + 1");
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "/* DELETE */ -- DELETE\n\tselect a FROM t";
            Assert.Equal(2L, command.ExecuteScalar());
        }

        Assert.Equal(1, db.Count("INSERT"));
        Assert.Equal(1, db.Count("UPDATE"));
        Assert.Equal(1, db.Count("SELECT"));
        db.AssertNoOperationSeries("DELETE"); // the DELETE in the comments is not the statement
    }

    [Fact]
    public void ReusedCommand_IsClassifiedAfreshForEachText()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        using var command = connection.CreateCommand();

        command.CommandText = "CREATE TABLE t (a INTEGER)";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO t VALUES ($a)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$a";
        command.Parameters.Add(parameter);
        for (var i = 0; i < 5; i++)
        {
            parameter.Value = i;
            command.ExecuteNonQuery();
        }

        command.Parameters.Clear();
        command.CommandText = "SELECT SUM(a) FROM t";

        Assert.Equal(10L, command.ExecuteScalar());
        Assert.Equal(5, db.Count("INSERT"));
        Assert.Equal(1, db.Count("SELECT"));
        Assert.Equal(1, db.Count("other"));
        Assert.IsType<SqliteParameter>(parameter);
    }

    [Fact]
    public void DatabaseLabel_SeparatesConnections_AndOverflowsPastTheBound()
    {
        var db = new TestDatabase(new DatabaseMetricsOptions { MaxDatabases = 2 });
        foreach (var name in new[] { "orders", "billing", "audit", "reports" })
        {
            using var connection = db.OpenInMemory(name);
            TestDatabase.Execute(connection, "SELECT 1");
        }

        Assert.Equal(1, db.Count("SELECT", "orders"));
        Assert.Equal(1, db.Count("SELECT", "billing"));
        Assert.Equal(2, db.Count("SELECT", "__overflow__"));
        Assert.DoesNotContain("audit", Scrape.Text(db.Registry), StringComparison.Ordinal);
    }

    [Fact]
    public void DatabaseLabel_NamesPastTheBound_OverflowInEveryMetric_WhicheverRunsCommandsFirst()
    {
        // The bound is decided when a name is wrapped: a name past it must not take the operation metrics' slot of a
        // name wrapped before it, even when its commands run first.
        var db = new TestDatabase(new DatabaseMetricsOptions { MaxDatabases = 1 });
        using var first = db.OpenInMemory("orders");
        using var late = db.OpenInMemory("billing");

        TestDatabase.Execute(late, "SELECT 1");
        TestDatabase.Execute(first, "SELECT 1");

        Assert.Equal(1, db.Count("SELECT", "orders"));
        Assert.Equal(1, db.Count("SELECT", "__overflow__"));
        Assert.DoesNotContain("billing", Scrape.Text(db.Registry), StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionString_NeverAppearsInTheExposition()
    {
        var db = new TestDatabase();
        var path = Path.Combine(Path.GetTempPath(), "metrics-db-secret-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False").WithPrometheusMetrics(db.Metrics, "orders"))
            {
                connection.Open();
                TestDatabase.Execute(connection, "CREATE TABLE t (a INTEGER)");
                Assert.Equal(path, connection.DataSource);
            }

            var text = Scrape.Text(db.Registry);
            Assert.Contains("db=\"orders\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("metrics-db-secret", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CommandFromTheWrapper_PassesProviderTypesAndSettingsThrough()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();
        using var command = connection.CreateCommand();

        var instrumented = Assert.IsType<InstrumentedDbCommand>(command);
        Assert.Same(connection, command.Connection);
        Assert.Same(connection.InnerConnection, instrumented.InnerCommand.Connection);
        Assert.IsType<SqliteCommand>(instrumented.InnerCommand);

        command.CommandTimeout = 7;
        command.CommandText = "SELECT 1";
        Assert.Equal(7, instrumented.InnerCommand.CommandTimeout);
        Assert.Equal("SELECT 1", instrumented.InnerCommand.CommandText);
        Assert.Same(instrumented.InnerCommand.Parameters, command.Parameters);
    }

    [Fact]
    public void CommandWrappedByHand_RecordsUnderItsName_AndAdoptsAnInstrumentedConnection()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory("orders");
        using var command = new InstrumentedDbCommand(new SqliteCommand("SELECT 1"), db.Metrics, "adhoc");

        command.Connection = connection;
        Assert.Equal(1L, command.ExecuteScalar());

        Assert.Same(connection, command.Connection);
        Assert.Equal(1, db.Count("SELECT", "orders"));
        db.AssertNoOperationSeries("SELECT", "adhoc"); // recorded under the adopted connection's name only
    }

    [Fact]
    public void Constructors_RejectMissingArguments()
    {
        var db = new TestDatabase();
        using var raw = new SqliteConnection("Data Source=:memory:");

        Assert.Throws<ArgumentNullException>(() => new InstrumentedDbConnection(null!, db.Metrics, "x"));
        Assert.Throws<ArgumentNullException>(() => new InstrumentedDbConnection(raw, null!, "x"));
        Assert.Throws<ArgumentNullException>(() => raw.WithPrometheusMetrics(db.Metrics, null!));
        Assert.Throws<ArgumentException>(() => raw.WithPrometheusMetrics(db.Metrics, string.Empty));
        Assert.Throws<ArgumentNullException>(() => new DatabaseMetrics(null!));
    }

    [Fact]
    public void SecondDatabaseMetricsOnOneRegistry_Throws_AndRegistersNothing()
    {
        var registry = new MetricRegistry();
        _ = new DatabaseMetrics(registry);
        var before = registry.Families.Count;

        Assert.Throws<InvalidOperationException>(() => new DatabaseMetrics(registry));
        Assert.Equal(before, registry.Families.Count);
    }

    [Fact]
    public void NameTakenByAnotherMetric_Throws_AndRegistersNoneOfTheFour()
    {
        // The third of the four clashes: the two registered before it must be given back.
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("db_client_connections_open", MetricType.Gauge, "Someone else's.", null, [])));

        Assert.Throws<InvalidOperationException>(() => new DatabaseMetrics(registry));
        Assert.Equal("db_client_connections_open", Assert.Single(registry.Families).Descriptor.Name);
    }

    [Fact]
    public void DatabaseMetrics_RegistersFourFamilies_WithTheConfiguredBuckets()
    {
        var registry = new MetricRegistry();
        var metrics = new DatabaseMetrics(registry, new DatabaseMetricsOptions { OperationDurationBuckets = [0.01, 0.1] });

        Assert.Equal(
            ["db_client_connection_open_duration_seconds", "db_client_connections_open", "db_client_errors", "db_client_operation_duration_seconds"],
            registry.Families.Select(f => f.Descriptor.FamilyName));
        var descriptors = metrics.Descriptors.ToDictionary(d => d.Name);
        Assert.Equal([0.01, 0.1], descriptors["db_client_operation_duration_seconds"].Buckets);
        Assert.Equal(DatabaseMetricsOptions.DefaultDurationBuckets, descriptors["db_client_connection_open_duration_seconds"].Buckets);
        Assert.Equal(["db", "operation"], descriptors["db_client_errors_total"].LabelNames);
        Assert.Equal(["db"], descriptors["db_client_connections_open"].LabelNames);

        // What the registry exposes is what Descriptors says (the options applied, not the declared defaults).
        var registered = registry.Families.Single(f => f.Descriptor.Name == "db_client_operation_duration_seconds").Descriptor;
        Assert.Equal([0.01, 0.1], registered.Buckets);
    }

    [Fact]
    public void OperationLabel_ExposesTheClassifiersLabelValue_ForEveryOperation()
    {
        // The operation label is the enum, declared with [LabelValue]; it must expose what LabelValue documents.
        var db = new TestDatabase();
        var label = Assert.IsType<FixedLabel>(db.Registry.Families.Single(f => f.Descriptor.Name == "db_client_errors_total").Labels[1]);

        Assert.Equal(
            Enum.GetValues<DatabaseOperation>().Select(SqlOperationClassifier.LabelValue),
            Enumerable.Range(0, Enum.GetValues<DatabaseOperation>().Length).Select(label.ValueAt));
    }

    [Fact]
    public void InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentException>(() => new DatabaseMetrics(new MetricRegistry(), new DatabaseMetricsOptions { OperationDurationBuckets = [1, 0.5] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatabaseMetrics(new MetricRegistry(), new DatabaseMetricsOptions { MaxDatabases = 0 }));
    }

    [Fact]
    public void DbProviderFactories_GetFactory_OfTheWrapper_IsInstrumented()
    {
        var db = new TestDatabase();
        using var connection = db.OpenInMemory();

        var factory = Assert.IsType<InstrumentedDbProviderFactory>(DbProviderFactories.GetFactory(connection));
        Assert.Same(SqliteFactory.Instance, factory.InnerFactory);
    }
}

using Metrics.Generators.Data.Tests.Support;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Data.Tests;

/// <summary>What a scrape shows after real database work, and promtool's verdict on it.</summary>
public class ExpositionTests
{
    [Fact]
    public void Scrape_ShowsEveryFamilyWithItsLabels()
    {
        var db = BusyDatabase();
        var text = Scrape.Text(db.Registry);

        Assert.Contains("# TYPE db_client_operation_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE db_client_errors_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE db_client_connections_open gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE db_client_connection_open_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("db_client_operation_duration_seconds_bucket{db=\"orders\",operation=\"INSERT\",le=\"0.001\"} ", text, StringComparison.Ordinal);
        Assert.Contains("db_client_operation_duration_seconds_count{db=\"orders\",operation=\"INSERT\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("db_client_operation_duration_seconds_count{db=\"orders\",operation=\"other\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("db_client_errors_total{db=\"orders\",operation=\"SELECT\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("db_client_errors_total{db=\"orders\",operation=\"INSERT\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("db_client_connections_open{db=\"orders\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("db_client_connections_open{db=\"audit\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("db_client_connection_open_duration_seconds_count{db=\"orders\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Promtool_CheckMetrics_FindsNoProblems()
    {
        var promtool = ExternalTools.Promtool();
        var text = Scrape.Text(BusyDatabase().Registry);

        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "metrics"], text);

        Assert.True(exitCode == 0 && stdout.Length == 0 && stderr.Length == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}\ninput:\n{text}");
    }

    [Fact]
    public void PythonStrictOpenMetricsParser_ReadsEveryFamily()
    {
        const string parse = """
            import sys
            from prometheus_client.openmetrics.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                print(family.name, family.type, family.unit, len(family.samples))
            """;
        var python = ExternalTools.PythonWithPrometheusClient();
        var text = Scrape.Text(BusyDatabase().Registry, ExpositionFormat.OpenMetrics);

        var (exitCode, stdout, stderr) = ExternalTools.Run(python, ["-c", parse], text);

        Assert.True(exitCode == 0, $"python exit {exitCode}\n{stderr}\ninput:\n{text}");
        Assert.Equal(
            [
                "db_client_connection_open_duration_seconds histogram seconds 24",
                "db_client_connections_open gauge  2",
                "db_client_errors counter  6",
                "db_client_operation_duration_seconds histogram seconds 72",
            ],
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Every family with series: two databases, every operation label, one error, one connection left open.
    private static TestDatabase BusyDatabase()
    {
        var db = new TestDatabase();
        using (var orders = db.OpenInMemory("orders"))
        {
            TestDatabase.Execute(orders, "CREATE TABLE t (a INTEGER)");
            TestDatabase.Execute(orders, "INSERT INTO t VALUES (1)");
            TestDatabase.Execute(orders, "INSERT INTO t VALUES (2)");
            TestDatabase.Execute(orders, "UPDATE t SET a = 3");
            TestDatabase.Execute(orders, "DELETE FROM t WHERE a = 3");
            Assert.ThrowsAny<Exception>(() => TestDatabase.Execute(orders, "SELECT * FROM missing"));
        }

        var audit = db.OpenInMemory("audit");
        TestDatabase.Execute(audit, "SELECT 1");
        GC.KeepAlive(audit);
        return db;
    }
}

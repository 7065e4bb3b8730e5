using System.Data.Common;
using System.Globalization;
using Metrics.Generators;
using Metrics.Generators.Data;
using Microsoft.Data.Sqlite;

namespace OrderSystem.Services;

/// <summary>
/// OrderDatabase stores orders in an embedded SQLite file (WAL mode, one connection per operation from the
/// provider's pool). Every connection goes through the metrics wrapper, so the order service exposes
/// <c>db_client_operation_duration_seconds{db="orders",operation=…}</c>, errors and open connections.
/// </summary>
internal sealed class OrderDatabase : IDisposable
{
    private const string DatabaseLabel = "orders";

    private readonly string _path;
    private readonly string _connectionString;
    private readonly DatabaseMetrics _metrics;

    public OrderDatabase(MetricRegistry registry)
    {
        _path = Path.Combine(Path.GetTempPath(), $"ordersystem-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString();
        _metrics = new DatabaseMetrics(registry);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT NOT NULL, quantity INTEGER NOT NULL, price TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public async Task InsertAsync(Order order, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO orders (id, item, quantity, price) VALUES ($id, $item, $quantity, $price)";
        Add(command, "$id", order.Id);
        Add(command, "$item", order.Item);
        Add(command, "$quantity", order.Quantity);
        Add(command, "$price", order.Price.ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Order?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, item, quantity, price FROM orders WHERE id = $id";
        Add(command, "$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Order(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture))
            : null;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private InstrumentedDbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString).WithPrometheusMetrics(_metrics, DatabaseLabel);
        connection.Open();
        RelaxSync(connection);
        return connection;
    }

    private async Task<InstrumentedDbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString).WithPrometheusMetrics(_metrics, DatabaseLabel);
        await connection.OpenAsync(cancellationToken);
        RelaxSync(connection);
        return connection;
    }

    // WAL with synchronous=NORMAL syncs at checkpoints instead of on every commit: an fsync per order would
    // dominate the order path's latency on a slow disk. A per-connection setting, run on the provider's own
    // connection so it is not counted as one of the service's statements.
    private static void RelaxSync(InstrumentedDbConnection connection)
    {
        using var pragma = connection.InnerConnection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        pragma.ExecuteNonQuery();
    }
}

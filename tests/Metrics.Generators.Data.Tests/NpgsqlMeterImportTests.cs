using Metrics.Generators.Data.Tests.Support;
using Npgsql;

namespace Metrics.Generators.Data.Tests;

/// <summary>
/// Npgsql's own <c>Npgsql</c> meter imported into a registry, against a real PostgreSQL server: the pool's connection
/// gauges follow connections as the test opens, holds and closes them.
/// </summary>
public sealed class NpgsqlMeterImportTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pool_metrics_follow_connections_held_and_released()
    {
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters("Npgsql");
        var pool = "pool-" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlDataSourceBuilder(postgres.ConnectionString.Replace("Pooling=false", "Pooling=true;Maximum Pool Size=5;Minimum Pool Size=0", StringComparison.Ordinal))
        {
            Name = pool,
        };
        await using var dataSource = builder.Build();

        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < 3; i++)
        {
            var connection = await dataSource.OpenConnectionAsync(Ct);
            await using (var command = new NpgsqlCommand("SELECT 1", connection))
            {
                Assert.Equal(1, await command.ExecuteScalarAsync(Ct));
            }

            held.Add(connection);
        }

        // Npgsql 9 publishes db.client.connections.* (ObservableUpDownCounter usage{state}, max) and db.client.commands.*.
        var whileHeld = Scrape.Text(registry);
        Assert.Equal(3, Usage(whileHeld, pool, "used"));
        Assert.Equal(0, Usage(whileHeld, pool, "idle"));
        Assert.Equal(5, Scrape.Value(whileHeld, "db_client_connections_max", ("pool_name", pool)));
        Assert.Equal(3, Scrape.Value(whileHeld, "db_client_commands_duration_seconds_count", ("pool_name", pool)));
        Assert.Equal(3, Scrape.Value(whileHeld, "db_client_connections_create_time_seconds_count", ("pool_name", pool)));
        Assert.Contains("# TYPE db_client_connections_usage gauge\n", whileHeld, StringComparison.Ordinal);
        ExternalTools.AssertPromtoolClean(whileHeld);

        await held[0].DisposeAsync();
        await held[1].DisposeAsync();
        var partly = Scrape.Text(registry);
        Assert.Equal(1, Usage(partly, pool, "used"));
        Assert.Equal(2, Usage(partly, pool, "idle"));

        await held[2].DisposeAsync();
        var released = Scrape.Text(registry);
        Assert.Equal(0, Usage(released, pool, "used"));
        Assert.Equal(3, Usage(released, pool, "idle"));
        Assert.Equal(5, Scrape.Value(released, "db_client_connections_max", ("pool_name", pool)));
    }

    private static double Usage(string text, string pool, string state)
        => Scrape.Value(text, "db_client_connections_usage", ("pool_name", pool), ("state", state));
}

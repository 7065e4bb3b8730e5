using System.Collections.Concurrent;
using Metrics.Generators;
using Metrics.Generators.AspNetCore;
using OrderSystem.Metrics;

namespace OrderSystem.Services;

/// <summary>
/// The inventory service: stock levels behind a one-second cache (the seed's hit/miss pair) and reservations.
/// </summary>
internal static class InventoryService
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);

    public static WebApplication Build(int port, MetricRegistry registry)
    {
        var app = ServiceApp.CreateBuilder(port, registry).Build();
        var stock = new ConcurrentDictionary<string, int>(StringComparer.Ordinal) { ["book"] = 1_000_000, ["pen"] = 1_000_000, ["lamp"] = 40 };
        var cache = new ConcurrentDictionary<string, (int Count, long Expires)>(StringComparer.Ordinal);
        var hits = new InventoryMetrics.CacheHits(registry);
        var misses = new InventoryMetrics.CacheMisses(registry);
        var reservations = new InventoryMetrics.Reservations(registry);
        var stockGauge = new InventoryMetrics.InventoryItems(registry);
        foreach (var item in stock.Keys)
        {
            // Read only when Prometheus scrapes: the gauge costs nothing between scrapes.
            var name = item;
            stockGauge.Bind(name).SetCallback(() => stock.TryGetValue(name, out var count) ? count : 0);
        }

        app.MapGet("/stock/{item}", async (string item, CancellationToken cancellationToken) =>
        {
            var now = Environment.TickCount64;
            if (cache.TryGetValue(item, out var cached) && cached.Expires > now)
            {
                hits.Inc("stock");
                return Results.Ok(new { item, available = cached.Count });
            }

            misses.Inc("stock");
            await Task.Delay(Random.Shared.Next(2, 6), cancellationToken);   // the stock table read
            if (!stock.TryGetValue(item, out var count))
            {
                return Results.NotFound();
            }

            cache[item] = (count, now + (long)CacheLifetime.TotalMilliseconds);
            return Results.Ok(new { item, available = count });
        });

        app.MapPost("/reserve", (ReserveRequest reserve) =>
        {
            while (stock.TryGetValue(reserve.Item, out var available))
            {
                if (available < reserve.Quantity)
                {
                    reservations.Inc(ReservationOutcome.OutOfStock);
                    return Results.Conflict(new { error = "out of stock", reserve.Item });
                }

                if (stock.TryUpdate(reserve.Item, available - reserve.Quantity, available))
                {
                    reservations.Inc(ReservationOutcome.Reserved);
                    return Results.Ok(new { reserved = reserve.Quantity });
                }
            }

            return Results.NotFound();
        });
        app.MapPrometheusMetrics();
        return app;
    }
}

/// <summary>The body of <c>POST /reserve</c>.</summary>
internal sealed record ReserveRequest(string Item, int Quantity);

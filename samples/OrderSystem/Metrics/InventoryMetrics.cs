using Metrics.Generators;

namespace OrderSystem.Metrics;

/// <summary>The inventory service's business metrics: the seed's cache hit/miss pair and the stock level.</summary>
public static partial class InventoryMetrics
{
    [Counter("cache_hits_total", Help = "Stock lookups answered from the cache.")]
    [Label<string>("cache", AllowedValues = ["stock"])]
    public static partial CacheHits Hits { get; }

    [Counter("cache_misses_total", Help = "Stock lookups that had to read the stock table.")]
    [Label<string>("cache", AllowedValues = ["stock"])]
    public static partial CacheMisses Misses { get; }

    [Gauge("inventory_items", Help = "Items in stock, read when /metrics is scraped.")]
    [Label<string>("item", AllowedValues = ["book", "pen", "lamp"])]
    public static partial InventoryItems Stock { get; }

    [Counter("inventory_reservations_total", Help = "Stock reservations by outcome.")]
    [Label<ReservationOutcome>("outcome")]
    public static partial Reservations Reserved { get; }
}

/// <summary>How a reservation ended.</summary>
public enum ReservationOutcome
{
    [LabelValue("reserved")] Reserved,
    [LabelValue("out_of_stock")] OutOfStock,
}

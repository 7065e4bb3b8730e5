using Metrics.Generators;

namespace OrderService;

/// <summary>How an order ended.</summary>
public enum OrderOutcome
{
    Created,
    Failed,
}

/// <summary>The HTTP methods the service labels; anything else is folded into <c>__overflow__</c>.</summary>
public enum HttpVerb
{
    [LabelValue("GET")] Get,
    [LabelValue("POST")] Post,
    [LabelValue("PUT")] Put,
    [LabelValue("DELETE")] Delete,
}

/// <summary>Every metric the order service exposes, declared once.</summary>
public static partial class ShopMetrics
{
    [Counter("orders_total", Help = "Orders by outcome.")]
    [Label<OrderOutcome>("status")]
    public static partial OrdersTotal Orders { get; }

    /// <summary>Orders currently being processed.</summary>
    [Gauge("orders_in_flight")]
    public static partial OrdersInFlight InFlight { get; }

    // A service answers with a handful of status codes: 20 leaves room and keeps the metric at
    // 5 × 51 × 21 = 5,355 series, inside the default MG2003 budget.
    [Counter("http_requests_total", Help = "HTTP requests by method, route template and status code.")]
    [Label<HttpVerb>("method"), Label<string>("route", MaxValues = 50), Label<string>("status", MaxValues = 20)]
    public static partial HttpRequests Requests { get; }

    // Buckets placed around the order path's expected 50-100 ms, with the 250 ms SLO an exact bound.
    [Histogram("http_request_duration_seconds", Help = "HTTP request latency by method and route template.", Unit = "seconds",
               Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], Slo = 0.25)]
    [Label<HttpVerb>("method"), Label<string>("route", MaxValues = 50)]
    public static partial RequestDuration Latency { get; }

    // One instance, and the sample shows every metric type: MG4002's advice (histograms aggregate across a fleet) does not apply.
#pragma warning disable MG4002
    [Summary("payment_duration_seconds", Help = "Time spent charging the payment provider.", Unit = "seconds",
             Quantiles = [0.5, 0.9, 0.99], MaxAgeSeconds = 300)]
    public static partial PaymentDuration Payment { get; }
#pragma warning restore MG4002

    [Gauge("inventory_items", Help = "Items in stock, read when /metrics is scraped.")]
    [Label<string>("item", AllowedValues = ["book", "pen", "lamp"])]
    public static partial InventoryItems Inventory { get; }
}

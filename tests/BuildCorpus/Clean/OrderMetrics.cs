using Metrics.Generators;

namespace Shop.Orders;

/// <summary>How an order ended.</summary>
public enum OrderOutcome
{
    Created,
    Rejected,
    [LabelValue("payment_failed")]
    PaymentFailed,
}

/// <summary>The payment providers we take money through.</summary>
public enum PaymentProvider { Card, Invoice, Wallet }

/// <summary>The database operations the repository times.</summary>
public enum DbOperation { Select, Insert, Update }

/// <summary>The order service's metrics, declared once; the generator implements them.</summary>
public static partial class OrderMetrics
{
    /// <summary>Orders placed, by outcome.</summary>
    [Counter("shop_orders_total")]
    [Label<OrderOutcome>("outcome")]
    public static partial OrdersPlaced Orders { get; }

    /// <summary>Order value taken, by payment provider.</summary>
    [Counter("shop_order_value_euros_total", Unit = "euros")]
    [Label<PaymentProvider>("provider")]
    public static partial OrderValue Revenue { get; }

    /// <summary>Time to place an order, end to end.</summary>
    [Histogram("shop_checkout_duration_seconds", Unit = "seconds", Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5])]
    public static partial CheckoutDuration Checkout { get; }

    /// <summary>Orders being placed right now.</summary>
    [Gauge("shop_checkouts_in_progress")]
    public static partial CheckoutsInProgress InProgress { get; }

    /// <summary>Database time, by operation and table.</summary>
    [Histogram("shop_db_operation_duration_seconds", Unit = "seconds")]
    [Label<DbOperation>("operation")]
    [Label<string>("table", AllowedValues = ["orders", "order_lines", "outbox"])]
    public static partial DbOperationDuration Database { get; }

    /// <summary>HTTP requests handled, by route template and status class.</summary>
    [Counter("shop_http_requests_total")]
    [Label<string>("route", MaxValues = 50)]
    [Label<string>("status_class", AllowedValues = ["2xx", "3xx", "4xx", "5xx"])]
    public static partial HttpRequests Requests { get; }

    /// <summary>Outbox messages waiting to be sent.</summary>
    [Gauge("shop_outbox_pending_messages")]
    public static partial OutboxPendingMessages OutboxPending { get; }

    /// <summary>Outbox messages sent, by whether the send was retried.</summary>
    [Counter("shop_outbox_sent_total")]
    [Label<bool>("retried")]
    public static partial OutboxMessagesSent OutboxSent { get; }

    /// <summary>Outbox send failures.</summary>
    [Counter("shop_outbox_failures_total")]
    public static partial OutboxSendFailures OutboxFailures { get; }
}

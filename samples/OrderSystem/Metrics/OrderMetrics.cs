using Metrics.Generators;

namespace OrderSystem.Metrics;

/// <summary>How an order ended.</summary>
public enum OrderOutcome
{
    [LabelValue("created")] Created,
    [LabelValue("failed")] Failed,
}

/// <summary>The order service's business metrics, declared once.</summary>
public static partial class OrderMetrics
{
    [Counter("orders_total", Help = "Orders by outcome.")]
    [Label<OrderOutcome>("status")]
    public static partial OrdersTotal Orders { get; }

    /// <summary>Orders currently being processed: a leading saturation signal.</summary>
    [Gauge("orders_in_flight")]
    public static partial OrdersInFlight InFlight { get; }

    // One order service instance, and the sample shows every metric type: MG4002's advice (histograms
    // aggregate across a fleet) does not apply.
#pragma warning disable MG4002
    [Summary("order_value_dollars", Help = "Value of created orders.", Unit = "dollars",
             Quantiles = [0.5, 0.9, 0.99], MaxAgeSeconds = 300)]
    public static partial OrderValue Value { get; }
#pragma warning restore MG4002
}

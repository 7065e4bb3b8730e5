using Metrics.Generators;

namespace Shop.Orders;

public enum OrderOutcome { Created, Rejected, Failed }

public enum PaymentProvider { Card, Invoice }

internal enum FraudVerdict { Clean, Suspicious }

/// <summary>The order service's metrics.</summary>
public static partial class ShopMetrics
{
    /// <summary>Orders placed, by outcome.</summary>
    [Counter("shop_orders_total", Help = "Orders placed, by outcome.")]
    [Label<OrderOutcome>("outcome")]
    public static partial OrdersPlaced Orders { get; }

    [Counter("order-count", Help = "Orders counted by the old dashboard.")] // expect: MG0001
    public static partial OrderCount LegacyOrders { get; }

    [Counter("shop:refunds_total", Help = "Refunds issued.")] // expect: MG1008
    [Label<PaymentProvider>("provider")]
    public static partial RefundsIssued Refunds { get; }

    [Counter("shop_payments_total", Help = "Payments taken.")]
    [Label<bool>("__retried")] // expect: MG0002
    [Label<PaymentProvider>("provider")]
    public static partial PaymentsTaken Payments { get; }

    [Counter("shop_cancellations_total", Help = "Orders cancelled.")]
    public static partial Cancellations Cancellations { get; } // expect: MG0004

    [Counter("shop_discounts_applied_total")]
    public static partial DiscountsApplied Discounts { get; } // expect: MG0005

    [Histogram("shop_checkout_duration_seconds", Help = "Checkout time.", Unit = "seconds", Buckets = [0.5, 0.1, 1, 0.25])] // expect: MG0006
    public static partial CheckoutDuration Checkout { get; }

    [Summary("shop_basket_size_items", Help = "Items per basket.", Quantiles = [0.5, 1.5])] // expect: MG0007
    public static partial BasketSize Baskets { get; } // expect: MG4002

    [Counter("shop_shipments_total", Help = "Shipments sent.")]
    [Label<PaymentProvider>("carrier")]
    [Label<OrderOutcome>("carrier")] // expect: MG0008
    public static partial ShipmentsSent Shipments { get; }

    [Counter("shop_stock_reservations_total", Help = "Stock reservations.")]
    [Gauge("shop_stock_reserved", Help = "Stock reserved now.")]
    public static partial StockReservations Reservations { get; } // expect: MG0009

    [Counter("shop_coupons_redeemed_total", Help = "Coupons redeemed.")]
    [Label<OrderOutcome>("outcome", MaxLength = 0)] // expect: MG0010
    public static partial CouponsRedeemed Coupons { get; }

    [Counter("shop_fraud_checks_total", Help = "Fraud checks.")]
    [Label<FraudVerdict>("verdict")] // expect: MG0011
    public static partial FraudChecks Fraud { get; }

    [Histogram("shop_payment_latency", Help = "Payment provider latency.", Unit = "seconds")] // expect: MG1003
    public static partial PaymentLatency PaymentTime { get; }

    [Counter("shop_orders_by_customer_total", Help = "Orders by customer.")]
    [Label<Guid>("customer")] // expect: MG2001
    public static partial OrdersByCustomer ByCustomer { get; }

    [Counter("shop_orders_total", Help = "Orders again, from the old module.")]
    public static partial OrdersFromLegacy OrdersAgain { get; } // expect: MG0003
}

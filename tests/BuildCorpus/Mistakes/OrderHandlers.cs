using Metrics.Generators;

namespace Shop.Orders;

public sealed record PlaceOrder(Guid CustomerId, decimal Total, PaymentProvider Provider);

/// <summary>The HTTP handlers of the order API.</summary>
public sealed class OrderHandlers(OrderRepository repository)
{
    public async Task<OrderOutcome> PlaceAsync(PlaceOrder command, CancellationToken cancellationToken)
    {
        OperationsMetrics.RequestsInFlight.Inc(); // expect: MG4004
        using var timer = ShopMetrics.Checkout.Time();
        try
        {
            await repository.SaveAsync(command, cancellationToken);
            ShopMetrics.Orders.Inc(OrderOutcome.Created);
            ShopMetrics.LegacyOrders.Inc();
            ShopMetrics.Payments.Inc(false, command.Provider);
            ShopMetrics.ByCustomer.Inc(command.CustomerId);
            ShopMetrics.Fraud.Inc(FraudVerdict.Clean);
            ShopMetrics.Baskets.Observe(3);
            OperationsMetrics.Requests.Observe(0.05, HttpVerb.Post, 201);
            return OrderOutcome.Created;
        }
        catch (Exception e)
        {
            OperationsMetrics.Errors.Inc(e.Message); // expect: MG2004
            ShopMetrics.Orders.Inc(OrderOutcome.Failed);
            return OrderOutcome.Failed;
        }
    }

    public void Refund(PaymentProvider provider, decimal amount)
    {
        ShopMetrics.Refunds.Inc(provider);
        ShopMetrics.Cancellations.Inc();
        ShopMetrics.Coupons.Bind(OrderOutcome.Rejected).Inc();
        ShopMetrics.Shipments.Inc(provider, OrderOutcome.Rejected);
        ShopMetrics.Reservations.Add(-1);
        ShopMetrics.Discounts.Add((double)amount);
        ShopMetrics.PaymentTime.Observe(0.2);
    }

    public void Search(string query, string tenant)
    {
        using var _ = OperationsMetrics.Searches.Bind(query, tenant).Time();
        OperationsMetrics.ApiCalls.Observe(0.01, HttpVerb.Get, "2xx");
        OperationsMetrics.LoginsByUser.Inc("anonymous");
    }

    public static void CountLegacyOrder()
    {
        var metric = new ShopMetrics.OrdersPlaced(MetricRegistry.Default); // expect: MG3001
        metric.Inc(OrderOutcome.Created);
    }
}

namespace Shop.Orders;

/// <summary>What a client asks for.</summary>
public sealed record PlaceOrderRequest(decimal Total, PaymentProvider Provider);

/// <summary>Places orders: validates, charges, stores, and counts each outcome once.</summary>
public sealed class OrderService(OrderRepository repository)
{
    public async Task<OrderOutcome> PlaceAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        using var inProgress = OrderMetrics.InProgress.TrackInProgress();
        using var timer = OrderMetrics.Checkout.Time();
        var outcome = request.Total <= 0 ? OrderOutcome.Rejected : await ChargeAsync(request, cancellationToken);
        if (outcome == OrderOutcome.Created)
        {
            await repository.InsertAsync(new Order(Guid.NewGuid(), request.Total, request.Provider, outcome), cancellationToken);
            OrderMetrics.Revenue.Add((double)request.Total, request.Provider);
        }

        OrderMetrics.Orders.Inc(outcome);
        return outcome;
    }

    private static async Task<OrderOutcome> ChargeAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return request.Provider == PaymentProvider.Wallet && request.Total > 1000 ? OrderOutcome.PaymentFailed : OrderOutcome.Created;
    }
}

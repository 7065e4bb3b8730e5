using System.Collections.Concurrent;

namespace Shop.Orders;

/// <summary>An order as stored.</summary>
public sealed record Order(Guid Id, decimal Total, PaymentProvider Provider, OrderOutcome Outcome);

/// <summary>Stores orders and the outbox; every database call is timed by operation and table.</summary>
public sealed class OrderRepository
{
    private readonly ConcurrentDictionary<Guid, Order> _orders = new();
    private readonly ConcurrentQueue<Guid> _outbox = new();

    public async Task InsertAsync(Order order, CancellationToken cancellationToken)
    {
        using (OrderMetrics.Database.Bind(DbOperation.Insert, "orders").Time())
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            _orders[order.Id] = order;
        }

        using (OrderMetrics.Database.Bind(DbOperation.Insert, "outbox").Time())
        {
            _outbox.Enqueue(order.Id);
        }
    }

    public Order? Find(Guid id)
    {
        using var _ = OrderMetrics.Database.Bind(DbOperation.Select, "orders").Time();
        return _orders.TryGetValue(id, out var order) ? order : null;
    }

    public bool TryDequeueOutbox(out Guid id)
    {
        using var _ = OrderMetrics.Database.Bind(DbOperation.Update, "outbox").Time();
        return _outbox.TryDequeue(out id);
    }

    public int OutboxCount => _outbox.Count;
}

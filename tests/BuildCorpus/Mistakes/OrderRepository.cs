namespace Shop.Orders;

/// <summary>Stores orders; the database calls are timed.</summary>
public sealed class OrderRepository
{
    private readonly List<PlaceOrder> _orders = [];
    private int _pending;

    public Task SaveAsync(PlaceOrder order, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_orders)
        {
            _orders.Add(order);
            _pending++;
        }

        OperationsMetrics.DbQueries.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task<double> CountPendingAsync() => Task.FromResult((double)Volatile.Read(ref _pending));

    public Task<int> SendPendingAsync(CancellationToken cancellationToken)
        => Task.FromResult(Interlocked.Exchange(ref _pending, 0));
}

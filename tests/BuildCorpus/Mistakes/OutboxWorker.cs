namespace Shop.Orders;

/// <summary>Sends the outbox in the background and reports its depth.</summary>
public sealed class OutboxWorker(OrderRepository repository)
{
    public void Start()
    {
        OperationsMetrics.Pending.SetCallback(() => repository.CountPendingAsync().Result); // expect: MG4005
        OperationsMetrics.Queue.SetCallback(() => 0);
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var inFlight = OperationsMetrics.Carts.TrackInProgress();
        var sent = await repository.SendPendingAsync(cancellationToken);
        OperationsMetrics.Sent.Add(sent);
        OperationsMetrics.Emails.Inc();
        OperationsMetrics.Webhooks.Inc();
        OperationsMetrics.Sessions.Inc();
        OperationsMetrics.Render.Observe(12);
        OperationsMetrics.CacheLookups.Observe(0.001);
    }
}

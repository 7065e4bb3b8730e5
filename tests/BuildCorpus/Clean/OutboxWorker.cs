using Microsoft.Extensions.Hosting;

namespace Shop.Orders;

/// <summary>Sends the outbox in the background; the pending count is read at scrape time, cheaply.</summary>
public sealed class OutboxWorker(OrderRepository repository) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        OrderMetrics.OutboxPending.SetCallback(() => repository.OutboxCount);
        while (!stoppingToken.IsCancellationRequested)
        {
            var retried = false;
            while (repository.TryDequeueOutbox(out _))
            {
                try
                {
                    await Task.Delay(1, stoppingToken);
                    OrderMetrics.OutboxSent.Inc(retried);
                }
                catch (Exception) when (!stoppingToken.IsCancellationRequested)
                {
                    OrderMetrics.OutboxFailures.Inc();
                    retried = true;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

using System.Threading.Channels;
using Metrics.Generators;
using Metrics.Generators.AspNetCore;
using OrderSystem.Metrics;

namespace OrderSystem.Services;

/// <summary>The notification service: accepts a notification at once and delivers it from a queue in the background.</summary>
internal static class NotificationService
{
    public static WebApplication Build(int port, MetricRegistry registry)
    {
        var builder = ServiceApp.CreateBuilder(port, registry);
        var queue = Channel.CreateBounded<NotifyRequest>(1_000);
        var sent = new NotificationMetrics.NotificationsSent(registry);
        var depth = new NotificationMetrics.QueueDepth(registry);
        builder.Services.AddHostedService(_ => new Deliverer(queue.Reader, sent, depth));
        var app = builder.Build();

        app.MapPost("/notify", async (NotifyRequest notification, CancellationToken cancellationToken) =>
        {
            depth.Inc();
            await queue.Writer.WriteAsync(notification, cancellationToken);
            return Results.Accepted();
        });
        app.MapPrometheusMetrics();
        return app;
    }

    private sealed class Deliverer(ChannelReader<NotifyRequest> queue, NotificationMetrics.NotificationsSent sent, NotificationMetrics.QueueDepth depth)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                await foreach (var notification in queue.ReadAllAsync(stoppingToken))
                {
                    try
                    {
                        await Task.Delay(5, stoppingToken);   // the mail/SMS gateway
                        sent.Inc(notification.Channel == "sms" ? NotificationChannel.Sms : NotificationChannel.Email);
                    }
                    finally
                    {
                        depth.Dec();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: undelivered notifications are dropped, as a real in-memory queue would.
            }
        }
    }
}

/// <summary>The body of <c>POST /notify</c>.</summary>
internal sealed record NotifyRequest(int OrderId, string Channel);

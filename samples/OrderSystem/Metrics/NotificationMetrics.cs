using Metrics.Generators;

namespace OrderSystem.Metrics;

/// <summary>The notification service's business metrics.</summary>
public static partial class NotificationMetrics
{
    [Counter("notifications_sent_total", Help = "Notifications sent by channel.")]
    [Label<NotificationChannel>("channel")]
    public static partial NotificationsSent Sent { get; }

    /// <summary>Notifications accepted but not yet delivered.</summary>
    [Gauge("notification_queue_depth")]
    public static partial QueueDepth Queue { get; }
}

/// <summary>Where a notification goes.</summary>
public enum NotificationChannel
{
    [LabelValue("email")] Email,
    [LabelValue("sms")] Sms,
}

namespace Metrics.Generators.OpenTelemetry.Tests;

public enum Checkout
{
    Paid,
    Declined,
}

/// <summary>What the web app of <see cref="PrometheusExporterTests"/> records: every kind, and the units OpenTelemetry renames.</summary>
public static partial class ShopTelemetry
{
    [Counter("otel_orders_total", Help = "Orders by outcome.")]
    [Label<Checkout>("outcome")]
    public static partial OrdersTotal Orders { get; }

    [Counter("otel_sent_bytes_total", Help = "Bytes sent.", Unit = "bytes")]
    public static partial SentBytes Sent { get; }

    [Gauge("otel_cart_bytes", Help = "Cart size.", Unit = "bytes")]
    [Label<string>("region", AllowedValues = ["eu", "us"])]
    public static partial CartBytes Cart { get; }

    [Gauge("otel_hit_ratio", Help = "Cache hit ratio.", Unit = "ratio")]
    public static partial HitRatio Hits { get; }

    [Histogram("otel_checkout_duration_seconds", Help = "Checkout latency.", Unit = "seconds", Buckets = [0.01, 0.1, 1])]
    [Label<Checkout>("outcome")]
    public static partial CheckoutDuration Checkouts { get; }

    [Summary("otel_payment_duration_seconds", Help = "Payment latency.", Unit = "seconds", Quantiles = [0.5])]
    public static partial PaymentDuration Payments { get; }
}

/// <summary>What <see cref="InMemoryExporterTests"/> records, apart from the web app's metrics (both live in MetricRegistry.Default).</summary>
public static partial class JobTelemetry
{
    [Counter("mem_jobs_total", Help = "Jobs by outcome.")]
    [Label<Checkout>("outcome")]
    public static partial JobsTotal Jobs { get; }

    [Gauge("mem_queue_depth", Help = "Jobs waiting.")]
    public static partial QueueDepth Depth { get; }

    [Histogram("mem_job_duration_seconds", Help = "Job duration.", Unit = "seconds", Buckets = [0.5, 1, 5])]
    [Label<Checkout>("outcome")]
    public static partial JobDuration Durations { get; }

    [Summary("mem_lock_wait_seconds", Help = "Lock waits.", Unit = "seconds")]
    public static partial LockWait Waits { get; }
}

namespace Metrics.Generators.Tests;

public enum OrderOutcome
{
    Created,
    Failed,
}

public enum HttpVerb
{
    Get,
    Post,
}

/// <summary>
/// design.md's ShopMetrics, compiled by the real generator (this project references it as an analyzer): the
/// allocation, concurrency, label and registry tests drive exactly the code a user's declaration gets.
/// </summary>
public static partial class ShopMetrics
{
    [Counter("orders_total", Help = "Orders by outcome")]
    [Label<OrderOutcome>("status")]
    public static partial OrdersTotal Orders { get; }

    /// <summary>HTTP request latency.</summary>
    [Histogram("http_request_duration_seconds", Unit = "seconds", Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], Slo = 0.25)]
    [Label<HttpVerb>("method"), Label<string>("route", MaxValues = 100)]
    public static partial RequestDuration Latency { get; }
}

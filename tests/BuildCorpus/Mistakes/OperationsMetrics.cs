using Metrics.Generators;

namespace Shop.Orders;

public enum HttpVerb { Get, Post, Put, Delete }

/// <summary>Metrics of the HTTP front and the background workers.</summary>
public static partial class OperationsMetrics
{
    [Histogram("shop_db_query_duration_milliseconds", Help = "Database query time.", Unit = "milliseconds")] // expect: MG1001
    public static partial DbQueryDuration DbQueries { get; }

    [Histogram("shop_cache_lookup_seconds", Help = "Cache lookup time.")] // expect: MG1002
    public static partial CacheLookup CacheLookups { get; }

    [Gauge("shop_open_carts_total", Help = "Carts open now.")] // expect: MG1004
    public static partial OpenCarts Carts { get; }

    [Counter("shop_emails_count", Help = "Emails sent.")] // expect: MG1006, MG1005
    public static partial EmailsSent Emails { get; }

    [Gauge("shop_queue_depth_gauge", Help = "Outbox queue depth.")] // expect: MG1007
    public static partial QueueDepth Queue { get; }

    [Counter("shopWebhooksTotal", Help = "Webhooks delivered.")] // expect: MG1009
    public static partial WebhooksDelivered Webhooks { get; }

    [Histogram("shop_render_ms", Help = "Page render time.")] // expect: MG1010
    public static partial RenderTime Render { get; }

    [Counter("shop_logins_total", Help = "Logins.")]
    [Label<string>("user_id", MaxValues = 1000)] // expect: MG2002
    public static partial Logins LoginsByUser { get; }

    [Counter("shop_active_sessions_total", Help = "Sessions active now.")] // expect: MG4001
    public static partial ActiveSessions Sessions { get; }

    [Histogram("shop_http_request_duration_seconds", Help = "HTTP request time.", Unit = "seconds")]
    [Label<HttpVerb>("method")]
    [Label<int>("status_code")] // expect: MG2001, MG4003
    public static partial HttpRequestDuration Requests { get; }

    [Histogram("shop_api_call_duration_seconds", Help = "Partner API call time.", Unit = "seconds")]
    [Label<HttpVerb>("method")]
    [Label<string>("status", AllowedValues = ["2xx", "4xx", "5xx"])] // expect: MG4003
    public static partial ApiCallDuration ApiCalls { get; }

    [Histogram("shop_search_duration_seconds", Help = "Search time.", Unit = "seconds")]
    [Label<string>("query", MaxValues = 5000)] // expect: MG2002
    [Label<string>("tenant", MaxValues = 200)]
    public static partial SearchDuration Searches { get; } // expect: MG2003

    [Counter("shop_errors_total", Help = "Errors by reason.")]
    [Label<string>("reason", MaxValues = 50)]
    public static partial ErrorsSeen Errors { get; }

    [Gauge("shop_requests_in_flight", Help = "Requests being handled.")]
    public static partial InFlight RequestsInFlight { get; }

    [Gauge("shop_outbox_pending", Help = "Outbox messages pending.")]
    public static partial OutboxPending Pending { get; }

    [Counter("shop_outbox_sent", Help = "Outbox messages sent.")] // expect: MG1005
    public static partial OutboxSent Sent { get; }
}

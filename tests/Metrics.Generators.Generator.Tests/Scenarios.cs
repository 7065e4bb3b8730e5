namespace Metrics.Generators.Generator.Tests;

/// <summary>
/// Scenarios are the declarations the golden, compile and caching tests share: one per kind of output, each
/// documented (the compilations diagnose missing XML docs, as a consumer with GenerateDocumentationFile does).
/// </summary>
internal static class Scenarios
{
    /// <summary>The enums the labeled scenarios use, including a <c>[LabelValue]</c>, an acronym and an alias.</summary>
    public const string Enums = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>How an order ended.</summary>
        public enum OrderOutcome
        {
            /// <summary>Created.</summary>
            Created,
            /// <summary>Failed.</summary>
            Failed,
            /// <summary>Timed out.</summary>
            [LabelValue("timeout")] TimedOut,
            /// <summary>An older name of <see cref="Failed"/>: same value, so it keeps Failed's label.</summary>
            Rejected = Failed,
        }

        /// <summary>HTTP methods.</summary>
        public enum HttpVerb
        {
            /// <summary>GET.</summary>
            Get,
            /// <summary>POST.</summary>
            Post,
            /// <summary>A made-up acronym member.</summary>
            HTTPPatch,
        }
        """;

    /// <summary>A counter without labels.</summary>
    public const string CounterWithoutLabels = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>Checkout metrics.</summary>
        public static partial class CheckoutMetrics
        {
            /// <summary>Checkouts started.</summary>
            [Counter("checkouts_total")]
            public static partial CheckoutsTotal Checkouts { get; }
        }
        """;

    /// <summary>The design's counter with an enum label.</summary>
    public const string CounterWithEnumLabel = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>Order metrics.</summary>
        public static partial class OrderMetrics
        {
            /// <summary>Orders.</summary>
            [Counter("orders_total", Help = "Orders by outcome")]
            [Label<OrderOutcome>("status")]
            public static partial OrdersTotal Orders { get; }
        }
        """;

    /// <summary>String labels bounded both ways: <c>MaxValues</c> and <c>AllowedValues</c>.</summary>
    public const string BoundedStringLabels = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>Traffic metrics.</summary>
        internal static partial class TrafficMetrics
        {
            [Counter("http_requests_total", Help = "HTTP requests by route and region.")]
            [Label<string>("route", MaxValues = 200)]
            [Label<string>("region", AllowedValues = ["eu-west", "us-east", ""])]
            internal static partial HttpRequestsTotal Requests { get; }
        }
        """;

    /// <summary>A bool label.</summary>
    public const string BoolLabel = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>Cache metrics.</summary>
        public static partial class CacheMetrics
        {
            /// <summary>Cache lookups.</summary>
            [Counter("cache_lookups_total", Help = "Cache lookups, by whether they hit.")]
            [Label<bool>("hit")]
            public static partial CacheLookupsTotal Lookups { get; }
        }
        """;

    /// <summary>A gauge with an enum label.</summary>
    public const string Gauge = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>Order metrics.</summary>
        public static partial class QueueMetrics
        {
            /// <summary>Orders being processed.</summary>
            [Gauge("orders_in_flight", Help = "Orders being processed, by the state they will end in.")]
            [Label<OrderOutcome>("outcome")]
            public static partial OrdersInFlight InFlight { get; }
        }
        """;

    /// <summary>The design's histogram: explicit buckets, SLO, help from the XML doc, enum and bounded string labels.</summary>
    public const string HistogramWithBuckets = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>HTTP metrics.</summary>
        public static partial class HttpMetrics
        {
            /// <summary>
            /// HTTP request latency, from the first byte read
            /// to the last byte written.
            /// </summary>
            [Histogram("http_request_duration_seconds", Unit = "seconds",
                       Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], Slo = 0.25)]
            [Label<HttpVerb>("method"), Label<string>("route", MaxValues = 200)]
            public static partial RequestDuration Latency { get; }
        }
        """;

    /// <summary>A histogram whose buckets come from a layout attribute, unlabeled.</summary>
    public const string HistogramWithLayout = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>Queue metrics.</summary>
        public static partial class WorkerMetrics
        {
            /// <summary>Time jobs wait in the queue.</summary>
            [Histogram("queue_wait_seconds", Unit = "seconds")]
            [LinearBuckets(0.1, 0.1, 5)]
            public static partial QueueWait Wait { get; }
        }
        """;

    /// <summary>A summary with quantiles and a window.</summary>
    public const string Summary = """
        using Metrics.Generators;

        namespace Shop;

        /// <summary>RPC metrics.</summary>
        public static partial class RpcMetrics
        {
            /// <summary>RPC latency.</summary>
            [Summary("rpc_duration_seconds", Help = "RPC latency by method.", Unit = "seconds",
                     Quantiles = [0.99, 0.5, 0.9], MaxAgeSeconds = 300, AgeBuckets = 3)]
            [Label<HttpVerb>("method")]
            public static partial RpcDuration Duration { get; }
        }
        """;

    /// <summary>Corners the catalogue and naming must survive: nesting, the global namespace, keywords, private metrics.</summary>
    public const string Corners = """
        using Metrics.Generators;

        /// <summary>In the global namespace.</summary>
        public partial class GlobalMetrics
        {
            /// <summary>Jobs.</summary>
            [Gauge("jobs_pending")]
            [Label<bool>("class"), Label<string>("value", AllowedValues = ["a"]), Label<string>("amount", MaxValues = 3)]
            public static partial JobsPending Pending { get; }

            /// <summary>Hidden from the catalogue: private.</summary>
            [Counter("private_events_total")]
            private static partial PrivateEvents Events { get; }

            /// <summary>Reads the private metric, so it is used.</summary>
            public static double EventCount => Events.Value;
        }

        namespace Shop.Deep
        {
            /// <summary>Outer.</summary>
            public partial record Outer
            {
                /// <summary>Inner.</summary>
                internal partial struct Inner
                {
                    /// <summary>Retries of nested work.</summary>
                    [Counter("nested_retries_total")]
                    [Label<string>("label_1"), Label<string>("Label1", AllowedValues = ["x"])]
                    internal static partial NestedRetries Retries { get; }
                }
            }
        }
        """;

    /// <summary>Every scenario, for whole-assembly tests.</summary>
    public static readonly string[] All =
    [
        Enums, CounterWithoutLabels, CounterWithEnumLabel, BoundedStringLabels, BoolLabel, Gauge,
        HistogramWithBuckets, HistogramWithLayout, Summary, Corners,
    ];
}

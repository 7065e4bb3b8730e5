using Metrics.Generators;

namespace Metrics.Generators.Benchmarks;

/// <summary>HttpMethod is the <c>method</c> label as a closed set: an enum whose label values are the HTTP verbs.</summary>
public enum HttpMethod
{
    /// <summary>GET.</summary>
    [LabelValue("GET")] Get,

    /// <summary>POST.</summary>
    [LabelValue("POST")] Post,
}

/// <summary>Route is the <c>route</c> label as a closed set, for the all-typed case.</summary>
public enum Route
{
    /// <summary>/orders/{id}.</summary>
    [LabelValue("/orders/{id}")] Order,

    /// <summary>/health.</summary>
    [LabelValue("/health")] Health,
}

/// <summary>Status is the <c>status</c> label as a closed set.</summary>
public enum Status
{
    /// <summary>200.</summary>
    [LabelValue("200")] Ok,

    /// <summary>500.</summary>
    [LabelValue("500")] Error,
}

/// <summary>
/// Labels is the one set of label values every library records with, so the cases compare the same work.
/// </summary>
public static class Labels
{
    /// <summary>The method label value.</summary>
    public const string Method = "GET";

    /// <summary>The route label value.</summary>
    public const string Route = "/orders/{id}";

    /// <summary>The status label value.</summary>
    public const string Status = "200";

    /// <summary>The observed histogram value (falls in the 0.25 bucket of the 11 default buckets).</summary>
    public const double Observation = 0.2;

    /// <summary>prometheus-net's 11 default buckets, used by every library's histogram.</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
}

/// <summary>OurMetrics declares this project's benchmark metrics; the generator emits their types.</summary>
public static partial class OurMetrics
{
    [Counter("bench_plain_total", Help = "Counter without labels.")]
    public static partial PlainTotal Plain { get; }

    [Counter("bench_typed_total", Help = "Counter with three enum labels.")]
    [Label<HttpMethod>("method"), Label<Route>("route"), Label<Status>("status")]
    public static partial TypedTotal Typed { get; }

    [Counter("bench_bounded_total", Help = "Counter with a bounded string route among enum labels.")]
    [Label<HttpMethod>("method"), Label<string>("route", MaxValues = 100), Label<Status>("status")]
    public static partial BoundedTotal Bounded { get; }

    [Histogram("bench_latency_seconds", Help = "Histogram with two labels and 11 buckets.", Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10])]
    [Label<HttpMethod>("method"), Label<string>("route", MaxValues = 100)]
    public static partial LatencySeconds Latency { get; }

    [Histogram("bench_typed_latency_seconds", Help = "Histogram with two enum labels and 11 buckets.", Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10])]
    [Label<HttpMethod>("method"), Label<Route>("route")]
    public static partial TypedLatencySeconds TypedLatency { get; }

    [Gauge("bench_in_flight", Help = "Gauge without labels.")]
    public static partial InFlight Gauge { get; }

    [Counter("bench_route_hits_total", Help = "One bounded string label with room for 100,000 values (new series, scrape, memory).")]
    [Label<string>("route", MaxValues = 100_000)]
    public static partial RouteHitsTotal RouteHits { get; }

    [Histogram("bench_route_latency_seconds", Help = "One bounded string label, 11 buckets (scrape).", Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10])]
    [Label<string>("route", MaxValues = 10_000)]
    public static partial RouteLatencySeconds RouteLatency { get; }
}

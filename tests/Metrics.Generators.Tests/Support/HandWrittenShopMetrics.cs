namespace Metrics.Generators.Tests.Support;

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
/// What the generator emits for design.md's ShopMetrics, written by hand against the runtime surface only, so the
/// runtime is tested through the same calls generated code makes while the generator is built elsewhere.
/// </summary>
public sealed class OrdersTotal
{
    public static readonly MetricDescriptor Descriptor = new(
        name: "orders_total", type: MetricType.Counter,
        help: "Orders by outcome", unit: null, labelNames: new[] { "status" });

    private static readonly FixedLabel s_status = new("status", "created", "failed");

    private readonly MetricFamily<CounterCell> _family;

    public OrdersTotal(MetricRegistry registry)
        => _family = registry.Register(new MetricFamily<CounterCell>(Descriptor, s_status));

    public void Inc(OrderOutcome status) => FamilyRecording.Inc(_family, SeriesIndex(status));

    public void Add(double amount, OrderOutcome status) => FamilyRecording.Add(_family, SeriesIndex(status), amount);

    public Series Bind(OrderOutcome status) => new(_family.GetOrAdd(SeriesIndex(status)));

    private static long SeriesIndex(OrderOutcome status) => StatusIndex(status);

    private static int StatusIndex(OrderOutcome value) => value switch
    {
        OrderOutcome.Created => 0,
        OrderOutcome.Failed => 1,
        _ => 2,
    };

    public readonly struct Series
    {
        private readonly CounterCell _cell;

        internal Series(CounterCell cell) => _cell = cell;

        public double Value => _cell.Value;

        public void Inc() => _cell.Inc();
    }
}

/// <summary>The generated shape of a histogram with an enum label and a bounded string label.</summary>
public sealed class RequestDuration
{
    public static readonly MetricDescriptor Descriptor = new(
        name: "http_request_duration_seconds", type: MetricType.Histogram,
        help: "HTTP request latency.", unit: "seconds", labelNames: new[] { "method", "route" },
        buckets: new[] { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5 }, slo: 0.25);

    private const int RouteCardinality = 201;

    private static readonly FixedLabel s_method = new("method", "get", "post");

    private readonly BoundedStringLabel _route = new("route", 200);
    private readonly MetricFamily<HistogramCell> _family;

    public RequestDuration(MetricRegistry registry)
        => _family = registry.Register(new MetricFamily<HistogramCell>(Descriptor, s_method, _route));

    public void Observe(double value, HttpVerb method, string? route)
        => _family.GetOrAdd(SeriesIndex(method, route)).Observe(value);

    public HistogramCell Bind(HttpVerb method, string? route) => _family.GetOrAdd(SeriesIndex(method, route));

    private long SeriesIndex(HttpVerb method, string? route) => ((long)MethodIndex(method) * RouteCardinality) + _route.IndexOf(route);

    private static int MethodIndex(HttpVerb value) => value switch
    {
        HttpVerb.Get => 0,
        HttpVerb.Post => 1,
        _ => 2,
    };
}

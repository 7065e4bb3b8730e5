using System.Buffers;
using System.Text;
using Metrics.Generators;

// Record a little of everything, then print both exposition formats separated by a marker line.
Shop.Orders.Inc(Outcome.Created);
Shop.Orders.Inc(Outcome.Created);
Shop.Orders.Inc(Outcome.Failed);
using (Shop.InFlight.TrackInProgress())
{
    // back to 0 on dispose
}

Shop.InFlight.Set(1);

Shop.Latency.Observe(0.042, "/orders/{id}");
Shop.Latency.Bind("/orders").Observe(0.3);
Shop.Payment.Observe(0.02);

var text = new ArrayBufferWriter<byte>();
MetricRegistry.Default.Write(text, ExpositionFormat.PrometheusText);
var openMetrics = new ArrayBufferWriter<byte>();
MetricRegistry.Default.Write(openMetrics, ExpositionFormat.OpenMetrics);
Console.Write(Encoding.UTF8.GetString(text.WrittenSpan));
Console.WriteLine("----");
Console.Write(Encoding.UTF8.GetString(openMetrics.WrittenSpan));

public enum Outcome
{
    Created,
    Failed,
}

// Never touched: it is in a scrape only if the catalogue registered it at start-up (MetricsGeneratorsRegisterDefaults).
public static partial class Untouched
{
    [Counter("consumer_untouched_total", Help = "Never recorded.")]
    public static partial UntouchedTotal Metric { get; }
}

public static partial class Shop
{
    [Counter("consumer_orders_total", Help = "Orders by outcome.")]
    [Label<Outcome>("status")]
    public static partial OrdersTotal Orders { get; }

    /// <summary>Orders being processed right now.</summary>
    [Gauge("consumer_orders_in_flight")]
    public static partial OrdersInFlight InFlight { get; }

    [Histogram("consumer_request_duration_seconds", Help = "Request latency.", Unit = "seconds", Buckets = [0.05, 0.1, 0.25, 0.5])]
    [Label<string>("route", MaxValues = 10)]
    public static partial RequestDuration Latency { get; }

    [Summary("consumer_payment_duration_seconds", Help = "Payment latency.", Unit = "seconds", Quantiles = [0.5, 0.99])]
    public static partial PaymentDuration Payment { get; }
}

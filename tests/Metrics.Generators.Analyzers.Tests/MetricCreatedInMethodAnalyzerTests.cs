using Verify = Metrics.Generators.Analyzers.Tests.AnalyzerVerifier<Metrics.Generators.Analyzers.MetricCreatedInMethodAnalyzer>;

namespace Metrics.Generators.Analyzers.Tests;

public class MetricCreatedInMethodAnalyzerTests
{
    // A minimal prometheus-net surface, so migration cases compile without the package.
    private const string PrometheusNetStub = """
        namespace Prometheus
        {
            public sealed class Counter { public void Inc() { } }
            public static class Metrics
            {
                public static Counter CreateCounter(string name, string help) => new Counter();
            }
        }
        """;

    [Fact]
    public async Task MeterInstrumentCreatedPerCall_IsReported()
    {
        await Verify.VerifyAsync("""
            using System.Diagnostics.Metrics;

            public static class Handler
            {
                private static readonly Meter s_meter = new("shop");

                public static void Handle()
                {
                    var orders = {|MG3002:s_meter.CreateCounter<long>("orders")|};
                    orders.Add(1);
                }
            }
            """);
    }

    [Fact]
    public async Task MeterAndInstrumentInStaticFields_AreNotReported()
    {
        await Verify.VerifyAsync("""
            using System.Diagnostics.Metrics;

            public static class Handler
            {
                private static readonly Meter s_meter = new("shop");
                private static readonly Counter<long> s_orders = s_meter.CreateCounter<long>("orders");

                public static void Handle() => s_orders.Add(1);
            }
            """);
    }

    [Fact]
    public async Task InstrumentCreatedInSingletonConstructor_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using System.Diagnostics.Metrics;

            public sealed class ShopMetrics
            {
                private readonly Counter<long> _orders;

                public ShopMetrics(IMeterFactory factory) => _orders = factory.Create("shop").CreateCounter<long>("orders");

                public void Order() => _orders.Add(1);
            }
            """);
    }

    [Fact]
    public async Task CreationInLoopInsideConstructor_IsReported()
    {
        await Verify.VerifyAsync("""
            using System.Diagnostics.Metrics;

            public sealed class ShopMetrics
            {
                public ShopMetrics(Meter meter)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        {|MG3002:meter.CreateCounter<long>("orders")|};
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task PrometheusNetCreateInHandler_IsReported()
    {
        await Verify.VerifyAsync(PrometheusNetStub + """

            public static class Handler
            {
                public static void Handle() => {|MG3002:Prometheus.Metrics.CreateCounter("orders_total", "Orders")|}.Inc();
            }
            """);
    }

    [Fact]
    public async Task PrometheusNetCreateInLambdaFieldInitializer_IsReported()
    {
        await Verify.VerifyAsync(PrometheusNetStub + """

            public static class Handler
            {
                public static readonly System.Action Handle = () => {|MG3002:Prometheus.Metrics.CreateCounter("orders_total", "Orders")|}.Inc();
            }
            """);
    }

    [Fact]
    public async Task PrometheusNetCreateInStaticField_IsNotReported()
    {
        await Verify.VerifyAsync(PrometheusNetStub + """

            public static class Handler
            {
                private static readonly Prometheus.Counter s_orders = Prometheus.Metrics.CreateCounter("orders_total", "Orders");

                public static void Handle() => s_orders.Inc();
            }
            """);
    }

    private const string GeneratedMetric = """
        using Metrics.Generators;

        public static partial class Shop
        {
            [Counter("orders_total", Help = "Orders.")]
            public static partial OrdersTotal Orders { get; }
        }

        """;

    [Fact]
    public async Task GeneratedMetricOnDefaultRegistryInMethod_IsReported()
    {
        await Verify.VerifyAsync(GeneratedMetric + """
            public static class Handler
            {
                public static void Handle() => {|MG3001:new Shop.OrdersTotal(MetricRegistry.Default)|}.Inc();
            }
            """);
    }

    [Fact]
    public async Task GeneratedMetricOnTestOwnedRegistry_IsNotReported()
    {
        await Verify.VerifyAsync(GeneratedMetric + """
            public static class OrdersTests
            {
                public static double CountsOneOrder()
                {
                    var registry = new MetricRegistry();
                    var orders = new Shop.OrdersTotal(registry);
                    orders.Inc();
                    return orders.Value;
                }
            }
            """);
    }

    [Fact]
    public async Task GeneratedMetricWithOverridesOnDefaultRegistryInMethod_IsReported()
    {
        await Verify.VerifyAsync(GeneratedMetric + """
            public static class Handler
            {
                public static void Handle() => {|MG3001:new Shop.OrdersTotal(MetricRegistry.Default, new MetricOverrides())|}.Inc();
            }
            """);
    }

    [Fact]
    public async Task GeneratedMetricWithOverridesOnItsOwnRegistry_IsNotReported()
    {
        // The README's overrides line: the two-argument constructor is judged by its registry, like the one-argument one.
        await Verify.VerifyAsync(GeneratedMetric + """
            public static class OrdersTests
            {
                public static double CountsOneOrder()
                {
                    var orders = new Shop.OrdersTotal(new MetricRegistry(), new MetricOverrides());
                    orders.Inc();
                    return orders.Value;
                }
            }
            """);
    }

    [Fact]
    public async Task EmptySource_ReportsNothing()
    {
        await Verify.VerifyAsync(string.Empty);
    }
}

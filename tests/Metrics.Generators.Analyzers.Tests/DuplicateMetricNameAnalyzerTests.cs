using Verify = Metrics.Generators.Analyzers.Tests.AnalyzerVerifier<Metrics.Generators.Analyzers.DuplicateMetricNameAnalyzer>;

namespace Metrics.Generators.Analyzers.Tests;

public class DuplicateMetricNameAnalyzerTests
{
    [Fact]
    public Task SameNameInTwoClasses_ReportsTheLaterDeclaration() => Verify.VerifyAsync("""
        using Metrics.Generators;

        public static partial class Shop
        {
            [Counter("orders_total", Help = "Orders.")]
            public static partial OrdersTotal Orders { get; }
        }

        public static partial class Billing
        {
            [Counter("orders_total", Help = "Orders again.")]
            public static partial OrdersTotal {|MG0003:Orders|} { get; }
        }
        """);

    [Fact]
    public Task CounterWithAndWithoutTotal_AreOneFamily() => Verify.VerifyAsync("""
        using Metrics.Generators;

        public static partial class Shop
        {
            [Counter("orders_total", Help = "Orders.")]
            public static partial OrdersTotal Orders { get; }

            [Counter("orders", Help = "Orders, declared twice.")]
            public static partial OrdersAgain {|MG0003:Again|} { get; }
        }
        """);

    [Fact]
    public Task DistinctNames_ReportNothing() => Verify.VerifyAsync("""
        using Metrics.Generators;

        public static partial class Shop
        {
            [Counter("orders_total", Help = "Orders.")]
            public static partial OrdersTotal Orders { get; }

            [Gauge("orders_in_flight", Help = "Orders being processed.")]
            public static partial OrdersInFlight InFlight { get; }
        }
        """);
}

using Verify = Metrics.Generators.Analyzers.Tests.AnalyzerVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer>;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// One bad and one good declaration per rule the shared reader reports. The generator runs in these tests,
/// so a good declaration also proves the analyzer is quiet on the compilation a real build sees.
/// </summary>
public class DeclarationAnalyzerTests
{
    private const string Usings = """
        using Metrics.Generators;

        public enum Outcome { Created, Failed }

        """;

    private static Task VerifyAsync(string members) => Verify.VerifyAsync(Usings + "public static partial class Shop\n{\n" + members + "\n}\n");

    // The generator skips declarations it cannot implement, so the compiler adds its own errors (CS0246, CS9248)
    // after ours; these tests pin our diagnostic and leave the compiler's aside.
    private static Task VerifySkippedAsync(string members) => Verify.VerifyIgnoringCompilerErrorsAsync(Usings + "public static partial class Shop\n{\n" + members + "\n}\n");

    [Fact]
    public Task GoodDeclarations_ReportNothing() => VerifyAsync("""
            [Counter("orders_total", Help = "Orders by outcome.")]
            [Label<Outcome>("status"), Label<bool>("retried"), Label<string>("region", AllowedValues = ["eu", "us"])]
            public static partial OrdersTotal Orders { get; }

            /// <summary>Orders being processed.</summary>
            [Gauge("orders_in_flight")]
            public static partial OrdersInFlight InFlight { get; }

            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.25, 0.5], Slo = 0.25)]
            [Label<string>("route", MaxValues = 100)]
            public static partial RequestDuration Latency { get; }

            [Summary("payment_duration_seconds", Help = "Payment latency.", Unit = "seconds", Quantiles = [0.5, 0.99])]
            public static partial PaymentDuration {|MG4002:Payment|} { get; }
            """);

    [Fact]
    public Task InvalidMetricName_IsMG0001() => VerifySkippedAsync("""
            [Counter({|MG0001:"orders-total"|}, Help = "Orders.")]
            public static partial OrdersTotal Orders { get; }
            """);

    [Fact]
    public Task ReservedLabelName_IsMG0002() => VerifySkippedAsync("""
            [Counter("orders_total", Help = "Orders.")]
            [Label<Outcome>({|MG0002:"__status"|})]
            public static partial OrdersTotal Orders { get; }
            """);

    [Fact]
    public Task PropertyWithSetter_IsMG0004() => VerifySkippedAsync("""
            [Counter("orders_total", Help = "Orders.")]
            public static partial OrdersTotal {|MG0004:Orders|} { get; set; }
            """);

    [Fact]
    public Task MissingHelp_IsMG0005() => VerifyAsync("""
            [Counter("orders_total")]
            public static partial OrdersTotal {|MG0005:Orders|} { get; }
            """);

    [Fact]
    public Task UnsortedBuckets_IsMG0006() => VerifyAsync("""
            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", {|MG0006:Buckets = [0.5, 0.1]|})]
            public static partial RequestDuration Latency { get; }
            """);

    [Fact]
    public Task SloOutsideBuckets_IsMG0006() => VerifyAsync("""
            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.5], {|MG0006:Slo = 0.3|})]
            public static partial RequestDuration Latency { get; }
            """);

    [Fact]
    public Task QuantileOutOfRange_IsMG0007() => VerifyAsync("""
            [Summary("payment_duration_seconds", Help = "Payment latency.", Unit = "seconds", {|MG0007:Quantiles = [0.5, 1.5]|})]
            public static partial PaymentDuration {|MG4002:Payment|} { get; }
            """);

    [Fact]
    public Task DuplicateLabel_IsMG0008() => VerifySkippedAsync("""
            [Counter("orders_total", Help = "Orders.")]
            [Label<Outcome>("status"), Label<bool>({|MG0008:"status"|})]
            public static partial OrdersTotal Orders { get; }
            """);

    [Fact]
    public Task TwoMetricAttributes_IsMG0009() => VerifySkippedAsync("""
            [Counter("orders_total", Help = "Orders.")]
            [Gauge("orders", Help = "Orders.")]
            public static partial OrdersTotal {|MG0009:Orders|} { get; }
            """);

    [Fact]
    public Task MillisecondsUnit_IsMG1001() => VerifyAsync("""
            [Histogram("request_duration_milliseconds", Help = "Latency.", {|MG1001:Unit = "milliseconds"|}, Buckets = [100, 250])]
            public static partial RequestDuration Latency { get; }
            """);

    [Fact]
    public Task UnitSuffixWithoutUnit_IsMG1002() => VerifyAsync("""
            [Histogram({|MG1002:"request_duration_seconds"|}, Help = "Latency.")]
            public static partial RequestDuration Latency { get; }
            """);

    [Fact]
    public Task UnitNotInName_IsMG1003() => VerifyAsync("""
            [Histogram({|MG1003:"request_duration"|}, Help = "Latency.", Unit = "seconds")]
            public static partial RequestDuration Latency { get; }
            """);

    [Fact]
    public Task UnboundedStringLabel_IsMG2001() => VerifyAsync("""
            [Counter("orders_total", Help = "Orders.")]
            [{|MG2001:Label<string>("customer")|}]
            public static partial OrdersTotal Orders { get; }
            """);

    [Fact]
    public Task GuidLabel_IsMG2001() => VerifySkippedAsync("""
            [Counter("orders_total", Help = "Orders.")]
            [{|MG2001:Label<System.Guid>("order")|}]
            public static partial OrdersTotal Orders { get; }
            """);
}

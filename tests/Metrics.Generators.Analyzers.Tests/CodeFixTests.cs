using AddTotal = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer, Metrics.Generators.Analyzers.AddTotalSuffixCodeFix>;
using BaseUnit = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer, Metrics.Generators.Analyzers.UseBaseUnitCodeFix>;
using InFlight = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.InFlightGaugeAnalyzer, Metrics.Generators.Analyzers.InFlightGaugeCodeFix>;
using MoveToField = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.MetricCreatedInMethodAnalyzer, Metrics.Generators.Analyzers.MoveCreationToStaticFieldCodeFix>;
using SortBuckets = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer, Metrics.Generators.Analyzers.SortBucketsCodeFix>;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>Each code fix: applied to a bad declaration, the result compiles and the rule is gone.</summary>
public class CodeFixTests
{
    private const string Usings = """
        using Metrics.Generators;

        public enum Outcome { Created, Failed }

        """;

    private static string Shop(string members) => Usings + "public static partial class Shop\n{\n" + members + "\n}\n";

    [Fact]
    public Task CounterWithoutTotal_GetsTheSuffix() => AddTotal.VerifyAsync(
        Shop("""
            [Counter({|MG1005:"orders"|}, Help = "Orders.")]
            [Label<Outcome>("status")]
            public static partial OrdersPlaced Orders { get; }
        """),
        Shop("""
            [Counter("orders_total", Help = "Orders.")]
            [Label<Outcome>("status")]
            public static partial OrdersPlaced Orders { get; }
        """));

    [Fact]
    public Task MillisecondsUnit_BecomesSecondsInNameAndUnit() => BaseUnit.VerifyAsync(
        Shop("""
            [Histogram("request_duration_milliseconds", Help = "Latency.", {|MG1001:Unit = "milliseconds"|}, Buckets = [0.1, 0.25])]
            public static partial RequestDuration Latency { get; }
        """),
        Shop("""
            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.25])]
            public static partial RequestDuration Latency { get; }
        """));

    [Fact]
    public Task ScaledUnitInNameWithoutUnit_IsRenamedAndDeclared() => BaseUnit.VerifyAsync(
        Shop("""
            [Gauge({|MG1001:"cache_kilobytes"|}, Help = "Cache size.")]
            public static partial CacheSize Cache { get; }
        """),
        Shop("""
            [Gauge("cache_bytes", Help = "Cache size.", Unit = "bytes")]
            public static partial CacheSize Cache { get; }
        """));

    [Fact]
    public Task UnsortedBuckets_AreSortedAndDeduplicated() => SortBuckets.VerifyAsync(
        Shop("""
            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", {|MG0006:Buckets = [0.5, 0.1, 0.25, 0.1]|})]
            public static partial RequestDuration Latency { get; }
        """),
        Shop("""
            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.25, 0.5])]
            public static partial RequestDuration Latency { get; }
        """));

    [Fact]
    public Task SloOutsideBuckets_HasNoSortFix() => SortBuckets.VerifyNoFixAsync(
        Shop("""
            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.5], {|MG0006:Slo = 0.3|})]
            public static partial RequestDuration Latency { get; }
        """));

    private const string Gauges = """
        using System;
        using Metrics.Generators;

        public static partial class Shop
        {
            [Gauge("requests_in_flight", Help = "Requests being served.")]
            public static partial InFlightGauge InFlight { get; }
        }

        """;

    [Fact]
    public Task IncWithoutDec_BecomesTrackInProgress() => InFlight.VerifyAsync(
        Gauges + """
        public static class Handler
        {
            public static void Handle(Action work)
            {
                {|MG4004:Shop.InFlight.Inc()|};
                work();
            }
        }
        """,
        Gauges + """
        public static class Handler
        {
            public static void Handle(Action work)
            {
                using var _ = Shop.InFlight.TrackInProgress();
                work();
            }
        }
        """);

    [Fact]
    public Task IncThenDec_MovesDecIntoFinally() => InFlight.VerifyAsync(
        Gauges + """
        public static class Handler
        {
            public static void Handle(Action work)
            {
                {|MG4004:Shop.InFlight.Inc()|};
                work();
                work();
                Shop.InFlight.Dec();
            }
        }
        """,
        Gauges + """
        public static class Handler
        {
            public static void Handle(Action work)
            {
                Shop.InFlight.Inc();
                try
                {
                    work();
                    work();
                }
                finally
                {
                    Shop.InFlight.Dec();
                }
            }
        }
        """);

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
    public Task PrometheusNetCreationInHandler_MovesToAStaticField() => MoveToField.VerifyAsync(
        PrometheusNetStub + """
        public static class Handler
        {
            public static void Handle() => {|MG3002:Prometheus.Metrics.CreateCounter("orders_total", "Orders")|}.Inc();
        }
        """,
        PrometheusNetStub + """
        public static class Handler
        {
            private static readonly Prometheus.Counter s_ordersTotal = Prometheus.Metrics.CreateCounter("orders_total", "Orders");

            public static void Handle() => s_ordersTotal.Inc();
        }
        """);

    [Fact]
    public Task MeterInstrumentInMethod_MovesAfterTheMeterField() => MoveToField.VerifyAsync(
        """
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
        """,
        """
        using System.Diagnostics.Metrics;

        public static class Handler
        {
            private static readonly Meter s_meter = new("shop");
            private static readonly Counter<long> s_orders = s_meter.CreateCounter<long>("orders");

            public static void Handle()
            {
                var orders = s_orders;
                orders.Add(1);
            }
        }
        """);

    [Fact]
    public Task CreationFromAParameter_IsNotMoved() => MoveToField.VerifyNoFixAsync(
        """
        using System.Diagnostics.Metrics;

        public static class Handler
        {
            public static void Handle(Meter meter) => {|MG3002:meter.CreateCounter<long>("orders")|}.Add(1);
        }
        """);
}

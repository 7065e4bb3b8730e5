using AddTotal = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer, Metrics.Generators.Analyzers.AddTotalSuffixCodeFix>;
using BaseUnit = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer, Metrics.Generators.Analyzers.UseBaseUnitCodeFix>;
using InFlight = Metrics.Generators.Analyzers.Tests.CodeFixVerifier<Metrics.Generators.Analyzers.InFlightGaugeAnalyzer, Metrics.Generators.Analyzers.InFlightGaugeCodeFix>;
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
}

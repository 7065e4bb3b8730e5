using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// The call-site rules MG4004 (in-flight gauge without a decrement in finally) and MG4005 (blocking work in a
/// scrape callback); MG2004 is in UnboundedLabelSourceTests. The generator runs, so the calls are on
/// the real generated types.
/// </summary>
public class UsageAnalyzerTests
{
    internal const string Metrics = """
        using System;
        using Metrics.Generators;

        public enum Verb { Get, Post }

        public static partial class Shop
        {
            [Counter("http_requests_total", Help = "Requests.")]
            [Label<Verb>("method"), Label<string>("route", MaxValues = 50)]
            public static partial HttpRequests Requests { get; }

            [Counter("errors_total", Help = "Errors.")]
            [Label<string>("reason", MaxValues = 20)]
            public static partial Errors ErrorsSeen { get; }

            [Gauge("requests_in_flight", Help = "Requests being served.")]
            public static partial InFlightGauge InFlight { get; }

            [Gauge("stock_items", Help = "Items in stock.")]
            public static partial StockGauge Stock { get; }

            [Gauge("queue_jobs", Help = "Jobs queued, read at scrape time.")]
            public static partial QueueGauge Queue { get; }
        }

        """;

    [Fact]
    public Task IncWithDecNotInFinally_IsMG4004() => VerifyAsync<InFlightGaugeAnalyzer>(
        Metrics + """
        public static class Handler
        {
            public static void Handle(Action work)
            {
                {|#0:Shop.Stock.Inc()|};
                work();
                Shop.Stock.Dec();
            }
        }
        """,
        new DiagnosticResult("MG4004", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("stock_items"));

    [Fact]
    public Task InFlightGaugeIncWithoutDec_IsMG4004() => VerifyAsync<InFlightGaugeAnalyzer>(
        Metrics + """
        public static class Handler
        {
            public static void Start() => {|#0:Shop.InFlight.Inc()|};
        }
        """,
        new DiagnosticResult("MG4004", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("requests_in_flight"));

    [Fact]
    public Task DecInFinallyOrTrackInProgress_IsNotReported() => VerifyAsync<InFlightGaugeAnalyzer>(
        Metrics + """
        public static class Handler
        {
            public static void Handle(Action work)
            {
                Shop.InFlight.Inc();
                try { work(); }
                finally { Shop.InFlight.Dec(); }

                using (Shop.InFlight.TrackInProgress()) { work(); }
            }

            // A stock level goes up here and down elsewhere by design.
            public static void Restock() => Shop.Stock.Inc();
        }
        """);

    [Theory]
    [InlineData("() => LoadAsync().Result", ".Result")]
    [InlineData("() => LoadAsync().GetAwaiter().GetResult()", "GetAwaiter().GetResult()")]
    [InlineData("() => { System.Threading.Thread.Sleep(10); return 1; }", "Thread.Sleep")]
    [InlineData("() => { LoadAsync().Wait(); return 1; }", ".Wait()")]
    public Task BlockingCallback_IsMG4005(string callback, string what)
    {
        var marked = what switch
        {
            ".Result" => callback.Replace("LoadAsync().Result", "{|#0:LoadAsync().Result|}", StringComparison.Ordinal),
            "GetAwaiter().GetResult()" => callback.Replace("LoadAsync().GetAwaiter().GetResult()", "{|#0:LoadAsync().GetAwaiter().GetResult()|}", StringComparison.Ordinal),
            "Thread.Sleep" => callback.Replace("System.Threading.Thread.Sleep(10)", "{|#0:System.Threading.Thread.Sleep(10)|}", StringComparison.Ordinal),
            _ => callback.Replace("LoadAsync().Wait()", "{|#0:LoadAsync().Wait()|}", StringComparison.Ordinal),
        };
        return VerifyAsync<BlockingCallbackAnalyzer>(
            Metrics + $$"""
            public static class Startup
            {
                private static System.Threading.Tasks.Task<double> LoadAsync() => System.Threading.Tasks.Task.FromResult(1.0);

                public static void Configure() => Shop.Queue.SetCallback({{marked}});
            }
            """,
            new DiagnosticResult("MG4005", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("queue_jobs", what));
    }

    [Fact]
    public Task CheapCallback_IsNotReported() => VerifyAsync<BlockingCallbackAnalyzer>(
        Metrics + """
        public static class Startup
        {
            private static double s_depth;

            public static void Configure() => Shop.Queue.SetCallback(() => System.Threading.Volatile.Read(ref s_depth));
        }
        """);

    private static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => AnalyzerVerifier<TAnalyzer>.VerifyAsync(source, expected);
}

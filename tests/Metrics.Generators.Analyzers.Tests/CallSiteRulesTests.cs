using Metrics.Generators.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// The call-site rules added for issue 12: MG4006 (Time()/TrackInProgress() handle not disposed on every path),
/// MG4007 (a value in the wrong unit), and MG4005 followed through method groups and local functions.
/// </summary>
public class CallSiteRulesTests
{
    private const string Metrics = """
        using System;
        using System.Diagnostics;
        using Metrics.Generators;

        public enum Verb { Get, Post }

        public static partial class Shop
        {
            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.25])]
            public static partial RequestDuration Duration { get; }

            [Histogram("payload_size_bytes", Help = "Payload size.", Unit = "bytes", Buckets = [1024, 65536])]
            public static partial PayloadSize Payload { get; }

            [Gauge("queue_wait_seconds", Help = "Oldest job's wait.", Unit = "seconds")]
            public static partial QueueWait Wait { get; }

            [Histogram("batch_items", Help = "Items per batch.", Buckets = [1, 10])]
            public static partial BatchItems Batch { get; }

            [Gauge("requests_in_flight", Help = "Requests being served.")]
            public static partial InFlightGauge InFlight { get; }

            [Gauge("queue_jobs", Help = "Jobs queued, read at scrape time.")]
            public static partial QueueGauge Queue { get; }
        }

        """;

    // MG4007 -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("sw.ElapsedMilliseconds", "milliseconds (Stopwatch.ElapsedMilliseconds)", "record stopwatch.Elapsed.TotalSeconds")]
    [InlineData("sw.ElapsedTicks", "Stopwatch ticks (Stopwatch.ElapsedTicks)", "record stopwatch.Elapsed.TotalSeconds")]
    [InlineData("sw.Elapsed.TotalMilliseconds", "milliseconds (TimeSpan.TotalMilliseconds)", "record TimeSpan.TotalSeconds")]
    [InlineData("span.Milliseconds", "milliseconds (TimeSpan.Milliseconds)", "record TimeSpan.TotalSeconds")]
    [InlineData("span.Ticks", "100-nanosecond ticks (TimeSpan.Ticks)", "record TimeSpan.TotalSeconds")]
    [InlineData("Environment.TickCount64 - startTicks", "a difference of Environment.TickCount values (milliseconds)", "divide it by 1000.0")]
    [InlineData("Environment.TickCount - (int)startTicks", "a difference of Environment.TickCount values (milliseconds)", "divide it by 1000.0")]
    [InlineData("Stopwatch.GetTimestamp() - startTimestamp", "a difference of Stopwatch.GetTimestamp() values (Stopwatch ticks)", "record Stopwatch.GetElapsedTime(start).TotalSeconds or divide by Stopwatch.Frequency")]
    [InlineData("elapsedMs", "named in milliseconds ('elapsedMs')", "divide it by 1000.0")]
    public Task MillisecondsIntoSeconds_IsMG4007(string value, string what, string fix) => VerifyAsync<UnitMismatchAnalyzer>(
        Metrics + $$"""
        public static class Handler
        {
            public static void Handle(Stopwatch sw, TimeSpan span, long startTicks, long startTimestamp, double elapsedMs)
                => Shop.Duration.Observe({|#0:{{value}}|});
        }
        """,
        Expected("MG4007", 0, "request_duration_seconds", "seconds", what, fix));

    [Fact]
    public Task WrongUnitThroughALocalAndOnAGauge_IsMG4007() => VerifyAsync<UnitMismatchAnalyzer>(
        Metrics + """
        public static class Handler
        {
            public static void Handle(Action work)
            {
                var start = Stopwatch.GetTimestamp();
                work();
                var elapsed = Stopwatch.GetTimestamp() - start;
                Shop.Duration.Observe({|#0:elapsed|});

                var began = Environment.TickCount64;
                work();
                Shop.Wait.Set({|#1:Environment.TickCount64 - began|});
            }
        }
        """,
        Expected("MG4007", 0, "request_duration_seconds", "seconds", "a difference of Stopwatch.GetTimestamp() values (Stopwatch ticks)", "record Stopwatch.GetElapsedTime(start).TotalSeconds or divide by Stopwatch.Frequency"),
        Expected("MG4007", 1, "queue_wait_seconds", "seconds", "a difference of Environment.TickCount values (milliseconds)", "divide it by 1000.0"));

    [Theory]
    [InlineData("length / 1024", "a byte count divided into kilobytes", "record the bytes themselves; the base unit is bytes")]
    [InlineData("length / 1000.0", "a byte count divided into kilobytes", "record the bytes themselves; the base unit is bytes")]
    [InlineData("length >> 10", "a byte count divided into kilobytes", "record the bytes themselves; the base unit is bytes")]
    [InlineData("sizeKb", "named in kilobytes ('sizeKb')", "multiply it by 1024 or record the byte count")]
    [InlineData("file.SizeInKilobytes", "named in kilobytes ('SizeInKilobytes')", "multiply it by 1024 or record the byte count")]
    public Task KilobytesIntoBytes_IsMG4007(string value, string what, string fix) => VerifyAsync<UnitMismatchAnalyzer>(
        Metrics + $$"""
        public sealed class FileInfoLike { public double SizeInKilobytes { get; set; } }

        public static class Handler
        {
            public static void Handle(long length, double sizeKb, FileInfoLike file)
                => Shop.Payload.Observe({|#0:{{value}}|});
        }
        """,
        Expected("MG4007", 0, "payload_size_bytes", "bytes", what, fix));

    [Fact]
    public Task ConvertedValuesAndOtherUnits_AreNotReported() => VerifyAsync<UnitMismatchAnalyzer>(
        Metrics + """
        public static class Handler
        {
            public static void Handle(Stopwatch sw, TimeSpan span, long startTimestamp, long length, int items, double elapsedMs)
            {
                Shop.Duration.Observe(sw.Elapsed.TotalSeconds);
                Shop.Duration.Observe(sw.ElapsedMilliseconds / 1000.0);
                Shop.Duration.Observe(span.TotalSeconds);
                Shop.Duration.Observe(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
                Shop.Duration.Observe((double)(Stopwatch.GetTimestamp() - startTimestamp) / Stopwatch.Frequency);
                Shop.Duration.Observe(elapsedMs / 1000.0);
                Shop.Payload.Observe(length);
                Shop.Payload.Observe(length * 2);
                // Not a unit-bearing metric: counts are whatever they are.
                Shop.Batch.Observe(sw.ElapsedMilliseconds);
                Shop.Batch.Observe(length / 1024);

                var seconds = sw.Elapsed.TotalSeconds;
                Shop.Duration.Observe(seconds);
                var reassigned = (double)sw.ElapsedMilliseconds;
                reassigned = span.TotalSeconds;
                Shop.Duration.Observe(reassigned);
            }
        }
        """);

    // MG4006 -------------------------------------------------------------------------------------------------

    [Fact]
    public Task DiscardedOrUndisposedHandles_AreMG4006() => VerifyAsync<UndisposedHandleAnalyzer>(
        Metrics + """
        public static class Handler
        {
            public static void Discarded(Action work)
            {
                {|#0:Shop.Duration.Time()|};
                _ = {|#1:Shop.InFlight.TrackInProgress()|};
                work();
            }

            public static void NeverDisposed(Action work)
            {
                var timer = {|#2:Shop.Duration.Time()|};
                work();
            }

            public static void DisposedOutsideFinally(Action work)
            {
                var tracker = {|#3:Shop.InFlight.TrackInProgress()|};
                work();
                tracker.Dispose();
            }
        }
        """,
        Expected("MG4006", 0, "Time", "request_duration_seconds", "discarded and never disposed", "no duration is recorded when it is skipped"),
        Expected("MG4006", 1, "TrackInProgress", "requests_in_flight", "discarded and never disposed", "the gauge stays too high when it is skipped"),
        Expected("MG4006", 2, "Time", "request_duration_seconds", "never disposed", "no duration is recorded when it is skipped"),
        Expected("MG4006", 3, "TrackInProgress", "requests_in_flight", "disposed outside a finally block, which an exception skips", "the gauge stays too high when it is skipped"));

    [Fact]
    public Task HandlesDisposedOnEveryPathOrHandedOn_AreNotReported() => VerifyAsync<UndisposedHandleAnalyzer>(
        Metrics + """
        public sealed class Job : IDisposable
        {
            private InProgressTracker _tracker;

            public static InProgressTracker Start() => Shop.InFlight.TrackInProgress();

            public static HistogramTimer StartTimer()
            {
                var timer = Shop.Duration.Time();
                return timer;
            }

            public void Begin() => _tracker = Shop.InFlight.TrackInProgress();

            public void Dispose() => _tracker.Dispose();

            public static void Using(Action work)
            {
                using var _ = Shop.Duration.Time();
                using (Shop.InFlight.TrackInProgress()) { work(); }
                var kept = Shop.InFlight.TrackInProgress();
                using (kept) { work(); }
            }

            public static void Finally(Action work)
            {
                var timer = Shop.Duration.Time();
                try { work(); }
                finally { timer.Dispose(); }
            }

            public static void HandedOn(Action<IDisposable> keep) => keep(Shop.Duration.Time());
        }
        """);

    [Fact]
    public async Task IncWithoutFinallyAndUndisposedTracker_AreReportedOnceEach()
    {
        // MG4004 reports the Inc() call, MG4006 the TrackInProgress() call: one diagnostic per spot.
        var result = await BuildHarness.BuildAsync(Metrics + """
            public static class Handler
            {
                public static void Handle(Action work)
                {
                    Shop.InFlight.Inc();
                    work();
                    Shop.InFlight.Dec();
                    var tracker = Shop.InFlight.TrackInProgress();
                    work();
                    tracker.Dispose();
                }
            }
            """, TestContext.Current.CancellationToken);
        var usage = result.MetricsDiagnostics.Where(d => d.Id is "MG4004" or "MG4006").ToList();
        Assert.Equal(["MG4004", "MG4006"], usage.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(2, usage.Select(d => d.Location.SourceSpan).Distinct().Count());
    }

    // MG4005 through method groups and local functions ---------------------------------------------------------

    [Fact]
    public Task BlockingMethodGroupOrCallee_IsMG4005() => VerifyAsync<BlockingCallbackAnalyzer>(
        Metrics + """
        public static class Startup
        {
            private static System.Threading.Tasks.Task<double> LoadAsync() => System.Threading.Tasks.Task.FromResult(1.0);

            private static double ReadQueueDepth() => LoadAsync().Result;

            private static double ReadThroughHelper() => ReadQueueDepth() + 1;

            public static void Configure()
            {
                Shop.Queue.SetCallback({|#0:ReadQueueDepth|});
                Shop.Queue.SetCallback(() => {|#1:ReadThroughHelper()|});
                Shop.Queue.SetCallback({|#2:Local|});

                double Local()
                {
                    System.Threading.Thread.Sleep(5);
                    return 1;
                }
            }
        }
        """,
        Expected("MG4005", 0, "queue_jobs", ".Result in ReadQueueDepth"),
        Expected("MG4005", 1, "queue_jobs", ".Result in ReadQueueDepth, called from ReadThroughHelper"),
        Expected("MG4005", 2, "queue_jobs", "Thread.Sleep in Local"));

    [Fact]
    public Task CheapMethodGroupOrDeepChain_IsNotReported() => VerifyAsync<BlockingCallbackAnalyzer>(
        Metrics + """
        public static class Startup
        {
            private static double s_depth;

            private static double Read() => System.Threading.Volatile.Read(ref s_depth);

            private static double Level5() { System.Threading.Thread.Sleep(1); return 0; }
            private static double Level4() => Level5();
            private static double Level3() => Level4();
            private static double Level2() => Level3();
            private static double Level1() => Level2();

            private static double Recursive(int n) => n > 0 ? Recursive(n - 1) : s_depth;

            public static void Configure()
            {
                Shop.Queue.SetCallback(Read);
                Shop.Queue.SetCallback(() => Recursive(3));
                Shop.Queue.SetCallback(Math.Abs(1.0) > 0 ? Read : Read);
                // Beyond the bounded depth (three calls below the callback) the chain is not followed.
                Shop.Queue.SetCallback(Level1);
                Shop.Queue.SetCallback(Local);

                double Local() => Read();
            }
        }
        """);

    private static DiagnosticResult Expected(string id, int location, params object[] arguments)
        => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(arguments);

    private static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => AnalyzerVerifier<TAnalyzer>.VerifyAsync(source, expected);
}

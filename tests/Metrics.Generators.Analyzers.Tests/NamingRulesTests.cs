using Verify = Metrics.Generators.Analyzers.Tests.AnalyzerVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer>;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// promlint's naming rules at build time (MG1004–MG1010) and the declaration-level cardinality and type-choice
/// rules (MG2002, MG4001, MG4003): one bad and one good declaration each. The generator runs too, so a good
/// declaration proves the whole build is quiet.
/// </summary>
public class NamingRulesTests
{
    private const string Usings = """
        using Metrics.Generators;

        public enum Outcome { Created, Failed }

        """;

    private static Task VerifyAsync(string members, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => Verify.VerifyAsync(Usings + "public static partial class Shop\n{\n" + members + "\n}\n", expected);

    private static Task VerifySkippedAsync(string members) => Verify.VerifyIgnoringCompilerErrorsAsync(Usings + "public static partial class Shop\n{\n" + members + "\n}\n");

    [Fact]
    public Task WellNamedMetrics_ReportNothing() => VerifyAsync("""
            [Counter("orders_total", Help = "Orders.")]
            [Label<Outcome>("status")]
            public static partial OrdersTotal Orders { get; }

            [Gauge("queue_jobs_waiting", Help = "Jobs waiting.")]
            public static partial JobsWaiting Waiting { get; }

            [Histogram("payload_bytes", Help = "Payload sizes.", Unit = "bytes", Buckets = [100, 1000])]
            [Label<Outcome>("outcome")]
            public static partial PayloadSize Payload { get; }

            [Counter("process_cpu_seconds_total", Help = "CPU time.", Unit = "seconds")]
            public static partial CpuSeconds Cpu { get; }
            """);

    [Fact]
    public Task GaugeEndingInTotal_IsMG1004() => VerifyAsync("""
            [Gauge({|MG1004:"orders_open_total"|}, Help = "Open orders.")]
            public static partial OrdersOpen Open { get; }
            """);

    [Fact]
    public Task CounterWithoutTotal_IsMG1005() => VerifyAsync("""
            [Counter({|MG1005:"orders"|}, Help = "Orders.")]
            public static partial OrdersPlaced Orders { get; }
            """);

    [Theory]
    [InlineData("jobs_count")]
    [InlineData("jobs_sum")]
    [InlineData("jobs_bucket")]
    [InlineData("jobs_created")]
    public Task ReservedSuffix_IsMG1006(string name) => VerifyAsync($$"""
            [Gauge({|MG1006:"{{name}}"|}, Help = "Jobs.")]
            public static partial JobsMetric Jobs { get; }
            """);

    [Fact]
    public Task TypeWordInCounterName_IsMG1007() => VerifyAsync("""
            [Counter({|MG1007:"orders_counter_total"|}, Help = "Orders.")]
            public static partial OrdersPlaced Orders { get; }
            """);

    [Fact]
    public Task TypeWordAtEndOfGaugeName_IsMG1007() => VerifyAsync("""
            [Gauge({|MG1007:"memory_gauge"|}, Help = "Memory.")]
            public static partial MemoryMetric Memory { get; }
            """);

    [Fact]
    public Task ColonInName_IsMG1008NotMG0001() => VerifySkippedAsync("""
            [Counter({|MG1008:"shop:orders_total"|}, Help = "Orders.")]
            public static partial OrdersPlaced Orders { get; }
            """);

    [Fact]
    public Task CamelCaseMetricName_IsMG1009() => VerifyAsync("""
            [Counter({|MG1009:"httpRequests_total"|}, Help = "Requests.")]
            public static partial HttpRequests Requests { get; }
            """);

    [Fact]
    public Task CamelCaseLabelName_IsMG1009WithTheSnakeCaseSpelling() => VerifyAsync("""
            [Counter("http_requests_total", Help = "Requests.")]
            [Label<Outcome>({|#0:"requestOutcome"|})]
            public static partial HttpRequests Requests { get; }
            """,
            Verify.Diagnostic("MG1009").WithLocation(0).WithArguments("label", "requestOutcome", "request_outcome"));

    [Theory]
    [InlineData("request_latency_ms")]
    [InlineData("payload_kb")]
    [InlineData("uptime_h")]
    [InlineData("request_latency_s")]
    public Task AbbreviatedUnit_IsMG1010(string name) => VerifyAsync($$"""
            [Gauge({|MG1010:"{{name}}"|}, Help = "Some value.")]
            public static partial ValueMetric Value { get; }
            """);

    [Fact]
    public Task AbbreviatedUnitInsideCounterName_IsMG1010() => VerifyAsync("""
            [Counter({|MG1010:"processing_ms_total"|}, Help = "Processing time.")]
            public static partial ProcessingTime Processing { get; }
            """);

    [Fact]
    public Task ScaledUnitInsideTheName_IsMG1001() => VerifyAsync("""
            [Gauge({|MG1001:"cache_megabytes_used"|}, Help = "Cache size.")]
            public static partial CacheSize Cache { get; }
            """);

    [Theory]
    [InlineData("build_age_hours")]
    [InlineData("disk_read_kibibytes")]
    [InlineData("probe_distance_decimeters")]
    [InlineData("room_temperature_fahrenheit")]
    public Task PromlintNonBaseUnits_AreMG1001(string name) => VerifyAsync($$"""
            [Gauge({|MG1001:"{{name}}"|}, Help = "Some value.")]
            public static partial ValueMetric Value { get; }
            """);

    [Theory]
    [InlineData("user_id")]
    [InlineData("request_id")]
    [InlineData("path")]
    [InlineData("email")]
    public Task UnboundedLabelNameEvenWithABound_IsMG2002(string label) => VerifyAsync($$"""
            [Counter("logins_total", Help = "Logins.")]
            [Label<string>({|MG2002:"{{label}}"|}, MaxValues = 100)]
            public static partial LoginsMetric Logins { get; }
            """);

    [Theory]
    [InlineData("requests_in_flight_total")]
    [InlineData("active_sessions_total")]
    [InlineData("current_connections_total")]
    [InlineData("queue_size_total")]
    [InlineData("buffer_length_total")]
    public Task CounterNamingACurrentValue_IsMG4001(string name) => VerifyAsync($$"""
            [Counter({|MG4001:"{{name}}"|}, Help = "Some value.")]
            public static partial ValueMetric Value { get; }
            """);

    [Fact]
    public Task GaugeNamingACurrentValue_IsNotReported() => VerifyAsync("""
            [Gauge("requests_in_flight", Help = "Requests being served.")]
            public static partial InFlightMetric InFlight { get; }

            [Counter("sessions_activated_total", Help = "Sessions activated.")]
            public static partial ActivatedMetric Activated { get; }
            """);

    [Fact]
    public Task StatusLabelOnLatencyHistogram_IsMG4003() => VerifyAsync("""
            [Histogram("http_request_duration_seconds", Help = "Latency.", Unit = "seconds")]
            [Label<string>({|MG4003:"status_code"|}, MaxValues = 60)]
            public static partial RequestDuration Latency { get; }
            """);

    [Fact]
    public Task StatusLabelOnCounterOrSizeHistogram_IsNotReported() => VerifyAsync("""
            [Counter("http_requests_total", Help = "Requests.")]
            [Label<string>("status_code", MaxValues = 60)]
            public static partial HttpRequests Requests { get; }

            [Histogram("response_size_bytes", Help = "Sizes.", Unit = "bytes", Buckets = [100, 1000])]
            [Label<string>("status", MaxValues = 60)]
            public static partial ResponseSize Size { get; }
            """);

    // One spot, one voice (issue 12): each declaration gets one diagnostic whose fix the others agree with.
    [Theory]
    [InlineData("logins_total", "user_id")]
    [InlineData("jobs_total", "path")]
    public Task UnboundedLabelNameBoundByAllowedValues_IsNotMG2002(string metric, string label) => VerifyAsync($$"""
            [Counter("{{metric}}", Help = "Some total.")]
            [Label<string>("{{label}}", AllowedValues = ["a", "b"])]
            public static partial SomeMetric Some { get; }
            """);

    [Fact]
    public Task ScaledUnitArgument_IsMG1001Alone_NamingTheBaseUnitName() => VerifyAsync("""
            [Histogram("request_duration", Help = "Latency.", {|#0:Unit = "milliseconds"|}, Buckets = [100, 250])]
            public static partial RequestDuration Latency { get; }
            """,
            Verify.Diagnostic("MG1001").WithLocation(0).WithArguments("request_duration", "milliseconds", "seconds", "request_duration_seconds"));

    [Fact]
    public Task ScaledUnitArgumentOnACounter_NamesTheBaseUnitWithTotal() => VerifyAsync("""
            [Counter("sent_kilobytes_total", Help = "Sent.", {|#0:Unit = "kilobytes"|})]
            public static partial SentTotal Sent { get; }
            """,
            Verify.Diagnostic("MG1001").WithLocation(0).WithArguments("sent_kilobytes_total", "kilobytes", "bytes", "sent_bytes_total"));

    [Fact]
    public Task BaseUnitMissingFromTheName_IsMG1003WithTheNameToUse() => VerifyAsync("""
            [Histogram({|#0:"request_duration"|}, Help = "Latency.", Unit = "seconds", Buckets = [0.1, 0.25])]
            public static partial RequestDuration Latency { get; }
            """,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MG1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("request_duration", "seconds", "request_duration_seconds"));

    [Fact]
    public Task CamelCaseCounter_IsMG1009Alone_WithTheExposedName() => VerifyAsync("""
            [Counter({|#0:"httpRequests"|}, Help = "Requests.")]
            public static partial HttpRequests Requests { get; }
            """,
            Verify.Diagnostic("MG1009").WithLocation(0).WithArguments("metric", "httpRequests", "http_requests_total"));

    [Fact]
    public Task CamelCaseCounterEndingInTotal_IsMG1009Alone() => VerifyAsync("""
            [Counter({|#0:"httpRequestsTotal"|}, Help = "Requests.")]
            public static partial HttpRequests Requests { get; }
            """,
            Verify.Diagnostic("MG1009").WithLocation(0).WithArguments("metric", "httpRequestsTotal", "http_requests_total"));

    [Theory]
    [InlineData("gateway_request_latency", "latency", "seconds")]
    [InlineData("job_duration", "duration", "seconds")]
    [InlineData("response_time", "time", "seconds")]
    [InlineData("payload_size", "size", "bytes")]
    public Task DistributionNamingAMeasurementWithoutUnit_IsMG1011(string name, string word, string unit) => VerifyAsync($$"""
            [Histogram({|#0:"{{name}}"|}, Help = "Some distribution.", Buckets = [0.1, 1])]
            public static partial SomeHistogram Some { get; }
            """,
            Verify.Diagnostic("MG1011").WithLocation(0).WithArguments(name, word, unit, name + "_" + unit));

    [Fact]
    public Task MeasurementNamesWithAUnitOrOnOtherTypes_AreNotMG1011() => VerifyAsync("""
            [Histogram("gateway_request_latency_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 1])]
            public static partial GatewayLatency Latency { get; }

            [Summary("payload_size_bytes", Help = "Sizes.", Unit = "bytes")]
            public static partial PayloadSize {|MG4002:Payload|} { get; }

            [Gauge("queue_time_budget", Help = "Not a distribution.")]
            public static partial QueueBudget Budget { get; }

            [Histogram("basket_size_items", Help = "Items per basket.", Buckets = [1, 10])]
            public static partial BasketSize Baskets { get; }
            """);

    [Fact]
    public Task LeOnAGauge_And_QuantileOnAHistogram_AreMG1012() => VerifyAsync("""
            [Gauge("cache_entries", Help = "Entries.")]
            [Label<Outcome>({|#0:"le"|})]
            public static partial CacheEntries Entries { get; }

            [Histogram("request_duration_seconds", Help = "Latency.", Unit = "seconds", Buckets = [0.1, 1])]
            [Label<Outcome>({|#1:"quantile"|})]
            public static partial RequestDuration Latency { get; }
            """,
            Verify.Diagnostic("MG1012").WithLocation(0).WithArguments("le", "gauge", "cache_entries", "histogram bucket"),
            Verify.Diagnostic("MG1012").WithLocation(1).WithArguments("quantile", "histogram", "request_duration_seconds", "summary quantile"));
}

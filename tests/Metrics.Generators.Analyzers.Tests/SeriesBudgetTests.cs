using Verify = Metrics.Generators.Analyzers.Tests.AnalyzerVerifier<Metrics.Generators.Analyzers.DeclarationAnalyzer>;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>MG2003 (series budget, configurable in .editorconfig) and MG4002 (summary advice).</summary>
public class SeriesBudgetTests
{
    private const string Usings = """
        using Metrics.Generators;

        public enum Verb { Get, Post, Put, Delete }

        """;

    // 5 (method) × 1001 (route) × 17 (14 default buckets + Inf, sum, count) = 85,085 series.
    private const string WideHistogram = """
        public static partial class Shop
        {
            [Histogram("http_request_duration_seconds", Help = "Latency.", Unit = "seconds")]
            [Label<Verb>("method"), Label<string>("route", MaxValues = 1000)]
            public static partial RequestDuration {|#0:Latency|} { get; }
        }
        """;

    private const string NarrowCounter = """
        public static partial class Shop
        {
            [Counter("http_requests_total", Help = "Requests.")]
            [Label<Verb>("method"), Label<string>("route", MaxValues = 100)]
            public static partial HttpRequests Requests { get; }
        }
        """;

    [Fact]
    public Task HistogramOverTheDefaultBudget_IsMG2003WithTheProduct()
        => Verify.VerifyAsync(
            Usings + WideHistogram,
            Verify.Diagnostic("MG2003").WithLocation(0)
                .WithArguments("http_request_duration_seconds", "85,085", "method 5 × route 1001 × 17 per histogram", "10,000"));

    [Fact]
    public Task CounterUnderTheDefaultBudget_IsNotReported() => Verify.VerifyAsync(Usings + NarrowCounter);

    [Fact]
    public Task RaisedBudgetInEditorConfig_SilencesMG2003()
        => Verify.VerifyWithEditorConfigAsync(Usings + WideHistogram, "metrics_generators.max_series_per_metric = 100000");

    [Fact]
    public Task LoweredBudgetInEditorConfig_ReportsASmallMetric()
        => Verify.VerifyWithEditorConfigAsync(
            Usings + NarrowCounter.Replace("Requests { get; }", "{|#0:Requests|} { get; }", StringComparison.Ordinal),
            "metrics_generators.max_series_per_metric = 100",
            Verify.Diagnostic("MG2003").WithLocation(0).WithArguments("http_requests_total", "505", "method 5 × route 101", "100"));

    // The wide histogram is over the default budget: a value the analyzer cannot use must neither switch MG2003 off
    // nor become the budget itself.
    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1e9")]
    public Task InvalidBudget_FallsBackToTheDefault(string budget)
        => Verify.VerifyWithEditorConfigAsync(
            Usings + WideHistogram,
            "metrics_generators.max_series_per_metric = " + budget,
            Verify.Diagnostic("MG2003").WithLocation(0)
                .WithArguments("http_request_duration_seconds", "85,085", "method 5 × route 1001 × 17 per histogram", "10,000"));

    [Fact]
    public Task Summary_IsMG4002Info() => Verify.VerifyAsync(
        Usings + """
        public static partial class Shop
        {
            [Summary("payment_duration_seconds", Help = "Payment latency.", Unit = "seconds", Quantiles = [0.5, 0.99])]
            public static partial PaymentDuration {|#0:Payment|} { get; }
        }
        """,
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MG4002", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0)
            .WithArguments("payment_duration_seconds"));

    [Fact]
    public Task SummaryAdviceSwitchedOff_IsNotReported() => Verify.VerifyWithEditorConfigAsync(
        Usings + """
        public static partial class Shop
        {
            [Summary("payment_duration_seconds", Help = "Payment latency.", Unit = "seconds")]
            public static partial PaymentDuration Payment { get; }
        }
        """,
        "dotnet_diagnostic.MG4002.severity = none");
}

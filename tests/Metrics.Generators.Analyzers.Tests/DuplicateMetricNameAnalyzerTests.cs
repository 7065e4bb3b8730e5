using Microsoft.CodeAnalysis.Testing;
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

/// <summary>
/// MG0003 across assemblies: a referenced library lists the metrics it registers by hand with
/// <c>[assembly: DeclaresMetric]</c> (as the ASP.NET Core integration does), and a local declaration of a name it
/// claims is reported at build time, naming the library's type and assembly.
/// </summary>
public class DuplicateMetricNameAcrossAssembliesTests
{
    private static readonly Microsoft.CodeAnalysis.MetadataReference Library = CompileLibrary("""
        using Metrics.Generators;

        [assembly: DeclaresMetric("http_request_duration_seconds", MetricType.Histogram, typeof(Web.HttpServerMetrics))]
        [assembly: DeclaresMetric("http_requests_total", MetricType.Counter, typeof(Web.HttpServerMetrics))]

        namespace Web;

        public sealed class HttpServerMetrics { }
        """);

    [Fact]
    public Task AHistogramTheReferencedLibraryRegisters_IsReportedWithItsTypeAndAssembly() => Verify.VerifyWithReferencesAsync(
        """
        using Metrics.Generators;

        public static partial class ShopMetrics
        {
            [Histogram("http_request_duration_seconds", Help = "Latency.", Unit = "seconds")]
            public static partial RequestDuration {|#0:Latency|} { get; }
        }
        """,
        [Library],
        new DiagnosticResult("MG0003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("http_request_duration_seconds", "Web.HttpServerMetrics (assembly WebLibrary)"));

    [Fact]
    public Task ANameAmongTheSamplesAReferencedCounterExposes_IsReported() => Verify.VerifyWithReferencesAsync(
        """
        using Metrics.Generators;

        public static partial class ShopMetrics
        {
            [Gauge("http_requests_created", Help = "Looks like the counter's _created sample.")]
            public static partial RequestsCreated {|#0:Created|} { get; }

            [Counter("http_requests", Help = "The same family as http_requests_total.")]
            public static partial HttpRequestsTotal {|#1:Requests|} { get; }
        }
        """,
        [Library],
        new DiagnosticResult("MG0003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("http_requests_created", "Web.HttpServerMetrics (assembly WebLibrary)"),
        new DiagnosticResult("MG0003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1)
            .WithArguments("http_requests", "Web.HttpServerMetrics (assembly WebLibrary)"));

    [Fact]
    public Task NamesTheReferencedLibraryDoesNotClaim_ReportNothing() => Verify.VerifyWithReferencesAsync(
        """
        using Metrics.Generators;

        public static partial class ShopMetrics
        {
            [Histogram("shop_checkout_duration_seconds", Help = "Checkout latency.", Unit = "seconds")]
            public static partial CheckoutDuration Checkout { get; }
        }
        """,
        [Library]);

    private static Microsoft.CodeAnalysis.MetadataReference CompileLibrary(string source)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "WebLibrary",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source)],
            [.. Basic.Reference.Assemblies.Net100.References.All, Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(HistogramBuckets).Assembly.Location)],
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
    }
}

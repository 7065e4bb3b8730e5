using System.Buffers;
using System.Runtime.Loader;
using Metrics.Generators.Analyzers.Tests.Support;
using Metrics.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// The differential test: declarations with deliberate naming mistakes are compiled with the generator and every
/// analyzer, the generated metrics are registered and written with the runtime, and <c>promtool check metrics</c>
/// lints the exposition. Every problem promtool prints must map to a diagnostic the build reported on the
/// declaration of that metric family: promlint at run time never finds what the build did not.
/// </summary>
public class PromtoolDifferentialTests
{
    // (declaration, how the driver creates and records it). Each line is a mistake promlint knows, or a clean control.
    private static readonly (string Declaration, string Record)[] Metrics =
    [
        // Missing help (MG0005, an error by default) is exposed without a HELP line: promtool says "no help text".
        ("[Gauge(\"queue_length\")] public static partial QueueLength Q { get; }", "new Shop.QueueLength(r).Set(1);"),
        ("[Gauge(\"queue_depth_total\", Help = \"h\")] public static partial QueueDepth A { get; }", "new Shop.QueueDepth(r).Set(1);"),
        ("[Gauge(\"jobs_count\", Help = \"h\")] public static partial JobsCount B { get; }", "new Shop.JobsCount(r).Set(1);"),
        ("[Gauge(\"jobs_bucket\", Help = \"h\")] public static partial JobsBucket B2 { get; }", "new Shop.JobsBucket(r).Set(1);"),
        ("[Counter(\"orders_counter_total\", Help = \"h\")] public static partial OrdersCounter C { get; }", "new Shop.OrdersCounter(r).Inc();"),
        ("[Gauge(\"disk_free_gauge\", Help = \"h\")] public static partial DiskFree C2 { get; }", "new Shop.DiskFree(r).Set(1);"),
        ("[Gauge(\"memoryUsed_bytes\", Help = \"h\", Unit = \"bytes\")] public static partial MemoryUsed D { get; }", "new Shop.MemoryUsed(r).Set(1);"),
        ("[Counter(\"http_requests_total\", Help = \"h\")][Label<Verb>(\"httpMethod\")] public static partial HttpRequests E { get; }", "new Shop.HttpRequests(r).Inc(Verb.Get);"),
        ("[Histogram(\"request_latency_ms\", Help = \"h\", Buckets = [5, 10])] public static partial RequestLatency F { get; }", "new Shop.RequestLatency(r).Observe(7);"),
        ("[Counter(\"process_ms_total\", Help = \"h\")] public static partial ProcessTime F2 { get; }", "new Shop.ProcessTime(r).Inc();"),
        ("[Gauge(\"cache_kilobytes\", Help = \"h\")] public static partial CacheSize G { get; }", "new Shop.CacheSize(r).Set(1);"),
        ("[Gauge(\"build_age_hours\", Help = \"h\")] public static partial BuildAge H { get; }", "new Shop.BuildAge(r).Set(1);"),
        ("[Histogram(\"payload_kibibytes_read\", Help = \"h\", Buckets = [1, 2])] public static partial PayloadRead H2 { get; }", "new Shop.PayloadRead(r).Observe(1);"),
        ("[Counter(\"events\", Help = \"h\")] public static partial Events J { get; }", "new Shop.Events(r).Inc();"),
        ("[Summary(\"rpc_duration_seconds\", Help = \"h\", Unit = \"seconds\", Quantiles = [0.5])] public static partial RpcDuration K { get; }", "new Shop.RpcDuration(r).Observe(0.1);"),
        ("[Counter(\"clean_orders_total\", Help = \"h\")][Label<Verb>(\"method\")] public static partial CleanOrders L { get; }", "new Shop.CleanOrders(r).Inc(Verb.Post);"),
    ];

    // promlint's messages (client_golang testutil/promlint) → the rule that reports the same thing at build time.
    private static readonly (string Text, string[] Ids)[] ProblemMap =
    [
        ("counter metrics should have \"_total\" suffix", ["MG1005"]),
        ("non-counter metrics should not have \"_total\" suffix", ["MG1004"]),
        ("suffix", ["MG1006"]),
        ("should not include type", ["MG1007"]),
        ("should not contain ':'", ["MG1008", "MG0001"]),
        ("'snake_case' not 'camelCase'", ["MG1009"]),
        ("abbreviated units", ["MG1010"]),
        ("use base unit", ["MG1001"]),
        ("no help text", ["MG0005"]),
        ("\"le\" label", ["MG0002"]),
        ("\"quantile\" label", ["MG0002"]),
        ("duplicate", ["MG0003"]),
    ];

    [Fact]
    public async Task EveryPromtoolProblem_WasReportedByTheBuild()
    {
        var promtool = ExternalTools.Promtool();
        var source = "using Metrics.Generators;\n\npublic enum Verb { Get, Post }\n\npublic static partial class Shop\n{\n"
                     + string.Join("\n", Metrics.Select(m => "    " + m.Declaration))
                     + "\n}\n\npublic static class Driver\n{\n    public static void Record(MetricRegistry r)\n    {\n"
                     + string.Join("\n", Metrics.Select(m => "        " + m.Record))
                     + "\n    }\n}\n";
        var build = await BuildHarness.BuildAsync(source, TestContext.Current.CancellationToken);
        Assert.Empty(build.AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("MG", StringComparison.Ordinal)));

        var reported = build.MetricsDiagnostics
            .Select(d => (Family: FamilyOf(d), d.Id))
            .Where(p => p.Family is not null)
            .ToHashSet();

        var exposition = Expose(build.Compilation);
        var (_, stdout, stderr) = ExternalTools.Run(promtool, ["check", "metrics"], exposition);
        var problems = (stdout + "\n" + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(' ', StringComparison.Ordinal))
            .ToList();

        Assert.True(problems.Count >= 10, "promtool should find the deliberate mistakes:\n" + string.Join("\n", problems) + "\n" + exposition);
        foreach (var problem in problems)
        {
            var family = problem[..problem.IndexOf(' ', StringComparison.Ordinal)];
            var text = problem[(family.Length + 1)..];
            var ids = ProblemMap.FirstOrDefault(m => text.Contains(m.Text, StringComparison.Ordinal)).Ids;
            Assert.True(ids is not null, "no rule maps promtool's problem: " + problem);
            Assert.True(
                ids.Any(id => reported.Contains((family, id))),
                "promtool found '" + problem + "' but the build reported none of " + string.Join("/", ids) + " on " + family
                + "; reported: " + string.Join(", ", reported.Where(r => r.Family == family).Select(r => r.Id)));
        }

        // The clean control stays clean in both.
        Assert.DoesNotContain(problems, p => p.StartsWith("clean_orders_total ", StringComparison.Ordinal));
        Assert.DoesNotContain(reported, r => r.Family == "clean_orders_total");
    }

    // The exposed family name of the declaration a diagnostic is on (counters always end in _total in the text format).
    private static string? FamilyOf(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree?.GetRoot().FindNode(diagnostic.Location.SourceSpan) is not { } node
            || node.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not { } property)
        {
            return null;
        }

        foreach (var attribute in property.AttributeLists.SelectMany(l => l.Attributes))
        {
            var kind = attribute.Name.ToString();
            if (kind is "Counter" or "Gauge" or "Histogram" or "Summary"
                && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal)
            {
                var name = literal.Token.ValueText;
                return kind == "Counter" && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
            }
        }

        return null;
    }

    private static string Expose(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;

        // A collectible context that resolves Metrics.Generators to the runtime this test process already loaded.
        var context = new AssemblyLoadContext("differential", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var registry = new MetricRegistry();
            assembly.GetType("Driver")!.GetMethod("Record")!.Invoke(null, [registry]);
            var output = new ArrayBufferWriter<byte>();
            registry.Write(output, ExpositionFormat.PrometheusText);
            return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
        }
        finally
        {
            context.Unload();
        }
    }
}

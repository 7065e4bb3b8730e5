using Metrics.Generators.Analyzers.Tests.Support;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// What an editor holds mid-keystroke, run through the generator and every analyzer together, as a build does:
/// half-typed attributes, missing arguments, syntax errors, unresolved types, wrong targets and shapes, and
/// half-typed calls into generated metrics. Nothing may crash (AD0001 for an analyzer, CS8785 for the generator),
/// and where a rule applies its diagnostic must be there.
/// </summary>
public class RobustnessTests
{
    private const string Doc = "    /// <summary>H.</summary>\n";
    private const string Head = "using System;\nusing Metrics.Generators;\n\npublic enum Verb { Get, Post }\n\n";

    private static string InClass(string members) => Head + "public static partial class Shop\n{\n" + members + "\n}\n";

    // (source, the diagnostic that must be reported, or null when the compiler's own error is the useful one)
    public static TheoryData<string, string?> Corpus => new()
    {
        { InClass(Doc + "    [Counter(] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(42)] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(null)] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(\"\")] public static partial A P { get; }"), "MG0001" },
        { InClass(Doc + "    [Counter(\"x_total\", Help = )] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(\"x_total\", Help = 5, Unit = 3)] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<Missing>(\"x\")] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<>(\"x\")] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<string>] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<string>(\"\")] public static partial A P { get; }"), "MG0002" },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<string>(\"x\", MaxValues = \"many\")] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<int>(\"x\")] public static partial A P { get; }"), "MG2001" },
        { InClass(Doc + "    [Counter(\"x_total\")] public static A P { get; }"), "MG0004" },
        { InClass(Doc + "    [Counter(\"x_total\")] public static partial A P { get; set; }"), "MG0004" },
        { InClass(Doc + "    [Counter(\"x_total\")] public static partial A P => null!;"), "MG0004" },
        { InClass(Doc + "    [Counter(\"x_total\")] public static partial A P"), null },
        { InClass(Doc + "    [Counter(\"x_total\")] public static partial P { get; }"), null },
        { InClass(Doc + "    [Counter(\"x_total\")] public static partial A<int> P { get; }"), "MG0004" },
        { InClass(Doc + "    [Counter(\"x_total\")] public static partial"), null },
        { InClass(Doc + "    [Counter(\"x_total\")][Gauge(\"x\")] public static partial A P { get; }"), "MG0009" },
        { InClass(Doc + "    [Counter(\"x_total\")] public static int P;"), null },
        { InClass(Doc + "    [Counter(\"x_total\")] public static void M() { }"), null },
        { InClass(Doc + "    [Histogram(\"h_seconds\", Unit = \"seconds\")][LinearBuckets(0, 1)] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Histogram(\"h_seconds\", Unit = \"seconds\", Buckets = [double.NaN], Slo = double.NaN)] public static partial A P { get; }"), "MG0006" },
        { InClass(Doc + "    [Histogram(\"h_seconds\", Unit = \"seconds\", Buckets = [1, 0.5])][Label<string>(\"route\", MaxValues = int.MaxValue)] public static partial A P { get; }"), "MG0006" },
        { InClass(Doc + "    [Summary(\"s\", Quantiles = [double.NaN], MaxAgeSeconds = double.PositiveInfinity, AgeBuckets = -1)] public static partial A P { get; }"), "MG0007" },
        { InClass(Doc + "    [Gauge(\"x:y\")] public static partial A P { get; }"), "MG1008" },
        { InClass(Doc + "    [Gauge(\"_\")] public static partial A P { get; }"), null },
        { InClass(Doc + "    [Gauge(\"x__\")][Label<bool>(\"aB\"), Label<bool>(\"_\")] public static partial A P { get; }"), "MG1009" },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<string>(\"route\", MaxValues = 2147483647), Label<string>(\"b\", MaxValues = 2147483647), Label<string>(\"c\", MaxValues = 2147483647)] public static partial A P { get; }"), "MG2003" },
        { Head + "[Counter(\"x_total\")] public static partial A P { get; }", null },
        { Head + "public static class NotPartial\n{\n" + Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n}", "MG0004" },
        { Head + "public static partial class Generic<T>\n{\n" + Doc + "    [Counter(\"x_total\")] public static partial A P { get; }\n}", "MG0004" },
        // Half-typed calls into a real generated metric: the call-site rules must not crash on them.
        { InClass(Doc + "    [Gauge(\"jobs_in_flight\")][Label<string>(\"route\", MaxValues = 5)] public static partial Jobs P { get; }")
          + "public static class C { public static void M(Exception e) { Shop.P.Inc(e.Message, ); Shop.P.Dec(; Shop.P.Bind($\"{e}\").SetCallback(() => ); } }", null },
        { InClass(Doc + "    [Gauge(\"jobs_in_flight\")] public static partial Jobs P { get; }")
          + "public static class C { public static void M() { Shop.P.Inc(); try { } finally { Shop.P. } Shop.P.SetCallback(null); Shop.P.SetCallback(Load); } static double Load() => 1; }", "MG4004" },
        { InClass(Doc + "    [Gauge(\"queue_jobs\")] public static partial Jobs P { get; }")
          + "public static class C { public static void M() => Shop.P.SetCallback(() => System.Threading.Tasks.Task.FromResult(1.0).Result + Missing.Value); }", null },
        { InClass(Doc + "    [Counter(\"x_total\")][Label<string>(\"route\", MaxValues = 5)] public static partial A P { get; }")
          + "public static class C { public static void M(Microsoft.AspNetCore.Http.HttpRequest r) => Shop.P.Inc(r.Path); }", null },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task HalfTypedCode_CrashesNothingAndGetsAUsefulDiagnostic(string source, string? expected)
    {
        var build = await BuildHarness.BuildAsync(source, TestContext.Current.CancellationToken);

        var crashes = build.AllDiagnostics.Where(d => d.Id is "AD0001" or "CS8785").ToList();
        Assert.True(crashes.Count == 0, string.Join("\n", crashes));
        if (expected is not null)
        {
            Assert.Contains(build.MetricsDiagnostics, d => d.Id == expected);
        }
    }
}

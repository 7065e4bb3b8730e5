using System.Reflection;
using Metrics.Generators.AspNetCore;

namespace Metrics.Generators.AspNetCore.Tests;

/// <summary>
/// The integration registers its families by hand, and lists them in <c>DeclaredMetrics.cs</c> for the analyzers
/// of projects that reference it (MG0003) and for the registry's clash message. The list must be exactly what the
/// integration registers, or a clash goes unreported at build time.
/// </summary>
public sealed class DeclaredMetricsTests
{
    [Fact]
    public void DeclaredMetrics_AreExactlyTheFamiliesTheIntegrationRegisters()
    {
        var registry = new MetricRegistry();
        _ = new HttpServerMetrics(registry, new HttpServerMetricsOptions());
        _ = new HttpClientMetrics(registry);
        var registered = registry.Families
            .Select(f => $"{f.Descriptor.Name} {f.Descriptor.Type} {f.Descriptor.DeclaringType?.FullName ?? DeclarerOf(f.Descriptor.Name)}")
            .Order(StringComparer.Ordinal)
            .ToList();

        var declared = Declared(typeof(HttpServerMetrics).Assembly);

        Assert.NotEmpty(registered);
        Assert.Equal(declared, registered);
    }

    internal static List<string> Declared(Assembly assembly)
        => assembly.GetCustomAttributes<DeclaresMetricAttribute>()
            .Select(a => $"{a.Name} {a.Type} {a.DeclaringType.FullName}")
            .Order(StringComparer.Ordinal)
            .ToList();

    // Hand-registered families carry no declaring type; the attribute is where the registry finds it, so the
    // test names the owner by the family's prefix instead of trusting the list it checks.
    private static string DeclarerOf(string name)
        => name.StartsWith("http_client_", StringComparison.Ordinal) ? typeof(HttpClientMetrics).FullName! : typeof(HttpServerMetrics).FullName!;
}

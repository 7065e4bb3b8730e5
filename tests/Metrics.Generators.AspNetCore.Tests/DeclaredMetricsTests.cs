using System.Reflection;
using Metrics.Generators.AspNetCore;
using Metrics.Generators.Data;

namespace Metrics.Generators.AspNetCore.Tests;

/// <summary>
/// The integration's metrics are declarations the generator compiles; its catalogue lists them as
/// <c>[assembly: DeclaresMetric]</c> for the analyzers of projects that reference it (MG0003) and for the registry's
/// clash message. These tests pin that the built assembly carries exactly what the integration registers, that it does
/// not register into the default registry at start-up, and that its catalogue does not clash with another's.
/// </summary>
public sealed class DeclaredMetricsTests
{
    [Fact]
    public void Assembly_DeclaresExactlyTheMetricsTheIntegrationRegisters_AsTheGeneratorEmitsThem()
    {
        var registry = new MetricRegistry();
        _ = new HttpServerMetrics(registry, new HttpServerMetricsOptions());
        _ = new HttpClientMetrics(registry);
        var registered = registry.Families
            .Select(f => $"{f.Descriptor.Name} {f.Descriptor.Type} {f.Descriptor.DeclaringType?.FullName}.{f.Descriptor.DeclaringMember}")
            .Order(StringComparer.Ordinal)
            .ToList();

        var declared = Declared(typeof(HttpServerMetrics).Assembly);

        Assert.Equal(6, registered.Count);
        Assert.Equal(declared, registered);
    }

    [Fact]
    public void LoadingTheIntegration_RegistersNothingInTheDefaultRegistry()
    {
        _ = new HttpServerMetrics(new MetricRegistry(), new HttpServerMetricsOptions());
        _ = new HttpClientMetrics(new MetricRegistry());

        Assert.DoesNotContain(MetricRegistry.Default.Families, f => f.Descriptor.Name.StartsWith("http_", StringComparison.Ordinal));
    }

    [Fact]
    public void EachIntegrationAssembly_HasItsOwnInternalCatalogue()
    {
        // Both assemblies are referenced here and this one sees AspNetCore's internals: one internal type per assembly,
        // each listing its own metrics, is what keeps the generated catalogues from colliding.
        var aspNetCore = Catalogue(typeof(HttpServerMetrics).Assembly);
        var data = Catalogue(typeof(DatabaseMetrics).Assembly);

        Assert.NotEqual(aspNetCore, data);
        Assert.False(aspNetCore.IsPublic);
        Assert.False(data.IsPublic);
        Assert.All(Descriptors(aspNetCore), d => Assert.StartsWith("http_", d.Name, StringComparison.Ordinal));
        Assert.All(Descriptors(data), d => Assert.StartsWith("db_client_", d.Name, StringComparison.Ordinal));
    }

    internal static List<string> Declared(Assembly assembly)
        => assembly.GetCustomAttributes<DeclaresMetricAttribute>()
            .Select(a => $"{a.Name} {a.Type} {a.DeclaringType.FullName}.{a.Member}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Type Catalogue(Assembly assembly) => assembly.GetType("Metrics.Generators.Generated.MetricCatalog", throwOnError: true)!;

    private static IReadOnlyList<MetricDescriptor> Descriptors(Type catalogue)
        => (IReadOnlyList<MetricDescriptor>)catalogue.GetProperty("Descriptors", BindingFlags.Static | BindingFlags.Public)!.GetValue(null)!;
}

using System.Reflection;
using Metrics.Generators.Data;

namespace Metrics.Generators.Data.Tests;

/// <summary>
/// DatabaseMetrics' metrics are declarations the generator compiles. The generator's catalogue lists them as
/// <c>[assembly: DeclaresMetric]</c> for the analyzers of projects that reference the package (MG0003) and for the
/// registry's clash message; the project opts out of the catalogue's start-up registration, because the metrics are
/// created with the host's options. These tests pin that wiring on the built assembly.
/// </summary>
public sealed class DeclaredMetricsTests
{
    [Fact]
    public void Assembly_DeclaresExactlyTheMetricsDatabaseMetricsRegisters_AsTheGeneratorEmitsThem()
    {
        var registry = new MetricRegistry();
        _ = new DatabaseMetrics(registry);
        var registered = registry.Families
            .Select(f => $"{f.Descriptor.Name} {f.Descriptor.Type} {f.Descriptor.DeclaringType?.FullName}.{f.Descriptor.DeclaringMember}")
            .Order(StringComparer.Ordinal)
            .ToList();

        var declared = typeof(DatabaseMetrics).Assembly.GetCustomAttributes<DeclaresMetricAttribute>()
            .Select(a => $"{a.Name} {a.Type} {a.DeclaringType.FullName}.{a.Member}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(4, registered.Count);
        Assert.Equal(declared, registered);
        Assert.All(typeof(DatabaseMetrics).Assembly.GetCustomAttributes<DeclaresMetricAttribute>(), a => Assert.Equal(typeof(DatabaseMetrics), a.DeclaringType));
    }

    [Fact]
    public void LoadingTheIntegration_RegistersNothingInTheDefaultRegistry()
    {
        // MetricsGeneratorsRegisterDefaults=false: no module initializer, so only the host's DatabaseMetrics registers.
        _ = new DatabaseMetrics(new MetricRegistry());
        var catalog = typeof(DatabaseMetrics).Assembly.GetType("Metrics.Generators.Generated.MetricCatalog", throwOnError: true)!;

        Assert.Null(catalog.GetMethod("RegisterDefaults", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public));
        Assert.DoesNotContain(MetricRegistry.Default.Families, f => f.Descriptor.Name.StartsWith("db_client_", StringComparison.Ordinal));
    }
}

using System.Reflection;
using Metrics.Generators.Data;

namespace Metrics.Generators.Data.Tests;

/// <summary>
/// DatabaseMetrics registers its families by hand and lists them in <c>DeclaredMetrics.cs</c> for the analyzers of
/// projects that reference the package (MG0003) and for the registry's clash message: the list must be exactly what
/// it registers.
/// </summary>
public sealed class DeclaredMetricsTests
{
    [Fact]
    public void DeclaredMetrics_AreExactlyTheFamiliesDatabaseMetricsRegisters()
    {
        var registry = new MetricRegistry();
        _ = new DatabaseMetrics(registry);
        var registered = registry.Families
            .Select(f => $"{f.Descriptor.Name} {f.Descriptor.Type}")
            .Order(StringComparer.Ordinal)
            .ToList();

        var declared = typeof(DatabaseMetrics).Assembly.GetCustomAttributes<DeclaresMetricAttribute>()
            .Select(a => $"{a.Name} {a.Type}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(registered);
        Assert.Equal(declared, registered);
        Assert.All(typeof(DatabaseMetrics).Assembly.GetCustomAttributes<DeclaresMetricAttribute>(), a => Assert.Equal(typeof(DatabaseMetrics), a.DeclaringType));
    }
}

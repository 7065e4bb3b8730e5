using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers;

/// <summary>PlacementSymbols resolves, once per compilation, the types whose creation MG3001 watches.</summary>
internal sealed class PlacementSymbols
{
    public PlacementSymbols(Compilation compilation)
    {
        MetricDescriptor = compilation.GetTypeByMetadataName("Metrics.Generators.MetricDescriptor");
        MetricRegistry = compilation.GetTypeByMetadataName("Metrics.Generators.MetricRegistry");
        Meter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Meter");
        PrometheusMetrics = compilation.GetTypeByMetadataName("Prometheus.Metrics");
        PrometheusFactory = compilation.GetTypeByMetadataName("Prometheus.MetricFactory");
        PrometheusFactoryInterface = compilation.GetTypeByMetadataName("Prometheus.IMetricFactory");
    }

    public INamedTypeSymbol? MetricDescriptor { get; }
    public INamedTypeSymbol? MetricRegistry { get; }
    public INamedTypeSymbol? Meter { get; }
    public INamedTypeSymbol? PrometheusMetrics { get; }
    public INamedTypeSymbol? PrometheusFactory { get; }
    public INamedTypeSymbol? PrometheusFactoryInterface { get; }

    public bool AnyPresent => MetricDescriptor is not null || Meter is not null || PrometheusMetrics is not null || PrometheusFactoryInterface is not null;

    /// <summary>Generated metric types carry a static <c>Descriptor</c> field and a constructor taking the registry.</summary>
    public bool IsGeneratedMetricType(INamedTypeSymbol type)
    {
        if (MetricDescriptor is null || MetricRegistry is null)
        {
            return false;
        }

        var hasDescriptor = false;
        foreach (var member in type.GetMembers("Descriptor"))
        {
            hasDescriptor |= member is IFieldSymbol { IsStatic: true } field && SymbolEqualityComparer.Default.Equals(field.Type, MetricDescriptor);
        }

        if (!hasDescriptor)
        {
            return false;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, MetricRegistry))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsPrometheusNetFactory(INamedTypeSymbol owner)
        => SymbolEqualityComparer.Default.Equals(owner, PrometheusMetrics)
           || SymbolEqualityComparer.Default.Equals(owner, PrometheusFactory)
           || SymbolEqualityComparer.Default.Equals(owner, PrometheusFactoryInterface);
}

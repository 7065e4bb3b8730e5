using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers;

/// <summary>PlacementSymbols resolves, once per compilation, the types whose creation MG3001 watches.</summary>
internal sealed class PlacementSymbols
{
    public PlacementSymbols(Compilation compilation)
    {
        Known = KnownSymbols.For(compilation);
        Meter = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Meter");
        PrometheusMetrics = compilation.GetTypeByMetadataName("Prometheus.Metrics");
        PrometheusFactory = compilation.GetTypeByMetadataName("Prometheus.MetricFactory");
        PrometheusFactoryInterface = compilation.GetTypeByMetadataName("Prometheus.IMetricFactory");
    }

    /// <summary>Our own types in this compilation, and what tells a type the generator emitted.</summary>
    public KnownSymbols Known { get; }

    public INamedTypeSymbol? Meter { get; }
    public INamedTypeSymbol? PrometheusMetrics { get; }
    public INamedTypeSymbol? PrometheusFactory { get; }
    public INamedTypeSymbol? PrometheusFactoryInterface { get; }

    public bool AnyPresent => Known.CanHaveGeneratedMetrics || Meter is not null || PrometheusMetrics is not null || PrometheusFactoryInterface is not null;

    /// <summary>True for a metric type the generator emitted (the shared test, <see cref="KnownSymbols.IsGeneratedMetricType"/>).</summary>
    public bool IsGeneratedMetricType(INamedTypeSymbol type) => Known.IsGeneratedMetricType(type);

    public bool IsPrometheusNetFactory(INamedTypeSymbol owner)
        => SymbolEqualityComparer.Default.Equals(owner, PrometheusMetrics)
           || SymbolEqualityComparer.Default.Equals(owner, PrometheusFactory)
           || SymbolEqualityComparer.Default.Equals(owner, PrometheusFactoryInterface);
}

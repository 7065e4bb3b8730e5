using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// KnownSymbols resolves our own types in one compilation by metadata name, once, so the reader and the
/// analyzers compare symbols instead of names: the declaration attributes, and what tells a type the generator
/// emitted (<see cref="IsGenerated"/>, <see cref="IsGeneratedMetricType"/>, the one "is this ours" test the
/// reader, the call-site rules and the placement rule share). A member is null when the compilation does not
/// reference the runtime (or references two copies of it).
/// </summary>
internal sealed class KnownSymbols
{
    /// <summary>Metadata name of <c>[Counter]</c>.</summary>
    public const string CounterAttributeName = "Metrics.Generators.CounterAttribute";
    /// <summary>Metadata name of <c>[Gauge]</c>.</summary>
    public const string GaugeAttributeName = "Metrics.Generators.GaugeAttribute";
    /// <summary>Metadata name of <c>[Histogram]</c>.</summary>
    public const string HistogramAttributeName = "Metrics.Generators.HistogramAttribute";
    /// <summary>Metadata name of <c>[Summary]</c>.</summary>
    public const string SummaryAttributeName = "Metrics.Generators.SummaryAttribute";
    /// <summary>Metadata name of <c>[Label&lt;T&gt;]</c>.</summary>
    public const string LabelAttributeName = "Metrics.Generators.LabelAttribute`1";
    /// <summary>Metadata name of <c>[LabelValue]</c>.</summary>
    public const string LabelValueAttributeName = "Metrics.Generators.LabelValueAttribute";
    /// <summary>Metadata name of <c>[LinearBuckets]</c>.</summary>
    public const string LinearBucketsAttributeName = "Metrics.Generators.LinearBucketsAttribute";
    /// <summary>Metadata name of <c>[ExponentialBuckets]</c>.</summary>
    public const string ExponentialBucketsAttributeName = "Metrics.Generators.ExponentialBucketsAttribute";
    /// <summary>Metadata name of <c>[SloBuckets]</c>.</summary>
    public const string SloBucketsAttributeName = "Metrics.Generators.SloBucketsAttribute";

    /// <summary>Metadata name of <c>MetricRegistry</c>, which every generated metric type's constructor takes.</summary>
    public const string MetricRegistryName = "Metrics.Generators.MetricRegistry";

    /// <summary>The tool name in the <c>[GeneratedCode]</c> attribute of every generated type.</summary>
    public const string GeneratorToolName = "Metrics.Generators";

    // The generator reads many properties of one compilation; resolving per property would repeat the lookups.
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> s_cache = new();

    /// <summary>Resolves the attribute types in <paramref name="compilation"/> (analyzers: once in a compilation-start action).</summary>
    public KnownSymbols(Compilation compilation)
    {
        Counter = compilation.GetTypeByMetadataName(CounterAttributeName);
        Gauge = compilation.GetTypeByMetadataName(GaugeAttributeName);
        Histogram = compilation.GetTypeByMetadataName(HistogramAttributeName);
        Summary = compilation.GetTypeByMetadataName(SummaryAttributeName);
        Label = compilation.GetTypeByMetadataName(LabelAttributeName);
        LabelValue = compilation.GetTypeByMetadataName(LabelValueAttributeName);
        LinearBuckets = compilation.GetTypeByMetadataName(LinearBucketsAttributeName);
        ExponentialBuckets = compilation.GetTypeByMetadataName(ExponentialBucketsAttributeName);
        SloBuckets = compilation.GetTypeByMetadataName(SloBucketsAttributeName);
        GeneratedCode = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        MetricRegistry = compilation.GetTypeByMetadataName(MetricRegistryName);
    }

    /// <summary>The cached instance for <paramref name="compilation"/>.</summary>
    public static KnownSymbols For(Compilation compilation) => s_cache.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary><c>CounterAttribute</c>.</summary>
    public INamedTypeSymbol? Counter { get; }
    /// <summary><c>GaugeAttribute</c>.</summary>
    public INamedTypeSymbol? Gauge { get; }
    /// <summary><c>HistogramAttribute</c>.</summary>
    public INamedTypeSymbol? Histogram { get; }
    /// <summary><c>SummaryAttribute</c>.</summary>
    public INamedTypeSymbol? Summary { get; }
    /// <summary>The open generic <c>LabelAttribute&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? Label { get; }
    /// <summary><c>LabelValueAttribute</c>.</summary>
    public INamedTypeSymbol? LabelValue { get; }
    /// <summary><c>LinearBucketsAttribute</c>.</summary>
    public INamedTypeSymbol? LinearBuckets { get; }
    /// <summary><c>ExponentialBucketsAttribute</c>.</summary>
    public INamedTypeSymbol? ExponentialBuckets { get; }
    /// <summary><c>SloBucketsAttribute</c>.</summary>
    public INamedTypeSymbol? SloBuckets { get; }
    /// <summary><c>System.CodeDom.Compiler.GeneratedCodeAttribute</c>, to recognise types this generator emitted.</summary>
    public INamedTypeSymbol? GeneratedCode { get; }
    /// <summary><c>MetricRegistry</c>.</summary>
    public INamedTypeSymbol? MetricRegistry { get; }

    /// <summary>True when the compilation references the declaration attributes at all (analyzers return early otherwise).</summary>
    public bool HasMetricAttributes => Counter is not null || Gauge is not null || Histogram is not null || Summary is not null;

    /// <summary>The metric kind <paramref name="attributeClass"/> declares, or null when it is not a metric attribute.</summary>
    public MetricKind? KindOf(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return null;
        }

        if (Is(attributeClass, Counter))
        {
            return MetricKind.Counter;
        }

        if (Is(attributeClass, Gauge))
        {
            return MetricKind.Gauge;
        }

        if (Is(attributeClass, Histogram))
        {
            return MetricKind.Histogram;
        }

        return Is(attributeClass, Summary) ? MetricKind.Summary : null;
    }

    /// <summary>True when <paramref name="attributeClass"/> is <c>LabelAttribute&lt;T&gt;</c> for some T.</summary>
    public bool IsLabel(INamedTypeSymbol? attributeClass) => attributeClass is not null && Is(attributeClass.OriginalDefinition, Label);

    /// <summary>False when the runtime is not referenced: no generated metric type can exist.</summary>
    public bool CanHaveGeneratedMetrics => GeneratedCode is not null && MetricRegistry is not null;

    /// <summary>
    /// True when <paramref name="symbol"/> is a type this generator emitted: it carries
    /// <c>[GeneratedCode("Metrics.Generators", …)]</c> (metric types, their stand-ins and <c>MetricCatalog</c>).
    /// </summary>
    public bool IsGenerated(ISymbol? symbol)
    {
        if (symbol is not INamedTypeSymbol type || GeneratedCode is null)
        {
            return false;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (Is(attribute.AttributeClass, GeneratedCode)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
                && attribute.ConstructorArguments[0].Value is string tool
                && string.Equals(tool, GeneratorToolName, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="type"/> is a metric type this generator emitted (or its stand-in for a declaration
    /// with errors): generated, and constructed from a <c>MetricRegistry</c>.
    /// </summary>
    public bool IsGeneratedMetricType(INamedTypeSymbol? type)
    {
        if (type is null || MetricRegistry is null || !IsGenerated(type))
        {
            return false;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 1 && Is(constructor.Parameters[0].Type, MetricRegistry))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The generated metric type <paramref name="type"/> is or is nested in (<c>Series</c>, <c>Labels</c>), or null.</summary>
    public INamedTypeSymbol? GeneratedMetricTypeOf(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.ContainingType)
        {
            if (IsGeneratedMetricType(current))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="symbol"/> and <paramref name="known"/> are the same type.</summary>
    public static bool Is(ITypeSymbol? symbol, INamedTypeSymbol? known)
        => symbol is not null && known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);
}

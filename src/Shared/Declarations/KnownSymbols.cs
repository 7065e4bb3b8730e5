using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// KnownSymbols resolves the declaration attributes of one compilation by metadata name, once, so the
/// reader compares symbols instead of names. A member is null when the compilation does not reference
/// the runtime (or references two copies of it).
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

    /// <summary>True when <paramref name="symbol"/> and <paramref name="known"/> are the same type.</summary>
    public static bool Is(ITypeSymbol? symbol, INamedTypeSymbol? known)
        => symbol is not null && known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// UsageSymbols resolves, once per compilation, what the call-site rules (MG2004, MG2005, MG4004–MG4006) look for,
/// and hands out what the shared code knows of the metric types the generator emitted: which types they are
/// (<see cref="KnownSymbols.GeneratedMetricTypeOf"/>) and what their declaration says (<see cref="DeclarationReader"/>).
/// </summary>
internal sealed class UsageSymbols
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, MetricSpec?> _declarations = new(SymbolEqualityComparer.Default);

    public UsageSymbols(Compilation compilation)
    {
        Known = KnownSymbols.For(compilation);
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        DbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
        IDbCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        DateTime = compilation.GetTypeByMetadataName("System.DateTime");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        Activity = compilation.GetTypeByMetadataName("System.Diagnostics.Activity");
        Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        IIdentity = compilation.GetTypeByMetadataName("System.Security.Principal.IIdentity");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
    }

    /// <summary>Our own types in this compilation, and what tells a type the generator emitted.</summary>
    public KnownSymbols Known { get; }

    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? DbCommand { get; }
    public INamedTypeSymbol? IDbCommand { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? Activity { get; }
    public INamedTypeSymbol? Stopwatch { get; }
    public INamedTypeSymbol? Environment { get; }
    public INamedTypeSymbol? IIdentity { get; }
    public INamedTypeSymbol? StringBuilder { get; }

    /// <summary>False when the runtime is not referenced: no generated metric types can exist.</summary>
    public bool CanHaveMetrics => Known.CanHaveGeneratedMetrics;

    /// <summary>
    /// The generated metric type <paramref name="type"/> is or is nested in (<c>Series</c>, <c>Labels</c>), or null.
    /// </summary>
    public INamedTypeSymbol? MetricTypeOf(ITypeSymbol? type) => Known.GeneratedMetricTypeOf(type);

    /// <summary>True when <paramref name="type"/> (or its original definition) derives from or is <paramref name="baseType"/>.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <see cref="System.Threading.Tasks.Task"/>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>.</summary>
    public bool IsTaskLike(ITypeSymbol? type)
        => DerivesFrom(type, Task) || DerivesFrom(type, TaskOfT)
           || SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, ValueTask)
           || SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, ValueTaskOfT);

    /// <summary>The metric name declared for the generated <paramref name="metricType"/>, as the shared reader read it; null when it is not declared in this compilation.</summary>
    public string? DeclaredName(INamedTypeSymbol metricType, CancellationToken cancellationToken)
        => DeclarationOf(metricType, cancellationToken)?.Name;

    /// <summary>The unit of the declaration of <paramref name="metricType"/>, as the shared reader read it, or null.</summary>
    public string? DeclaredUnit(INamedTypeSymbol metricType, CancellationToken cancellationToken)
        => DeclarationOf(metricType, cancellationToken)?.Unit;

    // The reader's model of the property whose type is metricType; read once per metric type, as call sites repeat.
    // Only declarations in source are read: a metric type from a referenced assembly has none to read here.
    private MetricSpec? DeclarationOf(INamedTypeSymbol metricType, CancellationToken cancellationToken)
        => _declarations.GetOrAdd(metricType, type => Read(type, cancellationToken));

    private MetricSpec? Read(INamedTypeSymbol metricType, CancellationToken cancellationToken)
    {
        foreach (var member in metricType.ContainingType?.GetMembers() ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is IPropertySymbol property && SymbolEqualityComparer.Default.Equals(property.Type, metricType)
                && DeclarationReader.Read(property, Known, cancellationToken).Spec is { } spec)
            {
                return spec;
            }
        }

        return null;
    }
}

using System;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// UsageSymbols resolves, once per compilation, what the call-site rules (MG2004, MG2005, MG4004–MG4006) look for,
/// and recognises the metric types the generator emitted: they, or the type they are nested in (for
/// <c>Series</c> and <c>Labels</c>), carry <c>[GeneratedCode("Metrics.Generators", …)]</c>.
/// </summary>
internal sealed class UsageSymbols
{
    public UsageSymbols(Compilation compilation)
    {
        GeneratedCode = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        MetricRegistry = compilation.GetTypeByMetadataName("Metrics.Generators.MetricRegistry");
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

    public INamedTypeSymbol? GeneratedCode { get; }
    public INamedTypeSymbol? MetricRegistry { get; }
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
    public bool CanHaveMetrics => GeneratedCode is not null && MetricRegistry is not null;

    /// <summary>
    /// The generated metric type <paramref name="type"/> is or is nested in (<c>Series</c>, <c>Labels</c>), or null.
    /// </summary>
    public INamedTypeSymbol? MetricTypeOf(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.ContainingType)
        {
            if (IsGeneratedByUs(current))
            {
                return current;
            }
        }

        return null;
    }

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

    /// <summary>The metric name declared for the generated <paramref name="metricType"/>: the first argument of the attribute on the property whose type it is.</summary>
    public static string? DeclaredName(INamedTypeSymbol metricType)
        => DeclarationAttribute(metricType) is { } attribute && attribute.ConstructorArguments[0].Value is string name ? name : null;

    /// <summary>The <c>Unit</c> named argument of the declaration of <paramref name="metricType"/>, or null when it has none.</summary>
    public static string? DeclaredUnit(INamedTypeSymbol metricType)
    {
        if (DeclarationAttribute(metricType) is not { } attribute)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Unit" && argument.Value.Value is string unit)
            {
                return unit;
            }
        }

        return null;
    }

    // The metric attribute ([Counter], [Histogram]…) on the property whose type is the generated metricType.
    private static AttributeData? DeclarationAttribute(INamedTypeSymbol metricType)
    {
        var container = metricType.ContainingType;
        if (container is null)
        {
            return null;
        }

        foreach (var member in container.GetMembers())
        {
            if (member is not IPropertySymbol property || !SymbolEqualityComparer.Default.Equals(property.Type, metricType))
            {
                continue;
            }

            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass?.ContainingNamespace?.ToDisplayString() == "Metrics.Generators"
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
                    && attribute.ConstructorArguments[0].Value is string)
                {
                    return attribute;
                }
            }
        }

        return null;
    }

    private bool IsGeneratedByUs(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, GeneratedCode)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
                && string.Equals(attribute.ConstructorArguments[0].Value as string, KnownSymbols.GeneratorToolName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// UnboundedLabelSourceAnalyzer reports MG2004: a string label of a generated metric fed, at the call site,
/// from a source that takes a new value per request or object — a raw path or URL, a query or header value,
/// an exception message, the text of a Guid, timestamp or number, an interpolated string. The label's bound
/// keeps the series count safe, but such values fill it at once and everything else lands in
/// <c>__overflow__</c>. Every string parameter of a generated recording method (<c>Inc</c>, <c>Observe</c>,
/// <c>Bind</c>…) and of the <c>Labels</c> constructor is a label: amounts and values are doubles.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedLabelSourceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnboundedLabelSource);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = new UsageSymbols(start.Compilation);
            if (!symbols.CanHaveMetrics)
            {
                return;
            }

            start.RegisterOperationAction(ctx => Analyze(ctx, symbols, ((IInvocationOperation)ctx.Operation).TargetMethod, ((IInvocationOperation)ctx.Operation).Arguments), OperationKind.Invocation);
            start.RegisterOperationAction(
                ctx =>
                {
                    if (((IObjectCreationOperation)ctx.Operation).Constructor is { } constructor)
                    {
                        Analyze(ctx, symbols, constructor, ((IObjectCreationOperation)ctx.Operation).Arguments);
                    }
                },
                OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, UsageSymbols symbols, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        // Cheap checks first: a string parameter, then whether the method belongs to a generated metric.
        var hasStringParameter = false;
        foreach (var parameter in method.Parameters)
        {
            hasStringParameter |= parameter.Type.SpecialType == SpecialType.System_String;
        }

        if (!hasStringParameter || symbols.MetricTypeOf(method.ContainingType) is not { } metricType)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter
                || argument.ArgumentKind != ArgumentKind.Explicit
                || Describe(argument.Value, symbols) is not { } source)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnboundedLabelSource,
                argument.Value.Syntax.GetLocation(),
                parameter.Name.TrimStart('@'),
                UsageSymbols.DeclaredName(metricType) ?? metricType.Name,
                source));
        }
    }

    // What makes the value unbounded, or null when nothing is known to.
    private static string? Describe(IOperation value, UsageSymbols symbols)
    {
        while (value is IConversionOperation conversion)
        {
            // PathString, StringValues and the like reach a string parameter through a user-defined conversion.
            if (DescribeType(conversion.Operand.Type) is { } byType)
            {
                return byType;
            }

            value = conversion.Operand;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated when !IsConstant(interpolated):
                return "an interpolated string";
            case ICoalesceOperation coalesce:
                return Describe(coalesce.Value, symbols) ?? Describe(coalesce.WhenNull, symbols);
            case IConditionalAccessOperation conditional:
                return Describe(conditional.WhenNotNull, symbols) ?? Describe(conditional.Operation, symbols);
            case IInvocationOperation invocation:
                return DescribeInvocation(invocation, symbols);
            case IPropertyReferenceOperation property:
                return DescribeProperty(property, symbols);
            default:
                return null;
        }
    }

    private static string? DescribeInvocation(IInvocationOperation invocation, UsageSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Instance?.Type is { } receiver)
        {
            if (DescribeValueType(receiver, symbols) is { } what)
            {
                // A status code's text is bounded; an id's is not. Numbers count only when named like an id.
                if (what != "a number" || IsNamedLikeId(invocation.Instance!))
                {
                    return "the text of " + (what == "a number" ? "a numeric id" : what);
                }
            }

            if (DescribeType(receiver) is { } byType)
            {
                return byType;
            }

            if (UsageSymbols.DerivesFrom(receiver, symbols.Uri))
            {
                return "a URL";
            }

            if (UsageSymbols.DerivesFrom(receiver, symbols.Exception))
            {
                return "an exception's text";
            }
        }

        if (method.Name == "Format" && method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            return "a formatted string";
        }

        return null;
    }

    private static string? DescribeProperty(IPropertyReferenceOperation reference, UsageSymbols symbols)
    {
        var property = reference.Property;
        var owner = property.ContainingType;
        if (UsageSymbols.DerivesFrom(owner, symbols.Exception) && property.Name is "Message" or "StackTrace" or "Source")
        {
            return "an exception's " + property.Name;
        }

        if (UsageSymbols.DerivesFrom(owner, symbols.Uri)
            && property.Name is "AbsoluteUri" or "AbsolutePath" or "PathAndQuery" or "OriginalString" or "Query" or "LocalPath" or "Fragment")
        {
            return "a URL (Uri." + property.Name + ")";
        }

        if (owner is not null && IsAspNetHttp(owner))
        {
            if (property.IsIndexer)
            {
                return "a request " + (owner.Name.IndexOf("Header", StringComparison.Ordinal) >= 0 ? "header" : "query or form") + " value";
            }

            if (property.Name is "Path" or "PathBase" or "QueryString" or "Value" or "Host" && owner.Name is "HttpRequest" or "PathString" or "QueryString" or "HostString")
            {
                return "the raw request path or URL (" + owner.Name + "." + property.Name + ")";
            }
        }

        return DescribeType(reference.Type);
    }

    // Types whose values are per request: PathString, QueryString, StringValues (query and header values).
    private static string? DescribeType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var ns = type.ContainingNamespace?.ToDisplayString();
        if (ns == "Microsoft.AspNetCore.Http" && type.Name is "PathString" or "QueryString")
        {
            return "the raw request path or URL (" + type.Name + ")";
        }

        return ns == "Microsoft.Extensions.Primitives" && type.Name == "StringValues" ? "a request query or header value" : null;
    }

    private static string? DescribeValueType(ITypeSymbol type, UsageSymbols symbols)
    {
        if (SymbolEqualityComparer.Default.Equals(type, symbols.Guid))
        {
            return "a Guid";
        }

        if (SymbolEqualityComparer.Default.Equals(type, symbols.DateTime) || SymbolEqualityComparer.Default.Equals(type, symbols.DateTimeOffset)
            || SymbolEqualityComparer.Default.Equals(type, symbols.TimeSpan))
        {
            return "a timestamp";
        }

        return type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
            ? "a number"
            : null;
    }

    private static bool IsNamedLikeId(IOperation receiver)
    {
        var name = receiver switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };
        return name is not null && (name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal)
                                    || name.EndsWith("ID", StringComparison.Ordinal) || name.EndsWith("_id", StringComparison.Ordinal));
    }

    private static bool IsAspNetHttp(INamedTypeSymbol type)
        => type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http";

    private static bool IsConstant(IInterpolatedStringOperation interpolated) => interpolated.ConstantValue.HasValue;
}

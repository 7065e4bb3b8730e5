using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Metrics.Generators.Shared.Diagnostics;
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
/// The value is followed back (<see cref="ValueFlow"/>, same compilation, bounded): through a local or a
/// private/readonly field assigned once, a parameter of a non-public helper or local function to its call
/// sites, <c>+</c>, <c>string.Concat</c>/<c>Format</c>/<c>Join</c>, interpolation holes, <c>StringBuilder</c>
/// appends and string chains (<c>ToLowerInvariant</c>, <c>Trim</c>, <c>Substring</c>…). Constants, enums and
/// their <c>ToString()</c>, and a public method's parameters are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedLabelSourceAnalyzer : DiagnosticAnalyzer
{
    // Operations inside one value's expression trees (concatenations, chains, builders) walked before giving up.
    private const int MaxDepth = 16;

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

            // One per compilation: what locals, fields and helper parameters hold is cached across call sites.
            var flow = new ValueFlow(start.Compilation, start.CancellationToken);
            start.RegisterOperationAction(ctx => Analyze(ctx, symbols, flow, ((IInvocationOperation)ctx.Operation).TargetMethod, ((IInvocationOperation)ctx.Operation).Arguments), OperationKind.Invocation);
            start.RegisterOperationAction(
                ctx =>
                {
                    if (((IObjectCreationOperation)ctx.Operation).Constructor is { } constructor)
                    {
                        Analyze(ctx, symbols, flow, constructor, ((IObjectCreationOperation)ctx.Operation).Arguments);
                    }
                },
                OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, UsageSymbols symbols, ValueFlow flow, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
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
                || Describe(argument.Value, new Walk(symbols, flow, context.CancellationToken)) is not { } source)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnboundedLabelSource,
                argument.Value.Syntax.GetLocation(),
                parameter.Name.TrimStart('@'),
                symbols.DeclaredName(metricType, context.CancellationToken) ?? metricType.Name,
                source));
        }
    }

    // What makes the value unbounded, or null when nothing is known to. Follows the value back through locals,
    // fields and helper parameters (ValueFlow, at most MaxHops of them), concatenation, formatting,
    // StringBuilder and string-method chains; 'depth' bounds the walk over one expression tree.
    private static string? Describe(IOperation value, Walk walk, int depth = 0)
    {
        if (depth > MaxDepth || value.ConstantValue.HasValue)
        {
            return null;
        }

        while (value is IConversionOperation or IParenthesizedOperation)
        {
            if (value is IParenthesizedOperation parenthesized)
            {
                value = parenthesized.Operand;
                continue;
            }

            var conversion = (IConversionOperation)value;

            // PathString, StringValues and the like reach a string parameter through a user-defined conversion.
            if (DescribeType(conversion.Operand.Type) is { } byType)
            {
                return byType;
            }

            value = conversion.Operand;
        }

        if (value.Type is { } type && value.Type.SpecialType != SpecialType.System_String && DescribeText(value, type, walk.Symbols) is { } asText)
        {
            // A non-string value turned into text by concatenation or interpolation: a Guid, a timestamp, an id.
            return asText;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                return DescribeInterpolation(interpolated, walk, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return Describe(concatenation.LeftOperand, walk, depth + 1) ?? Describe(concatenation.RightOperand, walk, depth + 1);
            case ICoalesceOperation coalesce:
                return Describe(coalesce.Value, walk, depth + 1) ?? Describe(coalesce.WhenNull, walk, depth + 1);
            case IConditionalOperation conditional:
                return Describe(conditional.WhenTrue, walk, depth + 1) ?? (conditional.WhenFalse is { } whenFalse ? Describe(whenFalse, walk, depth + 1) : null);
            case IConditionalAccessOperation conditional:
                return Describe(conditional.WhenNotNull, walk, depth + 1) ?? Describe(conditional.Operation, walk, depth + 1);
            case IInvocationOperation invocation:
                return DescribeInvocation(invocation, walk, depth);
            case IPropertyReferenceOperation property:
                return DescribeProperty(property, walk.Symbols) ?? DescribeReceiverChain(property, walk, depth);
            case ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation:
                return DescribeType(value.Type) ?? Follow(value, walk, depth);
            default:
                return null;
        }
    }

    // A local, field or parameter: what its one assignment, or the arguments at its helper's call sites, are fed.
    private static string? Follow(IOperation reference, Walk walk, int depth)
    {
        var symbol = reference switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation field => field.Field,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null || walk.Hops >= ValueFlow.MaxHops || !walk.Visiting.Add(symbol))
        {
            return null;
        }

        walk.Hops++;
        try
        {
            foreach (var assigned in walk.Flow.ValuesOf(reference, walk.CancellationToken))
            {
                if (Describe(assigned, walk, depth + 1) is { } what)
                {
                    return symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter
                        ? what + ", passed to parameter '" + parameter.Name + "' of " + method.Name
                        : what;
                }
            }

            return null;
        }
        finally
        {
            walk.Hops--;
            walk.Visiting.Remove(symbol);
        }
    }

    // A non-constant interpolation warns as before, unless every hole is known to be bounded (an enum, a bool, a
    // constant); a hole fed from a known source names that source.
    private static string? DescribeInterpolation(IInterpolatedStringOperation interpolated, Walk walk, int depth)
    {
        if (interpolated.ConstantValue.HasValue)
        {
            return null;
        }

        var allBounded = true;
        foreach (var part in interpolated.Parts)
        {
            if (part is not IInterpolationOperation hole)
            {
                continue;
            }

            if (Describe(hole.Expression, walk, depth + 1) is { } what)
            {
                return "an interpolated string of " + what;
            }

            allBounded &= IsKnownBounded(hole.Expression);
        }

        return allBounded ? null : "an interpolated string";
    }

    private static bool IsKnownBounded(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue.HasValue
               || value.Type is { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_Boolean }
               || value is IInvocationOperation { TargetMethod.Name: "ToString", Instance.Type.TypeKind: TypeKind.Enum };
    }

    private static string? DescribeInvocation(IInvocationOperation invocation, Walk walk, int depth)
    {
        var symbols = walk.Symbols;
        var method = invocation.TargetMethod;
        var owner = method.ContainingType;
        var ns = owner?.ContainingNamespace?.ToDisplayString();
        if (invocation.Instance is { } instance && instance.Type is { } receiver)
        {
            if (method.Name is "ToString" or "ToHexString" or "ToShortDateString" or "ToLongDateString" or "ToShortTimeString" or "ToLongTimeString"
                or "ToUnixTimeSeconds" or "ToUnixTimeMilliseconds" or "ToFileTime")
            {
                if (DescribeText(instance, receiver, symbols) is { } asText)
                {
                    return asText;
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

                if (UsageSymbols.DerivesFrom(receiver, symbols.StringBuilder))
                {
                    return DescribeBuilder(instance, walk, depth + 1);
                }

                // Any other ToString(): what the receiver is, e.g. a route value or a header read into a local.
                return receiver.TypeKind == TypeKind.Enum ? null : Describe(instance, walk, depth + 1);
            }

            // Case, trim and slice keep what the text came from.
            if (receiver.SpecialType == SpecialType.System_String && s_stringChains.Contains(method.Name))
            {
                return Describe(instance, walk, depth + 1);
            }

            if (method.Name == "FindFirstValue" && IsClaims(owner))
            {
                return "a user claim (ClaimsPrincipal.FindFirstValue)";
            }
        }

        if (method.IsExtensionMethod && ns is "Microsoft.AspNetCore.Http.Extensions" or "Microsoft.AspNetCore.Http"
            && method.Name is "GetDisplayUrl" or "GetEncodedUrl" or "GetEncodedPathAndQuery" or "GetUri")
        {
            return "the raw request path or URL (" + method.Name + ")";
        }

        if (method.Name is "GetRouteValue" && ns == "Microsoft.AspNetCore.Routing")
        {
            return "a route value (GetRouteValue)";
        }

        if (method.Name == "FindFirstValue" && method.IsExtensionMethod && invocation.Arguments.Length > 0 && IsClaims(invocation.Arguments[0].Value.Type as INamedTypeSymbol))
        {
            return "a user claim (FindFirstValue)";
        }

        if (owner?.SpecialType == SpecialType.System_String && method.IsStatic)
        {
            if (method.Name is "Concat" or "Join" or "Format")
            {
                foreach (var argument in invocation.Arguments)
                {
                    foreach (var element in Elements(argument.Value))
                    {
                        if (Describe(element, walk, depth + 1) is { } what)
                        {
                            return what;
                        }
                    }
                }

                return method.Name == "Format" ? "a formatted string" : null;
            }
        }

        if (method.Name == "ToString" && method.IsStatic && owner?.Name == "Convert" && invocation.Arguments.Length > 0)
        {
            return Describe(invocation.Arguments[0].Value, walk, depth + 1);
        }

        return null;
    }

    private static readonly ImmutableHashSet<string> s_stringChains = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant", "Trim", "TrimStart", "TrimEnd", "Substring", "Replace", "PadLeft", "PadRight",
        "Normalize", "Remove", "Insert", "ToString", "AsSpan", "Clone");

    // The arguments of a params call: string.Concat(a, b, c) reaches us as one array (Roslyn 4.8 has no collection-expression operation).
    private static IEnumerable<IOperation> Elements(IOperation value)
    {
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            return initializer.ElementValues;
        }

        // params ReadOnlySpan<string> (string.Concat of five or more on .NET 9+): a collection expression, read through its children.
        return value.Type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", ContainingNamespace.Name: "System" } && value is not ILocalReferenceOperation
            ? value.ChildOperations
            : [value];
    }

    // A StringBuilder's text is what was appended to it: chained Append calls, its constructor, or the calls on its local.
    private static string? DescribeBuilder(IOperation builder, Walk walk, int depth)
    {
        for (var current = builder; depth <= MaxDepth; depth++)
        {
            while (current is IConversionOperation conversion)
            {
                current = conversion.Operand;
            }

            switch (current)
            {
                case IInvocationOperation invocation:
                    if (DescribeArguments(invocation.Arguments, walk, depth) is { } appended)
                    {
                        return appended;
                    }

                    if (invocation.Instance is null)
                    {
                        return null;
                    }

                    current = invocation.Instance;
                    continue;
                case IObjectCreationOperation creation:
                    return DescribeArguments(creation.Arguments, walk, depth);
                case ILocalReferenceOperation local:
                    foreach (var write in walk.Flow.BuilderWrites(local))
                    {
                        var what = write is IInvocationOperation call ? DescribeArguments(call.Arguments, walk, depth) : DescribeBuilder(write, walk, depth + 1);
                        if (what is not null)
                        {
                            return what;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        return null;
    }

    private static string? DescribeArguments(ImmutableArray<IArgumentOperation> arguments, Walk walk, int depth)
    {
        foreach (var argument in arguments)
        {
            foreach (var element in Elements(argument.Value))
            {
                if (Describe(element, walk, depth + 1) is { } what)
                {
                    return what;
                }
            }
        }

        return null;
    }

    // request.RouteValues["id"], HttpContext.User.Identity.Name: properties whose owner is itself a per-request source.
    private static string? DescribeReceiverChain(IPropertyReferenceOperation property, Walk walk, int depth)
        => property.Instance is { } instance && property.Property.Type.SpecialType == SpecialType.System_String
           && DescribeType(instance.Type) is null && property.Property.Name is "Value"
            ? Describe(instance, walk, depth + 1)
            : null;

    private static string? DescribeProperty(IPropertyReferenceOperation reference, UsageSymbols symbols)
    {
        var property = reference.Property;
        var owner = property.ContainingType;
        if (owner is null)
        {
            return null;
        }

        if (UsageSymbols.DerivesFrom(owner, symbols.Exception) && property.Name is "Message" or "StackTrace" or "Source")
        {
            return "an exception's " + property.Name;
        }

        if (UsageSymbols.DerivesFrom(owner, symbols.Uri)
            && property.Name is "AbsoluteUri" or "AbsolutePath" or "PathAndQuery" or "OriginalString" or "Query" or "LocalPath" or "Fragment")
        {
            return "a URL (Uri." + property.Name + ")";
        }

        if (UsageSymbols.DerivesFrom(owner, symbols.Activity) && property.Name is "Id" or "TraceId" or "SpanId" or "RootId" or "ParentId" or "ParentSpanId" or "TraceStateString")
        {
            return "an Activity id (Activity." + property.Name + ")";
        }

        if (IsClaims(owner) || SymbolEqualityComparer.Default.Equals(owner, symbols.IIdentity) || ImplementsIdentity(owner, symbols))
        {
            if (property.Name is "Name" or "Value" or "Subject" or "Claims")
            {
                return "a user identity or claim (" + owner.Name + "." + property.Name + ")";
            }
        }

        var ns = owner.ContainingNamespace?.ToDisplayString();
        if (ns == "Microsoft.AspNetCore.Routing" && property.IsIndexer)
        {
            return "a route value (" + owner.Name + ")";
        }

        if (ns != "Microsoft.AspNetCore.Http")
        {
            return DescribeType(reference.Type);
        }

        if (property.IsIndexer)
        {
            return "a request " + RequestPart(owner.Name) + " value";
        }

        if (property.Name == "TraceIdentifier" && owner.Name == "HttpContext")
        {
            return "the request's trace identifier (HttpContext.TraceIdentifier)";
        }

        if (owner.Name == "ConnectionInfo" && property.Name is "RemoteIpAddress" or "Id" or "RemotePort" or "ClientCertificate")
        {
            return "a client address or connection id (ConnectionInfo." + property.Name + ")";
        }

        if (property.Name is "RouteValues")
        {
            return "a route value (HttpRequest.RouteValues)";
        }

        if (property.Name is "Path" or "PathBase" or "QueryString" or "Value" or "Host" && owner.Name is "HttpRequest" or "PathString" or "QueryString" or "HostString")
        {
            return "the raw request path or URL (" + owner.Name + "." + property.Name + ")";
        }

        return DescribeType(reference.Type) is { } byType ? byType.Replace("query or header", RequestPart(owner.Name)) : null;
    }

    private static string RequestPart(string owner)
        => owner.IndexOf("Header", StringComparison.Ordinal) >= 0 ? "header"
            : owner.IndexOf("Cookie", StringComparison.Ordinal) >= 0 ? "cookie"
            : owner.IndexOf("Form", StringComparison.Ordinal) >= 0 ? "form"
            : owner.IndexOf("Query", StringComparison.Ordinal) >= 0 ? "query"
            : "query or header";

    private static bool IsClaims(INamedTypeSymbol? type)
        => type?.ContainingNamespace?.ToDisplayString() == "System.Security.Claims" && type.Name is "ClaimsPrincipal" or "ClaimsIdentity" or "Claim";

    private static bool ImplementsIdentity(INamedTypeSymbol type, UsageSymbols symbols)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, symbols.IIdentity))
            {
                return true;
            }
        }

        return false;
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

        if (ns == "System.Diagnostics" && type.Name is "ActivityTraceId" or "ActivitySpanId")
        {
            return "an Activity id (" + type.Name + ")";
        }

        if (ns == "System.Net" && type.Name is "IPAddress" or "IPEndPoint")
        {
            return "a client address (" + type.Name + ")";
        }

        return ns == "Microsoft.Extensions.Primitives" && type.Name == "StringValues" ? "a request query or header value" : null;
    }

    // The text of a value that is not a string: a Guid, a timestamp, or a number named like an id. Null for status codes and counts.
    private static string? DescribeText(IOperation value, ITypeSymbol type, UsageSymbols symbols)
    {
        if (value.ConstantValue.HasValue || DescribeValueType(type, symbols) is not { } what)
        {
            return null;
        }

        // A status code's text is bounded; an id's is not. Numbers count only when named like an id.
        return what != "a number" ? "the text of " + what : IsNamedLikeId(value) ? "the text of a numeric id" : null;
    }

    private static string? DescribeValueType(ITypeSymbol type, UsageSymbols symbols)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

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

    // The state of one argument's walk: the symbols on the current path (no cycles) and how many were followed.
    private sealed class Walk(UsageSymbols symbols, ValueFlow flow, CancellationToken cancellationToken)
    {
        public UsageSymbols Symbols { get; } = symbols;
        public ValueFlow Flow { get; } = flow;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public HashSet<ISymbol> Visiting { get; } = new(SymbolEqualityComparer.Default);
        public int Hops { get; set; }
    }
}

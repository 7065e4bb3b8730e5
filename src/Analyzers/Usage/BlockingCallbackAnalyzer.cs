using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// BlockingCallbackAnalyzer reports MG4005: blocking or synchronous I/O inside a lambda passed to a generated
/// gauge's <c>SetCallback</c>. The callback runs on every scrape, inside <c>/metrics</c>: a blocked callback
/// stalls the scrape, times it out and ties up a thread-pool thread each time. Looks for <c>.Result</c>,
/// <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>, <c>Thread.Sleep</c>, <c>HttpClient.Send</c> and the
/// synchronous <c>DbCommand</c>/<c>IDbCommand</c> <c>Execute*</c> methods, in the lambda, in a method group
/// given to <c>SetCallback</c> (<c>SetCallback(ReadQueueDepth)</c>), and in the methods and local functions of
/// this compilation they call, up to <see cref="MaxCallDepth"/> calls deep.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallbackAnalyzer : DiagnosticAnalyzer
{
    /// <summary>How many calls deep the callback is followed into methods and local functions of the compilation.</summary>
    public const int MaxCallDepth = 3;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.BlockingCallback);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = new UsageSymbols(start.Compilation);
            if (symbols.CanHaveMetrics)
            {
                var flow = new ValueFlow(start.Compilation, start.CancellationToken);
                start.RegisterOperationAction(ctx => Analyze(ctx, symbols, flow), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, UsageSymbols symbols, ValueFlow flow)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "SetCallback" || invocation.Arguments.Length != 1
            || symbols.MetricTypeOf(invocation.TargetMethod.ContainingType) is not { } metricType)
        {
            return;
        }

        var value = invocation.Arguments[0].Value;
        while (value is IConversionOperation or IDelegateCreationOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        }

        var name = symbols.DeclaredName(metricType, context.CancellationToken) ?? metricType.Name;
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                foreach (var descendant in lambda.Body.Descendants())
                {
                    // Blocking written in the lambda is reported where it is; blocking in what it calls, at the call.
                    var what = Blocking(descendant, symbols)
                               ?? (descendant is IInvocationOperation call ? BlockingIn(call.TargetMethod, symbols, flow, visited, 1, context.CancellationToken) : null);
                    if (what is not null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingCallback, descendant.Syntax.GetLocation(), name, what));
                    }
                }

                break;
            case IMethodReferenceOperation group when BlockingIn(group.Method, symbols, flow, visited, 0, context.CancellationToken) is { } inGroup:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingCallback, invocation.Arguments[0].Syntax.GetLocation(), name, inGroup));
                break;
        }
    }

    // The first blocking call in a method or local function of this compilation, or in what it calls, as "X in M".
    private static string? BlockingIn(IMethodSymbol method, UsageSymbols symbols, ValueFlow flow, HashSet<IMethodSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxCallDepth || !visited.Add(method.OriginalDefinition) || flow.BodyOf(method, cancellationToken) is not { } body)
        {
            return null;
        }

        foreach (var descendant in body.Descendants())
        {
            // A local function declared inside is followed only where it is called.
            if (Blocking(descendant, symbols) is { } what && !IsInNestedLocalFunction(descendant, body))
            {
                return what + " in " + method.Name;
            }

            if (descendant is IInvocationOperation call && !IsInNestedLocalFunction(descendant, body)
                && BlockingIn(call.TargetMethod, symbols, flow, visited, depth + 1, cancellationToken) is { } nested)
            {
                return nested + ", called from " + method.Name;
            }
        }

        return null;
    }

    private static bool IsInNestedLocalFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Blocking(IOperation operation, UsageSymbols symbols)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Result" } result when symbols.IsTaskLike(result.Property.ContainingType):
                return ".Result";
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var owner = method.ContainingType;
                if (method.Name == "Wait" && symbols.IsTaskLike(owner))
                {
                    return ".Wait()";
                }

                if (method.Name == "GetResult" && owner?.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices"
                    && owner.Name.EndsWith("Awaiter", System.StringComparison.Ordinal))
                {
                    return "GetAwaiter().GetResult()";
                }

                if (method.Name == "Sleep" && SymbolEqualityComparer.Default.Equals(owner, symbols.Thread))
                {
                    return "Thread.Sleep";
                }

                if (method.Name == "Send" && UsageSymbols.DerivesFrom(owner, symbols.HttpClient))
                {
                    return "synchronous HttpClient.Send";
                }

                if (method.Name is "ExecuteReader" or "ExecuteScalar" or "ExecuteNonQuery"
                    && (UsageSymbols.DerivesFrom(owner, symbols.DbCommand) || SymbolEqualityComparer.Default.Equals(owner, symbols.IDbCommand)))
                {
                    return "synchronous " + method.Name;
                }

                return null;
            default:
                return null;
        }
    }
}

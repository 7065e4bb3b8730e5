using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// BlockingCallbackAnalyzer reports MG4005: blocking or synchronous I/O inside a lambda passed to a generated
/// gauge's <c>SetCallback</c>. The callback runs on every scrape, inside <c>/metrics</c>: a blocked callback
/// stalls the scrape, times it out and ties up a thread-pool thread each time. Looks for <c>.Result</c>,
/// <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>, <c>Thread.Sleep</c>, <c>HttpClient.Send</c> and the
/// synchronous <c>DbCommand</c>/<c>IDbCommand</c> <c>Execute*</c> methods.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallbackAnalyzer : DiagnosticAnalyzer
{
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
                start.RegisterOperationAction(ctx => Analyze(ctx, symbols), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, UsageSymbols symbols)
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

        if (value is not IAnonymousFunctionOperation lambda)
        {
            return;
        }

        var name = UsageSymbols.DeclaredName(metricType) ?? metricType.Name;
        foreach (var descendant in lambda.Body.Descendants())
        {
            if (Blocking(descendant, symbols) is { } what)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingCallback, descendant.Syntax.GetLocation(), name, what));
            }
        }
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

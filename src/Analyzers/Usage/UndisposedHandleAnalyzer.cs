using System.Collections.Immutable;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// UndisposedHandleAnalyzer reports MG4006: the handle returned by a generated <c>Time()</c> or
/// <c>TrackInProgress()</c> that is not disposed on every path. The timer records, and the tracker decrements,
/// only in <c>Dispose()</c>: a discarded handle never records, and a <c>Dispose()</c> call outside a
/// <c>finally</c> is skipped by an exception (a missing duration, a gauge that stays high). A handle in a
/// <c>using</c>, disposed in a <c>finally</c>, returned, stored in a field or property, or passed to a method
/// is fine. MG4004 reports <c>Inc()</c> calls and this rule only these handles, so no call gets both.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndisposedHandleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UndisposedHandle);

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
        var method = invocation.TargetMethod;
        if (method.Name is not ("Time" or "TrackInProgress") || !method.Parameters.IsEmpty
            || symbols.MetricTypeOf(method.ContainingType) is not { } metricType)
        {
            return;
        }

        if (Fate(invocation) is not { } fate)
        {
            return;
        }

        var consequence = method.Name == "Time" ? "no duration is recorded when it is skipped" : "the gauge stays too high when it is skipped";
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UndisposedHandle, invocation.Syntax.GetLocation(),
            method.Name, symbols.DeclaredName(metricType, context.CancellationToken) ?? metricType.Name, fate, consequence));
    }

    // What happens to the handle, when that is not a disposal on every path; null when it is fine or handed on.
    private static string? Fate(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IExpressionStatementOperation:
                return "discarded and never disposed";
            case ISimpleAssignmentOperation { Target: IDiscardOperation } or IDiscardOperation:
                return "discarded and never disposed";
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current:
                return LocalFate(local.Local, invocation);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when !IsUsingDeclaration(declarator):
                return LocalFate(declarator.Symbol, invocation);
            case IInvocationOperation { TargetMethod.Name: "Dispose" }:
                // X.Time().Dispose() records nothing useful, but it is disposed: not this rule's concern.
                return null;
            default:
                // using (…), return, a field or property, an argument: disposed or handed to someone who will be.
                return null;
        }
    }

    private static bool IsUsingDeclaration(IVariableDeclaratorOperation declarator)
    {
        for (IOperation? current = declarator.Parent; current is not null; current = current.Parent)
        {
            if (current is IUsingDeclarationOperation or IUsingOperation)
            {
                return true;
            }

            if (current is not (IVariableDeclarationOperation or IVariableDeclarationGroupOperation))
            {
                return false;
            }
        }

        return false;
    }

    // A handle kept in a local: fine when the local is used in a using, returned, stored, passed on or disposed in a finally.
    private static string? LocalFate(ILocalSymbol local, IOperation start)
    {
        var root = ValueFlow.RootOf(start);
        var disposedOutsideFinally = false;
        foreach (var operation in root.Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            IOperation use = reference;
            while (use.Parent is IConversionOperation or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            switch (use.Parent)
            {
                case IInvocationOperation { TargetMethod.Name: "Dispose" } dispose when dispose.Instance == use:
                    if (IsInFinally(dispose, root))
                    {
                        return null;
                    }

                    disposedOutsideFinally = true;
                    break;
                case IUsingOperation or IReturnOperation or IArgumentOperation:
                    return null;
                case ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation } assignment when assignment.Value == use:
                    return null;
                case IConditionalAccessOperation conditional when conditional.Operation == use:
                    // handle?.Dispose() on a nullable handle.
                    if (IsInFinally(conditional, root))
                    {
                        return null;
                    }

                    disposedOutsideFinally = true;
                    break;
            }
        }

        return disposedOutsideFinally ? "disposed outside a finally block, which an exception skips" : "never disposed";
    }

    private static bool IsInFinally(IOperation operation, IOperation root)
    {
        for (var current = operation; current.Parent is { } parent && current != root; current = parent)
        {
            if (parent is ITryOperation tryOperation && tryOperation.Finally == current)
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Immutable;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// InFlightGaugeAnalyzer reports MG4004: <c>Inc()</c> on a gauge that tracks work in progress, with no
/// <c>Dec()</c> of the same gauge in a <c>finally</c> block of the same method. An exception between the two
/// skips the decrement and the gauge drifts up for the life of the process. A gauge counts as in-flight when
/// the method also decrements it (the inc … dec pattern) or when its name says so (<c>in_flight</c>,
/// <c>in_progress</c>, <c>active</c>…); other gauges (stock levels, pool sizes) are incremented and
/// decremented in different places by design.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InFlightGaugeAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] s_inFlightWords = ["in_flight", "inflight", "in_progress", "active", "concurrent", "current", "running", "pending"];

    /// <summary>Diagnostic property set when the incremented type has <c>TrackInProgress()</c>.</summary>
    internal const string CanTrackInProgress = "CanTrackInProgress";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InFlightWithoutFinally);

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
        if (invocation.TargetMethod.Name != "Inc" || invocation.TargetMethod.ContainingType is not { } owner
            || owner.GetMembers("Dec").IsEmpty || symbols.MetricTypeOf(owner) is not { } metricType)
        {
            return;
        }

        var body = BodyOf(invocation);
        if (body is null)
        {
            return;
        }

        var (decInFinally, decAnywhere) = FindDecrements(body, metricType, symbols);
        if (decInFinally)
        {
            return;
        }

        var name = symbols.DeclaredName(metricType, context.CancellationToken) ?? metricType.Name;
        if (decAnywhere || SaysInFlight(name))
        {
            // Tells the code fix whether 'using var _ = X.TrackInProgress();' compiles here (unlabeled gauge or bound series).
            var properties = invocation.Arguments.IsEmpty && !owner.GetMembers("TrackInProgress").IsEmpty
                ? ImmutableDictionary<string, string?>.Empty.Add(CanTrackInProgress, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InFlightWithoutFinally, invocation.Syntax.GetLocation(), properties, name));
        }
    }

    // The method, lambda or local function the Inc belongs to: the scope a matching Dec must be in.
    private static IOperation? BodyOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }

            current = parent;
        }

        return current;
    }

    private static (bool InFinally, bool Anywhere) FindDecrements(IOperation body, INamedTypeSymbol metricType, UsageSymbols symbols)
    {
        var inFinally = false;
        var anywhere = false;
        foreach (var descendant in body.Descendants())
        {
            if (descendant is not IInvocationOperation { TargetMethod.Name: "Dec" } dec
                || !SymbolEqualityComparer.Default.Equals(symbols.MetricTypeOf(dec.TargetMethod.ContainingType), metricType))
            {
                continue;
            }

            anywhere = true;
            inFinally |= IsInFinally(dec, body);
        }

        return (inFinally, anywhere);
    }

    private static bool IsInFinally(IOperation operation, IOperation body)
    {
        for (var current = operation; current.Parent is { } parent && current != body; current = parent)
        {
            if (parent is ITryOperation tryOperation && tryOperation.Finally == current)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SaysInFlight(string name)
    {
        var lower = name.ToLowerInvariant();
        foreach (var word in s_inFlightWords)
        {
            if (lower.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

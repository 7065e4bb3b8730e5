using System.Linq;
using System.Collections.Immutable;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// MetricCreatedInMethodAnalyzer reports a metric created on a path that runs more than once — an ordinary
/// method, accessor, lambda, local function or loop. Severity follows the consequence: one of our generated
/// metric types bound to a shared registry throws on the second registration (MG3001, error); prometheus-net's
/// <c>Metrics.Create*</c> / <c>IMetricFactory.Create*</c> and <c>System.Diagnostics.Metrics.Meter</c> instruments
/// pay creation work per call or leak a meter (MG3002, warning; for users migrating from either).
/// Constructors and field initializers are the once-per-instance places metrics belong, so they are not reported
/// unless the creation sits in a loop or lambda there.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MetricCreatedInMethodAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MetricCreatedInMethod, DiagnosticDescriptors.PeerMetricCreatedInMethod);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = new PlacementSymbols(start.Compilation);
            if (!symbols.AnyPresent)
            {
                return;
            }

            start.RegisterOperationAction(ctx => AnalyzeCreation(ctx, symbols), OperationKind.ObjectCreation);
            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, symbols), OperationKind.Invocation);
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, PlacementSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        if (symbols.IsGeneratedMetricType(type))
        {
            // A metric bound to a registry the method made itself (the test pattern) is fine; one bound to a
            // shared registry registers the same name again on the second call, which throws.
            // Whichever constructor (registry alone, or registry and overrides): the registry argument decides.
            var registry = creation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "MetricRegistry");
            if (registry is not null && IsMethodLocalRegistry(registry.Value))
            {
                return;
            }

            Report(context, DiagnosticDescriptors.MetricCreatedInMethod, creation, "new " + type.Name + "(…)", "a static partial property with a metric attribute");
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.Meter))
        {
            Report(context, DiagnosticDescriptors.PeerMetricCreatedInMethod, creation, "new Meter(…)", "a static readonly Meter, or IMeterFactory in a singleton's constructor");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, PlacementSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.Name.StartsWith("Create", System.StringComparison.Ordinal))
        {
            return;
        }

        var owner = method.ContainingType?.OriginalDefinition;
        if (owner is null)
        {
            return;
        }

        if (symbols.IsPrometheusNetFactory(owner))
        {
            Report(context, DiagnosticDescriptors.PeerMetricCreatedInMethod, invocation, owner.Name + "." + method.Name, "a static readonly field, or better a metric attribute on a static partial property");
        }
        else if (SymbolEqualityComparer.Default.Equals(owner, symbols.Meter))
        {
            Report(context, DiagnosticDescriptors.PeerMetricCreatedInMethod, invocation, "Meter." + method.Name, "a static readonly field, or the constructor of a singleton");
        }
    }

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, IOperation operation, string what, string instead)
    {
        if (IsOnRepeatedPath(context.ContainingSymbol, operation))
        {
            context.ReportDiagnostic(Diagnostic.Create(descriptor, operation.Syntax.GetLocation(), what, instead));
        }
    }

    private static bool IsOnRepeatedPath(ISymbol containingSymbol, IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation or ILoopOperation)
            {
                return true;
            }
        }

        return containingSymbol is IMethodSymbol method
            && method.MethodKind is not (MethodKind.Constructor or MethodKind.StaticConstructor);
    }

    private static bool IsMethodLocalRegistry(IOperation argument)
    {
        var value = argument is IConversionOperation conversion ? conversion.Operand : argument;
        return value is IObjectCreationOperation or ILocalReferenceOperation or IParameterReferenceOperation;
    }
}

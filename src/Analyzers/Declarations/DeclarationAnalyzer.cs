using System.Collections.Generic;
using System.Collections.Immutable;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// DeclarationAnalyzer reports every problem the shared <see cref="DeclarationReader"/> finds in a metric
/// declaration (MG0001–MG0009 except MG0003, MG1001–MG1003, MG2001). The generator runs the same reader and
/// skips what it cannot emit, so what the build reports and what gets generated always agree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new()
    {
        [ProblemIds.InvalidMetricName] = DiagnosticDescriptors.InvalidMetricName,
        [ProblemIds.InvalidLabelName] = DiagnosticDescriptors.InvalidLabelName,
        [ProblemIds.WrongDeclarationShape] = DiagnosticDescriptors.InvalidDeclarationShape,
        [ProblemIds.MissingHelp] = DiagnosticDescriptors.MissingHelp,
        [ProblemIds.InvalidBuckets] = DiagnosticDescriptors.InvalidBuckets,
        [ProblemIds.InvalidSummary] = DiagnosticDescriptors.InvalidSummary,
        [ProblemIds.DuplicateLabel] = DiagnosticDescriptors.DuplicateLabelName,
        [ProblemIds.MultipleMetricKinds] = DiagnosticDescriptors.MultipleMetricAttributes,
        [ProblemIds.NonBaseUnit] = DiagnosticDescriptors.NonBaseUnit,
        [ProblemIds.MissingUnit] = DiagnosticDescriptors.MissingUnit,
        [ProblemIds.NameWithoutUnitSuffix] = DiagnosticDescriptors.NameLacksUnitSuffix,
        [ProblemIds.UnboundedLabel] = DiagnosticDescriptors.UnboundedLabel,
        [ProblemIds.TotalOnNonCounter] = DiagnosticDescriptors.TotalOnNonCounter,
        [ProblemIds.CounterWithoutTotal] = DiagnosticDescriptors.CounterWithoutTotal,
        [ProblemIds.ReservedSuffix] = DiagnosticDescriptors.ReservedSuffix,
        [ProblemIds.TypeInName] = DiagnosticDescriptors.TypeInName,
        [ProblemIds.ColonInName] = DiagnosticDescriptors.ColonInName,
        [ProblemIds.CamelCaseName] = DiagnosticDescriptors.CamelCaseName,
        [ProblemIds.AbbreviatedUnit] = DiagnosticDescriptors.AbbreviatedUnit,
        [ProblemIds.UnboundedLabelName] = DiagnosticDescriptors.UnboundedLabelName,
        [ProblemIds.CounterForCurrentValue] = DiagnosticDescriptors.CounterForCurrentValue,
        [ProblemIds.StatusLabelOnLatency] = DiagnosticDescriptors.StatusLabelOnLatency,
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.CreateRange(s_byId.Values);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var known = KnownSymbols.For(start.Compilation);
            if (!known.HasMetricAttributes)
            {
                return;
            }

            start.RegisterSymbolAction(ctx => Analyze(ctx, known), SymbolKind.Property);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols known)
    {
        var result = DeclarationReader.Read((IPropertySymbol)context.Symbol, known, context.CancellationToken);
        foreach (var problem in result.Problems)
        {
            if (s_byId.TryGetValue(problem.Id, out var descriptor))
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.MessageArgs()));
            }
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// DeclarationAnalyzer reports every problem the shared <see cref="DeclarationReader"/> finds in a metric
/// declaration (MG0001–MG0011 except MG0003, MG1001–MG1003, MG2001). The generator runs the same reader and
/// skips what it cannot emit, so what the build reports and what gets generated always agree. On the model it
/// also checks the series budget (MG2003, threshold from .editorconfig) and advises against summaries (MG4002),
/// so each declaration is read once.
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
        [ProblemIds.InvalidLabelMaxLength] = DiagnosticDescriptors.InvalidLabelMaxLength,
        [ProblemIds.LabelTypeLessAccessible] = DiagnosticDescriptors.LabelTypeLessAccessible,
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
        [ProblemIds.MeasurementWithoutUnit] = DiagnosticDescriptors.MeasurementWithoutUnit,
        [ProblemIds.ReservedLabelOnOtherType] = DiagnosticDescriptors.ReservedLabelOnOtherType,
        [ProblemIds.UnboundedLabelName] = DiagnosticDescriptors.UnboundedLabelName,
        [ProblemIds.CounterForCurrentValue] = DiagnosticDescriptors.CounterForCurrentValue,
        [ProblemIds.StatusLabelOnLatency] = DiagnosticDescriptors.StatusLabelOnLatency,
    };

    /// <summary>The .editorconfig key for the MG2003 budget, and its default.</summary>
    public const string MaxSeriesOption = "metrics_generators.max_series_per_metric";

    /// <summary>The MG2003 budget when .editorconfig sets none: enough for a few bounded labels on a histogram.</summary>
    public const long DefaultMaxSeries = 10_000;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.CreateRange(s_byId.Values).Add(DiagnosticDescriptors.SeriesBudgetExceeded).Add(DiagnosticDescriptors.SummaryForFleetQuantiles);

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
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, PropertiesOf(problem), problem.MessageArgs()));
            }
        }

        // Rules on the whole model: they need the emitted shape (MG2003) or are advice, not a declaration problem (MG4002).
        if (result.Spec is not { } spec || DeclarationLocation((IPropertySymbol)context.Symbol, context.CancellationToken) is not { } location)
        {
            return;
        }

        var budget = MaxSeries(context.Options.AnalyzerConfigOptionsProvider.GetOptions(location.SourceTree!));
        var (series, breakdown) = SeriesBudget.Count(spec);
        if (series > budget)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SeriesBudgetExceeded,
                location,
                spec.Name,
                SeriesBudget.Format(series),
                breakdown,
                SeriesBudget.Format(budget)));
        }

        if (spec.Kind == MetricKind.Summary)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SummaryForFleetQuantiles, location, spec.Name));
        }
    }

    // The message arguments again as properties ("0", "1", …), so code fixes need not parse the message.
    private static ImmutableDictionary<string, string?> PropertiesOf(DeclarationProblem problem)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < problem.Arguments.Length; i++)
        {
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Arguments[i]);
        }

        return builder.ToImmutable();
    }

    private static long MaxSeries(AnalyzerConfigOptions options)
        => options.TryGetValue(MaxSeriesOption, out var text)
           && long.TryParse(text.Trim().Replace("_", string.Empty), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
           && value > 0
            ? value
            : DefaultMaxSeries;

    // The property name in the part the user wrote (the one carrying the attributes), not the generated part.
    private static Location? DeclarationLocation(IPropertySymbol property, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { AttributeLists.Count: > 0 } declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return null;
    }
}

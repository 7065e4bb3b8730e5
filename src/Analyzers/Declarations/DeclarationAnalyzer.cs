using System.Collections.Immutable;
using Metrics.Generators.Shared.Declarations;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// DeclarationAnalyzer reports the warning- and info-level problems the shared <see cref="DeclarationReader"/>
/// finds in a metric declaration; the generator runs the same reader and reports the error-level ones itself
/// (<see cref="DiagnosticDescriptors.ReportedByGenerator"/>), so they appear even where the compiler runs no analyzer. On the model it
/// also checks the series budget (MG2003, threshold from .editorconfig) and advises against summaries (MG4002),
/// so each declaration is read once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The .editorconfig key for the MG2003 budget, and its default.</summary>
    public const string MaxSeriesOption = "metrics_generators.max_series_per_metric";

    /// <summary>The MG2003 budget when .editorconfig sets none: enough for a few bounded labels on a histogram.</summary>
    public const long DefaultMaxSeries = 10_000;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.CreateRange(DiagnosticDescriptors.ReadFromDeclarations).Add(DiagnosticDescriptors.SeriesBudgetExceeded).Add(DiagnosticDescriptors.SummaryForFleetQuantiles);

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
            // Errors are the generator's to report (ReportedByGenerator says why); reporting them here too would show each twice.
            if (!DiagnosticDescriptors.ReportedByGenerator(problem.Rule))
            {
                context.ReportDiagnostic(problem.ToDiagnostic());
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

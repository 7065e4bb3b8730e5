using System;
using System.Collections.Immutable;
using System.Threading;
using Metrics.Generators.Generator.Emitters;
using Metrics.Generators.Generator.Model;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Generator;

/// <summary>
/// MetricsGenerator implements every <c>[Counter]</c>, <c>[Gauge]</c>, <c>[Histogram]</c> and <c>[Summary]</c>
/// <c>static partial</c> property and emits the metric type it names, plus one catalogue per assembly.
/// A declaration it cannot implement gets a stand-in that keeps call sites compiling, and the generator reports
/// the error-level problems of every declaration itself, so they show even when the compiler runs no analyzer.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MetricsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Read: one output per attributed property, per metric attribute: the metric, or its stand-in, and its errors.
        var counterDeclarations = Read(context, KnownSymbols.CounterAttributeName, MetricKind.Counter);
        var gaugeDeclarations = Read(context, KnownSymbols.GaugeAttributeName, MetricKind.Gauge);
        var histogramDeclarations = Read(context, KnownSymbols.HistogramAttributeName, MetricKind.Histogram);
        var summaryDeclarations = Read(context, KnownSymbols.SummaryAttributeName, MetricKind.Summary);

        // 2. Emit: one file per metric, from that metric's model alone.
        var counters = Specs(counterDeclarations, StepNames.Counters);
        var gauges = Specs(gaugeDeclarations, StepNames.Gauges);
        var histograms = Specs(histogramDeclarations, StepNames.Histograms);
        var summaries = Specs(summaryDeclarations, StepNames.Summaries);
        context.RegisterSourceOutput(counters, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));
        context.RegisterSourceOutput(gauges, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));
        context.RegisterSourceOutput(histograms, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));
        context.RegisterSourceOutput(summaries, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));

        // 3. Stand-ins and errors of the declarations that cannot be emitted, and the errors of those that can.
        foreach (var declarations in new[] { counterDeclarations, gaugeDeclarations, histogramDeclarations, summaryDeclarations })
        {
            context.RegisterSourceOutput(Fallbacks(declarations), static (spc, fallback) => FallbackEmitter.Emit(spc, fallback));
            context.RegisterSourceOutput(declarations.Select(static (output, _) => output.Problems), static (spc, problems) => Report(spc, problems));
        }

        // 4. Catalogue: the three facts it needs from each metric, collected once for the assembly.
        var catalog = Entries(counters)
            .Combine(Entries(gauges))
            .Combine(Entries(histograms))
            .Combine(Entries(summaries))
            .Select(static (all, _) => Sort(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right))
            .WithTrackingName(StepNames.Catalog);

        // A library that registers its metrics itself (with run-time options) opts out of the default-registry start-up.
        var registerDefaults = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => CatalogEmitter.RegistersDefaults(options.GlobalOptions));
        context.RegisterSourceOutput(catalog.Combine(registerDefaults), static (spc, catalog) => CatalogEmitter.Emit(spc, catalog.Left, catalog.Right));
    }

    // Not tracked: the output holds the problems' Locations, which the tracked steps' plain-data check would reject.
    private static IncrementalValuesProvider<DeclarationOutput> Read(
        IncrementalGeneratorInitializationContext context, string attributeName, MetricKind kind)
        => context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeName,
                static (node, _) => node is PropertyDeclarationSyntax,
                (ctx, ct) => ReadDeclaration(ctx, kind, ct))
            .Where(static output => output is not null)!;

    private static DeclarationOutput? ReadDeclaration(GeneratorAttributeSyntaxContext context, MetricKind kind, CancellationToken cancellationToken)
        => context.TargetNode is PropertyDeclarationSyntax syntax && context.TargetSymbol is IPropertySymbol property
            ? DeclarationOutput.From(DeclarationReader.Read(syntax, property, KnownSymbols.For(context.SemanticModel.Compilation), cancellationToken), kind)
            : null;

    private static IncrementalValuesProvider<MetricSpec> Specs(IncrementalValuesProvider<DeclarationOutput> declarations, string stepName)
        => declarations
            .Select(static (output, _) => output.Spec)
            .WithTrackingName(stepName)
            .Where(static spec => spec is not null)!;

    private static IncrementalValuesProvider<FallbackSpec> Fallbacks(IncrementalValuesProvider<DeclarationOutput> declarations)
        => declarations
            .Select(static (output, _) => output.Fallback)
            .WithTrackingName(StepNames.Fallbacks)
            .Where(static fallback => fallback is not null)!;

    private static void Report(SourceProductionContext context, EquatableArray<ReportedProblem> problems)
    {
        foreach (var reported in problems)
        {
            context.ReportDiagnostic(reported.Problem.ToDiagnostic());
        }
    }

    private static IncrementalValueProvider<ImmutableArray<CatalogEntry?>> Entries(IncrementalValuesProvider<MetricSpec> metrics)
        => metrics
            .Select(static (spec, _) => CatalogEntry.From(spec))
            .WithTrackingName(StepNames.CatalogEntries)
            .Collect();

    private static EquatableArray<CatalogEntry> Sort(params ImmutableArray<CatalogEntry?>[] groups)
    {
        var builder = ImmutableArray.CreateBuilder<CatalogEntry>();
        foreach (var group in groups)
        {
            foreach (var entry in group)
            {
                if (entry is not null)
                {
                    builder.Add(entry);
                }
            }
        }

        var entries = builder.ToArray();
        Array.Sort(entries);
        return new EquatableArray<CatalogEntry>(entries);
    }
}

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
/// Invalid declarations are skipped here and reported by the analyzers, from the same reader.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MetricsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Read: one equatable model per attributed property, per metric attribute.
        var counters = Read(context, KnownSymbols.CounterAttributeName, StepNames.Counters);
        var gauges = Read(context, KnownSymbols.GaugeAttributeName, StepNames.Gauges);
        var histograms = Read(context, KnownSymbols.HistogramAttributeName, StepNames.Histograms);
        var summaries = Read(context, KnownSymbols.SummaryAttributeName, StepNames.Summaries);

        // 2. Emit: one file per metric, from that metric's model alone.
        context.RegisterSourceOutput(counters, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));
        context.RegisterSourceOutput(gauges, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));
        context.RegisterSourceOutput(histograms, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));
        context.RegisterSourceOutput(summaries, static (spc, spec) => MetricFileEmitter.Emit(spc, spec));

        // 3. Catalogue: the three facts it needs from each metric, collected once for the assembly.
        var catalog = Entries(counters)
            .Combine(Entries(gauges))
            .Combine(Entries(histograms))
            .Combine(Entries(summaries))
            .Select(static (all, _) => Sort(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right))
            .WithTrackingName(StepNames.Catalog);
        context.RegisterSourceOutput(catalog, static (spc, entries) => CatalogEmitter.Emit(spc, entries));
    }

    private static IncrementalValuesProvider<MetricSpec> Read(
        IncrementalGeneratorInitializationContext context, string attributeName, string stepName)
        => context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeName,
                static (node, _) => node is PropertyDeclarationSyntax,
                static (ctx, ct) => ReadSpec(ctx, ct))
            .WithTrackingName(stepName)
            .Where(static spec => spec is not null)!;

    // Null when the declaration cannot be emitted: the analyzers report why (the problems are dropped here).
    private static MetricSpec? ReadSpec(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        => context.TargetNode is PropertyDeclarationSyntax syntax && context.TargetSymbol is IPropertySymbol property
            ? DeclarationReader.Read(syntax, property, KnownSymbols.For(context.SemanticModel.Compilation), cancellationToken).Spec
            : null;

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

using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// DuplicateMetricNameAnalyzer reports MG0003 when two declarations in one compilation expose the same metric
/// family. Counters compare without their <c>_total</c> suffix (<c>orders</c> and <c>orders_total</c> are one
/// family). The first declaration in source order wins; every later one is reported, so the result does not
/// depend on analysis order. The registry would otherwise refuse the second one at start-up.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateMetricNameAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateMetricName);

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

            var declared = new ConcurrentBag<Declared>();
            start.RegisterSymbolAction(
                ctx =>
                {
                    var property = (IPropertySymbol)ctx.Symbol;
                    var spec = DeclarationReader.Read(property, known, ctx.CancellationToken).Spec;
                    var location = property.Locations.FirstOrDefault();
                    if (spec is not null && location is not null)
                    {
                        declared.Add(new Declared(FamilyName(spec), spec.Name, property.ContainingType.Name + "." + property.Name, location));
                    }
                },
                SymbolKind.Property);
            start.RegisterCompilationEndAction(ctx => ReportDuplicates(ctx, declared));
        });
    }

    private static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<Declared> declared)
    {
        var groups = declared
            .GroupBy(d => d.Family, StringComparer.Ordinal)
            .Where(g => g.Skip(1).Any());
        foreach (var group in groups)
        {
            var ordered = group
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToList();
            foreach (var duplicate in ordered.Skip(1))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateMetricName, duplicate.Location, duplicate.Name, ordered[0].Declarer));
            }
        }
    }

    private static string FamilyName(MetricSpec spec)
        => spec.Kind == MetricKind.Counter && spec.Name.EndsWith("_total", StringComparison.Ordinal)
            ? spec.Name.Substring(0, spec.Name.Length - "_total".Length)
            : spec.Name;

    private sealed record Declared(string Family, string Name, string Declarer, Location Location);
}

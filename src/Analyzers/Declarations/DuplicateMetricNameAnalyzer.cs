using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Metrics.Generators.Shared;
using Metrics.Generators.Shared.Declarations;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// DuplicateMetricNameAnalyzer reports MG0003 when two declarations in one compilation expose the same metric
/// family. Counters compare without their <c>_total</c> suffix (<c>orders</c> and <c>orders_total</c> are one
/// family). The first declaration in source order wins; every later one is reported, so the result does not
/// depend on analysis order. The registry would otherwise refuse the second one at start-up.
/// </summary>
/// <remarks>
/// It also compares every local declaration with the metrics referenced assemblies register, as they list them
/// in <c>[assembly: DeclaresMetric]</c> (the generator emits one per metric; hand-registering libraries such as
/// the ASP.NET Core integration list theirs). There two metrics clash when any sample name one exposes is one the
/// other exposes (<c>_total</c>, <c>_bucket</c>, <c>_count</c>, <c>_sum</c>, <c>_created</c>), across types: the
/// registry throws for exactly those at start-up.
/// </remarks>
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
            var referenced = ReferencedDeclarations(start.Compilation, start.CancellationToken);
            var clashes = new ConcurrentBag<Diagnostic>();
            start.RegisterSymbolAction(
                ctx =>
                {
                    var property = (IPropertySymbol)ctx.Symbol;
                    var spec = DeclarationReader.Read(property, known, ctx.CancellationToken).Spec;
                    var location = property.Locations.FirstOrDefault();
                    if (spec is null || location is null)
                    {
                        return;
                    }

                    declared.Add(new Declared(FamilyName(spec), spec.Name, property.ContainingType.Name + "." + property.Name, location));
                    foreach (var name in SampleNames.Claimed(spec.Name, spec.Kind))
                    {
                        if (referenced.TryGetValue(name, out var declarer))
                        {
                            clashes.Add(Diagnostic.Create(DiagnosticDescriptors.DuplicateMetricName, location, spec.Name, declarer));
                            break;
                        }
                    }
                },
                SymbolKind.Property);
            start.RegisterCompilationEndAction(ctx =>
            {
                ReportDuplicates(ctx, declared);
                foreach (var clash in clashes)
                {
                    ctx.ReportDiagnostic(clash);
                }
            });
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

    // Every sample name each metric of a referenced assembly claims, with who declared it: "Type (assembly A)".
    private static Dictionary<string, string> ReferencedDeclarations(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var attributeType = compilation.GetTypeByMetadataName(DeclaresMetricAttributeName);
        if (attributeType is null)
        {
            return result;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var attribute in assembly.GetAttributes())
            {
                var arguments = attribute.ConstructorArguments;
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    || arguments.Length != 3
                    || arguments[0].Value is not string name
                    || arguments[1].Value is not int type
                    || type is < 0 or > (int)MetricKind.Summary
                    || arguments[2].Value is not ITypeSymbol declaringType)
                {
                    continue;
                }

                var member = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Member").Value.Value as string;
                var declarer = declaringType.ToDisplayString() + (member is null ? string.Empty : "." + member) + " (assembly " + assembly.Name + ")";
                foreach (var claimed in SampleNames.Claimed(name, (MetricKind)type))
                {
                    if (!result.ContainsKey(claimed))
                    {
                        result.Add(claimed, declarer);
                    }
                }
            }
        }

        return result;
    }

    private const string DeclaresMetricAttributeName = "Metrics.Generators.DeclaresMetricAttribute";

    private static string FamilyName(MetricSpec spec) => SampleNames.Family(spec.Name, spec.Kind);

    private sealed record Declared(string Family, string Name, string Declarer, Location Location);
}

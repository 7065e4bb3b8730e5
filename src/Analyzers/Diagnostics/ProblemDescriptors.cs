using System.Collections.Generic;
using System.Collections.Immutable;
using Metrics.Generators.Shared.Declarations;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// ProblemDescriptors turns a <see cref="DeclarationProblem"/> into a diagnostic, and says who reports it. Linked
/// into the generator too: the generator reports the error-level problems, the <c>DeclarationAnalyzer</c> the rest.
/// </summary>
/// <remarks>
/// Why the generator: a declaration error can leave compiler errors in the project (its own or the user's), and
/// csc runs no analyzer in a compilation with declaration errors; the error that explains the build failure must
/// still be on the declaration's line. Why not both: <c>dotnet build</c> would show each error twice. Severities
/// come from the descriptors, so moving a rule to or from Error moves it between the two.
/// </remarks>
internal static class ProblemDescriptors
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

    /// <summary>Every descriptor a declaration problem can be reported with.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    /// <summary>True when the generator reports <paramref name="descriptor"/> (an error), false when the analyzer does.</summary>
    public static bool ReportedByGenerator(DiagnosticDescriptor descriptor) => descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>The descriptor of <paramref name="id"/>, or null for an ID with none.</summary>
    public static DiagnosticDescriptor? For(string id) => s_byId.TryGetValue(id, out var descriptor) ? descriptor : null;

    /// <summary>The diagnostic for <paramref name="problem"/>, with its arguments also as properties ("0", "1", …) so code fixes need not parse the message.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, DeclarationProblem problem)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < problem.Arguments.Length; i++)
        {
            properties.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Arguments[i]);
        }

        return Diagnostic.Create(descriptor, problem.Location, properties.ToImmutable(), problem.MessageArgs());
    }
}

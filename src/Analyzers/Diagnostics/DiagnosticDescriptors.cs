using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// DiagnosticDescriptors is the one catalogue of every rule. IDs are blocked by family and never reused:
/// MG0xxx declarations, MG1xxx naming and units, MG2xxx cardinality, MG3xxx placement, MG4xxx usage.
/// Each rule has a page at docs/diagnostics/&lt;ID&gt;.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpRoot = "https://github.com/metrics-generators/metrics-generators/blob/main/docs/diagnostics/";

    public const string DeclarationCategory = "Metrics.Declaration";
    public const string NamingCategory = "Metrics.Naming";
    public const string CardinalityCategory = "Metrics.Cardinality";
    public const string PlacementCategory = "Metrics.Placement";

    /// <summary>MG0001: "Metric name '{0}' is invalid: {1}".</summary>
    public static readonly DiagnosticDescriptor InvalidMetricName = Create(
        "MG0001", "Invalid metric name", "Metric name '{0}' is invalid: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0002: "Label name '{0}' is invalid: {1}".</summary>
    public static readonly DiagnosticDescriptor InvalidLabelName = Create(
        "MG0002", "Invalid label name", "Label name '{0}' is invalid: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0003: "Metric name '{0}' is already declared by {1}; metric names must be unique".</summary>
    public static readonly DiagnosticDescriptor DuplicateMetricName = Create(
        "MG0003", "Duplicate metric name", "Metric name '{0}' is already declared by {1}; metric names must be unique",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0004: "{0}".</summary>
    public static readonly DiagnosticDescriptor InvalidDeclarationShape = Create(
        "MG0004", "Metric declaration has the wrong shape", "{0}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0005: "Metric '{0}' has no help text: set Help = \"…\" or add a /// &lt;summary&gt; to the property".</summary>
    public static readonly DiagnosticDescriptor MissingHelp = Create(
        "MG0005", "Metric has no help text", "Metric '{0}' has no help text: set Help = \"…\" or add a /// <summary> to the property",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0006: "Histogram '{0}' has invalid buckets: {1}".</summary>
    public static readonly DiagnosticDescriptor InvalidBuckets = Create(
        "MG0006", "Invalid histogram buckets", "Histogram '{0}' has invalid buckets: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0007: "Summary '{0}' is invalid: {1}".</summary>
    public static readonly DiagnosticDescriptor InvalidSummary = Create(
        "MG0007", "Invalid summary settings", "Summary '{0}' is invalid: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0008: "Label '{0}' is declared more than once on metric '{1}'".</summary>
    public static readonly DiagnosticDescriptor DuplicateLabelName = Create(
        "MG0008", "Duplicate label name", "Label '{0}' is declared more than once on metric '{1}'",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0009: "Property '{0}' carries more than one metric attribute; keep exactly one of [Counter], [Gauge], [Histogram], [Summary]".</summary>
    public static readonly DiagnosticDescriptor MultipleMetricAttributes = Create(
        "MG0009", "More than one metric attribute", "Property '{0}' carries more than one metric attribute; keep exactly one of [Counter], [Gauge], [Histogram], [Summary]",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG1001: "Metric '{0}' uses the non-base unit '{1}': record in {2} and rename to '{3}'".</summary>
    public static readonly DiagnosticDescriptor NonBaseUnit = Create(
        "MG1001", "Non-base unit", "Metric '{0}' uses the non-base unit '{1}': record in {2} and rename to '{3}'",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1002: "Metric '{0}' ends in the unit '{1}' but declares no Unit: add Unit = \"{1}\"".</summary>
    public static readonly DiagnosticDescriptor MissingUnit = Create(
        "MG1002", "Missing unit", "Metric '{0}' ends in the unit '{1}' but declares no Unit: add Unit = \"{1}\"",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1003: "Metric '{0}' declares Unit = \"{1}\" but its name does not end with '_{1}': rename it to '{2}'".</summary>
    public static readonly DiagnosticDescriptor NameLacksUnitSuffix = Create(
        "MG1003", "Name does not carry the unit suffix", "Metric '{0}' declares Unit = \"{1}\" but its name does not end with '_{1}': rename it to '{2}'",
        NamingCategory, DiagnosticSeverity.Error);

    /// <summary>MG2001: "Label '{0}' on metric '{1}' is unbounded: {2}".</summary>
    public static readonly DiagnosticDescriptor UnboundedLabel = Create(
        "MG2001", "Unbounded label", "Label '{0}' on metric '{1}' is unbounded: {2}",
        CardinalityCategory, DiagnosticSeverity.Error);

    /// <summary>MG3001: "{0} creates a metric inside a method: declare it once at type level ({1})".</summary>
    public static readonly DiagnosticDescriptor MetricCreatedInMethod = Create(
        "MG3001", "Metric created inside a method", "{0} creates a metric inside a method: declare it once at type level ({1})",
        PlacementCategory, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
}

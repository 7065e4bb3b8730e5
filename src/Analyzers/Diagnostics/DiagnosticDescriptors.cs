using Metrics.Generators.Shared.Declarations;
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
    public const string UsageCategory = "Metrics.Usage";

    /// <summary>MG0001: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor InvalidMetricName = Create(
        ProblemIds.InvalidMetricName, "Invalid metric name", ProblemMessages.InvalidMetricName,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0002: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor InvalidLabelName = Create(
        ProblemIds.InvalidLabelName, "Invalid label name", ProblemMessages.InvalidLabelName,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0003: "Metric name '{0}' is already declared by {1}; metric names must be unique".</summary>
    public static readonly DiagnosticDescriptor DuplicateMetricName = Create(
        "MG0003", "Duplicate metric name", "Metric name '{0}' is already declared by {1}; metric names must be unique",
        DeclarationCategory, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>MG0004: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor InvalidDeclarationShape = Create(
        ProblemIds.WrongDeclarationShape, "Metric declaration has the wrong shape", ProblemMessages.WrongDeclarationShape,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0005: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor MissingHelp = Create(
        ProblemIds.MissingHelp, "Metric has no help text", ProblemMessages.MissingHelp,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0006: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor InvalidBuckets = Create(
        ProblemIds.InvalidBuckets, "Invalid histogram buckets", ProblemMessages.InvalidBuckets,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0007: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor InvalidSummary = Create(
        ProblemIds.InvalidSummary, "Invalid summary settings", ProblemMessages.InvalidSummary,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0008: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor DuplicateLabelName = Create(
        ProblemIds.DuplicateLabel, "Duplicate label name", ProblemMessages.DuplicateLabel,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0009: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor MultipleMetricAttributes = Create(
        ProblemIds.MultipleMetricKinds, "More than one metric attribute", ProblemMessages.MultipleMetricKinds,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0010: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor InvalidLabelMaxLength = Create(
        ProblemIds.InvalidLabelMaxLength, "Invalid label value length", ProblemMessages.InvalidLabelMaxLength,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0011: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor LabelTypeLessAccessible = Create(
        ProblemIds.LabelTypeLessAccessible, "Label type less accessible than the metric", ProblemMessages.LabelTypeLessAccessible,
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG1001: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor NonBaseUnit = Create(
        ProblemIds.NonBaseUnit, "Non-base unit", ProblemMessages.NonBaseUnit,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1002: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor MissingUnit = Create(
        ProblemIds.MissingUnit, "Missing unit", ProblemMessages.MissingUnit,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1003: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor NameLacksUnitSuffix = Create(
        ProblemIds.NameWithoutUnitSuffix, "Name does not carry the unit suffix", ProblemMessages.NameWithoutUnitSuffix,
        NamingCategory, DiagnosticSeverity.Error);

    /// <summary>MG2001: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor UnboundedLabel = Create(
        ProblemIds.UnboundedLabel, "Unbounded label", ProblemMessages.UnboundedLabel,
        CardinalityCategory, DiagnosticSeverity.Error);

    /// <summary>MG1004: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor TotalOnNonCounter = Create(
        ProblemIds.TotalOnNonCounter, "Non-counter name ends in _total", ProblemMessages.TotalOnNonCounter,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1005: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor CounterWithoutTotal = Create(
        ProblemIds.CounterWithoutTotal, "Counter name lacks _total", ProblemMessages.CounterWithoutTotal,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1006: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor ReservedSuffix = Create(
        ProblemIds.ReservedSuffix, "Name ends in a reserved suffix", ProblemMessages.ReservedSuffix,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1007: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor TypeInName = Create(
        ProblemIds.TypeInName, "Metric type in the name", ProblemMessages.TypeInName,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1008: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor ColonInName = Create(
        ProblemIds.ColonInName, "Colon in metric name", ProblemMessages.ColonInName,
        NamingCategory, DiagnosticSeverity.Error);

    /// <summary>MG1009: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor CamelCaseName = Create(
        ProblemIds.CamelCaseName, "Name is not snake_case", ProblemMessages.CamelCaseName,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1010: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor AbbreviatedUnit = Create(
        ProblemIds.AbbreviatedUnit, "Abbreviated unit in the name", ProblemMessages.AbbreviatedUnit,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1011: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor MeasurementWithoutUnit = Create(
        ProblemIds.MeasurementWithoutUnit, "Measurement without a unit", ProblemMessages.MeasurementWithoutUnit,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1012: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor ReservedLabelOnOtherType = Create(
        ProblemIds.ReservedLabelOnOtherType, "Bucket or quantile label on another metric type", ProblemMessages.ReservedLabelOnOtherType,
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG2002: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor UnboundedLabelName = Create(
        ProblemIds.UnboundedLabelName, "Label name implies unbounded values", ProblemMessages.UnboundedLabelName,
        CardinalityCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4001: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor CounterForCurrentValue = Create(
        ProblemIds.CounterForCurrentValue, "Counter used for a current value", ProblemMessages.CounterForCurrentValue,
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4003: message from the shared declaration reader (ProblemMessages).</summary>
    public static readonly DiagnosticDescriptor StatusLabelOnLatency = Create(
        ProblemIds.StatusLabelOnLatency, "Status label on a latency histogram", ProblemMessages.StatusLabelOnLatency,
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG2003: "Metric '{0}' can expose up to {1} series ({2}), above the budget of {3}: …".</summary>
    public static readonly DiagnosticDescriptor SeriesBudgetExceeded = Create(
        "MG2003", "Metric exceeds the series budget",
        "Metric '{0}' can expose up to {1} series ({2}), above the budget of {3}: lower MaxValues, drop a label or use fewer buckets, or raise metrics_generators.max_series_per_metric in .editorconfig",
        CardinalityCategory, DiagnosticSeverity.Warning);

    /// <summary>MG2004: "The '{0}' label of '{1}' is fed {2}, …".</summary>
    public static readonly DiagnosticDescriptor UnboundedLabelSource = Create(
        "MG2004", "Label value from an unbounded source",
        "The '{0}' label of '{1}' is fed {2}, which takes a new value per request or object and fills the label's bound at once: pass a bounded value such as a route template, an enum or a status class",
        CardinalityCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4002: "Summary '{0}' computes quantiles per process …".</summary>
    public static readonly DiagnosticDescriptor SummaryForFleetQuantiles = Create(
        "MG4002", "Summary quantiles cannot be aggregated",
        "Summary '{0}' computes its quantiles inside each process, and quantiles of several instances cannot be averaged or summed: declare a [Histogram] to get fleet-wide quantiles with histogram_quantile()",
        UsageCategory, DiagnosticSeverity.Info);

    /// <summary>MG3001: "{0} creates a metric inside a method: declare it once at type level ({1})".</summary>
    public static readonly DiagnosticDescriptor MetricCreatedInMethod = Create(
        "MG3001", "Metric created inside a method", "{0} registers a metric on a shared registry inside a method, so the second call throws: declare it once at type level ({1})",
        PlacementCategory, DiagnosticSeverity.Error);

    /// <summary>MG3002: a prometheus-net or System.Diagnostics.Metrics metric created on a path that runs more than once.</summary>
    public static readonly DiagnosticDescriptor PeerMetricCreatedInMethod = Create(
        "MG3002", "Peer metric created inside a method", "{0} creates a metric inside a method, paying creation work on every call: declare it once at type level ({1})",
        PlacementCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4004: "Gauge '{0}' is incremented here but not decremented in a finally block …".</summary>
    public static readonly DiagnosticDescriptor InFlightWithoutFinally = Create(
        "MG4004", "In-flight gauge not decremented in finally",
        "Gauge '{0}' is incremented here but not decremented in a finally block, so an exception leaves it too high for good: use 'using var _ = ….TrackInProgress();' or move Dec() into finally",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4005: "The SetCallback of '{0}' blocks ({1}) …".</summary>
    public static readonly DiagnosticDescriptor BlockingCallback = Create(
        "MG4005", "Blocking work in a scrape callback",
        "The SetCallback of '{0}' blocks ({1}), and it runs inside every /metrics scrape: keep a value updated in the background and have the callback read it",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4006: "The handle from {0}() on '{1}' is {2} …".</summary>
    public static readonly DiagnosticDescriptor UndisposedHandle = Create(
        "MG4006", "Timer or in-progress handle not disposed",
        "The handle from {0}() on '{1}' is {2}, so {3}: write 'using var _ = ….{0}();' or dispose it in a finally block",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4007: "'{0}' is recorded in {1}, but this value is {2}: {3}".</summary>
    public static readonly DiagnosticDescriptor UnitMismatch = Create(
        "MG4007", "Value in the wrong unit",
        "'{0}' is recorded in {1}, but this value is {2}: {3}",
        UsageCategory, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] tags)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md", customTags: tags);
}

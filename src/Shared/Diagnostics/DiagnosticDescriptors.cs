using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Diagnostics;

/// <summary>
/// DiagnosticDescriptors is the one catalogue of every rule: ID, title, message format, category, default
/// severity and help link are written here and nowhere else. The declaration reader records problems under these
/// descriptors, the generator reports the error-level ones, the analyzers the rest and their own call-site rules.
/// IDs are blocked by family and never reused: MG0xxx declarations, MG1xxx naming and units, MG2xxx cardinality,
/// MG3xxx placement, MG4xxx usage. Each rule has a page at docs/diagnostics/&lt;ID&gt;.md and a row in
/// AnalyzerReleases.Unshipped.md.
/// </summary>
/// <remarks>
/// A message's placeholders take, in order, the arguments its XML doc lists; the reader's problems carry them
/// (<c>DeclarationProblem.Arguments</c>).
/// </remarks>
internal static class DiagnosticDescriptors
{
    private const string HelpRoot = "https://github.com/metrics-generators/metrics-generators/blob/main/docs/diagnostics/";

    // Filled by Create and Reader in field order: these two must stay above the descriptors.
    private static readonly List<DiagnosticDescriptor> s_all = new();
    private static readonly List<DiagnosticDescriptor> s_read = new();

    /// <summary>Category of the MG0xxx rules.</summary>
    public const string DeclarationCategory = "Metrics.Declaration";
    /// <summary>Category of the MG1xxx rules.</summary>
    public const string NamingCategory = "Metrics.Naming";
    /// <summary>Category of the MG2xxx rules.</summary>
    public const string CardinalityCategory = "Metrics.Cardinality";
    /// <summary>Category of the MG3xxx rules.</summary>
    public const string PlacementCategory = "Metrics.Placement";
    /// <summary>Category of the MG4xxx rules.</summary>
    public const string UsageCategory = "Metrics.Usage";

    // Declarations (MG0xxx)

    /// <summary>MG0001 (error): The metric name does not match <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    /// <remarks>
    /// Message: "'{0}' is not a valid metric name: use letters, digits and underscores, not starting with a digit".
    /// Arguments: name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor InvalidMetricName = Reader(
        "MG0001", "Invalid metric name",
        "'{0}' is not a valid metric name: use letters, digits and underscores, not starting with a digit",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0002 (error): A label name is invalid or reserved (<c>__</c> prefix, <c>le</c> on histograms, <c>quantile</c> on summaries).</summary>
    /// <remarks>
    /// Message: "'{0}' is not a valid label name: {1}".
    /// Arguments: label name, reason.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor InvalidLabelName = Reader(
        "MG0002", "Invalid label name",
        "'{0}' is not a valid label name: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0003 (error): Duplicate metric name.</summary>
    /// <remarks>
    /// Message: "Metric name '{0}' is already declared by {1}; metric names must be unique".
    /// Arguments: metric name, the other declaration.
    /// Reported by the DuplicateMetricNameAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor DuplicateMetricName = Create(
        "MG0003", "Duplicate metric name",
        "Metric name '{0}' is already declared by {1}; metric names must be unique",
        DeclarationCategory, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>MG0004 (error): The property cannot be implemented by the generator.</summary>
    /// <remarks>
    /// Message: "Property '{0}' cannot be implemented as a metric: {1}".
    /// Arguments: property name, reason.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor InvalidDeclarationShape = Reader(
        "MG0004", "Metric declaration has the wrong shape",
        "Property '{0}' cannot be implemented as a metric: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0005 (error): No <c>Help</c> and no XML doc summary.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' has no help text: set Help or add a /// &lt;summary&gt; to the property".
    /// Arguments: metric name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor MissingHelp = Reader(
        "MG0005", "Metric has no help text",
        "Metric '{0}' has no help text: set Help or add a /// <summary> to the property",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0006 (error): Histogram buckets are invalid or declared twice.</summary>
    /// <remarks>
    /// Message: "Histogram '{0}' has invalid buckets: {1}".
    /// Arguments: metric name, reason.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor InvalidBuckets = Reader(
        "MG0006", "Invalid histogram buckets",
        "Histogram '{0}' has invalid buckets: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0007 (error): Summary quantiles or window are invalid.</summary>
    /// <remarks>
    /// Message: "Summary '{0}' is invalid: {1}".
    /// Arguments: metric name, reason.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor InvalidSummary = Reader(
        "MG0007", "Invalid summary settings",
        "Summary '{0}' is invalid: {1}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0008 (error): One label name is declared twice on a metric.</summary>
    /// <remarks>
    /// Message: "Label '{0}' is declared more than once on metric '{1}'".
    /// Arguments: label name, metric name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor DuplicateLabelName = Reader(
        "MG0008", "Duplicate label name",
        "Label '{0}' is declared more than once on metric '{1}'",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0009 (error): More than one of <c>[Counter]</c>, <c>[Gauge]</c>, <c>[Histogram]</c>, <c>[Summary]</c>.</summary>
    /// <remarks>
    /// Message: "Property '{0}' has more than one metric attribute ({1}): keep one".
    /// Arguments: property name, attribute list.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor MultipleMetricAttributes = Reader(
        "MG0009", "More than one metric attribute",
        "Property '{0}' has more than one metric attribute ({1}): keep one",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0010 (error): A label's <c>MaxLength</c> is not positive, or set on a label whose values are fixed.</summary>
    /// <remarks>
    /// Message: "Label '{0}' of metric '{1}' has MaxLength = {2}: {3}".
    /// Arguments: label name, metric name, the value, reason.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor InvalidLabelMaxLength = Reader(
        "MG0010", "Invalid label value length",
        "Label '{0}' of metric '{1}' has MaxLength = {2}: {3}",
        DeclarationCategory, DiagnosticSeverity.Error);

    /// <summary>MG0011 (error): A label's type is less accessible than the metric.</summary>
    /// <remarks>
    /// Message: "Label '{0}' of metric '{1}' has the type '{2}', which is {3}, but the metric is {4}: make '{2}' {4} or the metric property {3} (until then the generated members that take the label are {3})".
    /// Arguments: label name, metric name, label type, its accessibility, the metric's accessibility.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor LabelTypeLessAccessible = Reader(
        "MG0011", "Label type less accessible than the metric",
        "Label '{0}' of metric '{1}' has the type '{2}', which is {3}, but the metric is {4}: make '{2}' {4} or the metric property {3} (until then the generated members that take the label are {3})",
        DeclarationCategory, DiagnosticSeverity.Error);

    // Naming and units (MG1xxx)

    /// <summary>MG1001 (warning): The unit (declared or as the name's suffix) is not a base unit.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' uses the unit '{1}': use the base unit '{2}', convert the values and name it '{3}'".
    /// Arguments: metric name, unit used, base unit to use, the name to use.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor NonBaseUnit = Reader(
        "MG1001", "Non-base unit",
        "Metric '{0}' uses the unit '{1}': use the base unit '{2}', convert the values and name it '{3}'",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1002 (warning): The name ends in a base unit but <c>Unit</c> is not set.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' ends in '_{1}' but declares no unit: set Unit = "{1}"".
    /// Arguments: metric name, unit.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor MissingUnit = Reader(
        "MG1002", "Missing unit",
        "Metric '{0}' ends in '_{1}' but declares no unit: set Unit = \"{1}\"",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1003 (error): The name does not end with the declared unit.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' declares Unit = "{1}" but its name does not end with '_{1}': rename it to '{2}'".
    /// Arguments: metric name, unit, the name with the suffix.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor NameLacksUnitSuffix = Reader(
        "MG1003", "Name does not carry the unit suffix",
        "Metric '{0}' declares Unit = \"{1}\" but its name does not end with '_{1}': rename it to '{2}'",
        NamingCategory, DiagnosticSeverity.Error);

    /// <summary>MG1004 (warning): A non-counter's name ends in <c>_total</c>.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' is a {1} but ends in '_total', which marks counters: drop the suffix, or declare a [Counter] if the value only goes up".
    /// Arguments: metric name, metric type.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor TotalOnNonCounter = Reader(
        "MG1004", "Non-counter name ends in _total",
        "Metric '{0}' is a {1} but ends in '_total', which marks counters: drop the suffix, or declare a [Counter] if the value only goes up",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1005 (warning): A counter's name does not end in <c>_total</c>.</summary>
    /// <remarks>
    /// Message: "Counter '{0}' does not end in '_total': it is exposed as '{0}_total' anyway, so declare that name and let the code say what dashboards see".
    /// Arguments: metric name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor CounterWithoutTotal = Reader(
        "MG1005", "Counter name lacks _total",
        "Counter '{0}' does not end in '_total': it is exposed as '{0}_total' anyway, so declare that name and let the code say what dashboards see",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1006 (warning): The name ends in <c>_bucket</c>, <c>_count</c>, <c>_sum</c> or <c>_created</c>.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' ends in '{1}', a suffix histograms and summaries use for their own series: rename it (a count of things is a counter named '..._total')".
    /// Arguments: metric name, suffix.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor ReservedSuffix = Reader(
        "MG1006", "Name ends in a reserved suffix",
        "Metric '{0}' ends in '{1}', a suffix histograms and summaries use for their own series: rename it (a count of things is a counter named '..._total')",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1007 (warning): The name contains a metric type as a word.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' has the type '{1}' in its name: the exposition already states the type, so drop the word from the name".
    /// Arguments: metric name, type word.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor TypeInName = Reader(
        "MG1007", "Metric type in the name",
        "Metric '{0}' has the type '{1}' in its name: the exposition already states the type, so drop the word from the name",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1008 (error): The name contains <c>:</c>, reserved for recording rules.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' contains ':', which is reserved for recording rules: use '_' instead".
    /// Arguments: metric name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor ColonInName = Reader(
        "MG1008", "Colon in metric name",
        "Metric '{0}' contains ':', which is reserved for recording rules: use '_' instead",
        NamingCategory, DiagnosticSeverity.Error);

    /// <summary>MG1009 (warning): A metric or label name is camelCase.</summary>
    /// <remarks>
    /// Message: "The {0} name '{1}' is camelCase: write it in snake_case ('{2}')".
    /// Arguments: "metric" or "label", name, snake_case suggestion.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor CamelCaseName = Reader(
        "MG1009", "Name is not snake_case",
        "The {0} name '{1}' is camelCase: write it in snake_case ('{2}')",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1010 (warning): The name contains an abbreviated unit as a word.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' uses the abbreviated unit '{1}': spell out the base unit ({2})".
    /// Arguments: metric name, abbreviation, base unit.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor AbbreviatedUnit = Reader(
        "MG1010", "Abbreviated unit in the name",
        "Metric '{0}' uses the abbreviated unit '{1}': spell out the base unit ({2})",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1011 (warning): A histogram or summary name says what it measures but carries no unit.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' measures a {1} but has no unit: name it '{3}' and set Unit = "{2}"".
    /// Arguments: metric name, measure word, base unit, suggested name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor MeasurementWithoutUnit = Reader(
        "MG1011", "Measurement without a unit",
        "Metric '{0}' measures a {1} but has no unit: name it '{3}' and set Unit = \"{2}\"",
        NamingCategory, DiagnosticSeverity.Warning);

    /// <summary>MG1012 (warning): A label named like another type's reserved label (<c>le</c>, <c>quantile</c>).</summary>
    /// <remarks>
    /// Message: "Label '{0}' on {1} '{2}' reads as the {3} label in PromQL and several clients reject it: rename the label".
    /// Arguments: label name, metric kind, metric name, the type it belongs to.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor ReservedLabelOnOtherType = Reader(
        "MG1012", "Bucket or quantile label on another metric type",
        "Label '{0}' on {1} '{2}' reads as the {3} label in PromQL and several clients reject it: rename the label",
        NamingCategory, DiagnosticSeverity.Warning);

    // Cardinality (MG2xxx)

    /// <summary>MG2001 (error): A label's values are not bounded at compile time.</summary>
    /// <remarks>
    /// Message: "Label '{0}' of metric '{1}' is not bounded: {2}".
    /// Arguments: label name, metric name, reason.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the generator.
    /// </remarks>
    public static readonly DiagnosticDescriptor UnboundedLabel = Reader(
        "MG2001", "Unbounded label",
        "Label '{0}' of metric '{1}' is not bounded: {2}",
        CardinalityCategory, DiagnosticSeverity.Error);

    /// <summary>MG2002 (warning): A label name says it holds per-user or per-request values.</summary>
    /// <remarks>
    /// Message: "Label '{0}' of metric '{1}' holds one value per user, request or object, which no bound makes useful: drop the label and put the value in logs or traces".
    /// Arguments: label name, metric name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor UnboundedLabelName = Reader(
        "MG2002", "Label name implies unbounded values",
        "Label '{0}' of metric '{1}' holds one value per user, request or object, which no bound makes useful: drop the label and put the value in logs or traces",
        CardinalityCategory, DiagnosticSeverity.Warning);

    /// <summary>MG2003 (warning): Metric exceeds the series budget.</summary>
    /// <remarks>
    /// Message: "Metric '{0}' can expose up to {1} series ({2}), above the budget of {3}: lower MaxValues, drop a label or use fewer buckets, or raise metrics_generators.max_series_per_metric in .editorconfig".
    /// Arguments: metric name, series count, per-label breakdown, budget.
    /// Reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor SeriesBudgetExceeded = Create(
        "MG2003", "Metric exceeds the series budget",
        "Metric '{0}' can expose up to {1} series ({2}), above the budget of {3}: lower MaxValues, drop a label or use fewer buckets, or raise metrics_generators.max_series_per_metric in .editorconfig",
        CardinalityCategory, DiagnosticSeverity.Warning);

    /// <summary>MG2004 (warning): Label value from an unbounded source.</summary>
    /// <remarks>
    /// Message: "The '{0}' label of '{1}' is fed {2}, which takes a new value per request or object and fills the label's bound at once: pass a bounded value such as a route template, an enum or a status class".
    /// Arguments: label name, metric name, the unbounded source.
    /// Reported by the UnboundedLabelSourceAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor UnboundedLabelSource = Create(
        "MG2004", "Label value from an unbounded source",
        "The '{0}' label of '{1}' is fed {2}, which takes a new value per request or object and fills the label's bound at once: pass a bounded value such as a route template, an enum or a status class",
        CardinalityCategory, DiagnosticSeverity.Warning);

    // Placement (MG3xxx)

    /// <summary>MG3001 (error): Metric created inside a method.</summary>
    /// <remarks>
    /// Message: "{0} registers a metric on a shared registry inside a method, so the second call throws: declare it once at type level ({1})".
    /// Arguments: the creation, where to declare the metric instead.
    /// Reported by the MetricCreatedInMethodAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor MetricCreatedInMethod = Create(
        "MG3001", "Metric created inside a method",
        "{0} registers a metric on a shared registry inside a method, so the second call throws: declare it once at type level ({1})",
        PlacementCategory, DiagnosticSeverity.Error);

    /// <summary>MG3002 (warning): Peer metric created inside a method.</summary>
    /// <remarks>
    /// Message: "{0} creates a metric inside a method, paying creation work on every call: declare it once at type level ({1})".
    /// Arguments: the creation, where to declare the metric instead.
    /// Reported by the MetricCreatedInMethodAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor PeerMetricCreatedInMethod = Create(
        "MG3002", "Peer metric created inside a method",
        "{0} creates a metric inside a method, paying creation work on every call: declare it once at type level ({1})",
        PlacementCategory, DiagnosticSeverity.Warning);

    // Usage (MG4xxx)

    /// <summary>MG4001 (warning): A counter's name says it holds a current value.</summary>
    /// <remarks>
    /// Message: "Counter '{0}' names a current value ('{1}'), but a counter only goes up: declare a [Gauge] and use Inc/Dec, Set or TrackInProgress".
    /// Arguments: metric name, the word that says so.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor CounterForCurrentValue = Reader(
        "MG4001", "Counter used for a current value",
        "Counter '{0}' names a current value ('{1}'), but a counter only goes up: declare a [Gauge] and use Inc/Dec, Set or TrackInProgress",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4002 (info): Summary quantiles cannot be aggregated.</summary>
    /// <remarks>
    /// Message: "Summary '{0}' computes its quantiles inside each process, and quantiles of several instances cannot be averaged or summed: declare a [Histogram] to get fleet-wide quantiles with histogram_quantile()".
    /// Arguments: metric name.
    /// Reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor SummaryForFleetQuantiles = Create(
        "MG4002", "Summary quantiles cannot be aggregated",
        "Summary '{0}' computes its quantiles inside each process, and quantiles of several instances cannot be averaged or summed: declare a [Histogram] to get fleet-wide quantiles with histogram_quantile()",
        UsageCategory, DiagnosticSeverity.Info);

    /// <summary>MG4003 (warning): A status-code label on a latency histogram.</summary>
    /// <remarks>
    /// Message: "Label '{0}' splits latency histogram '{1}' into one full set of buckets per status: count statuses in a counter and keep the histogram by route and method".
    /// Arguments: label name, metric name.
    /// Read from the declaration by <c>DeclarationReader</c>; reported by the DeclarationAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor StatusLabelOnLatency = Reader(
        "MG4003", "Status label on a latency histogram",
        "Label '{0}' splits latency histogram '{1}' into one full set of buckets per status: count statuses in a counter and keep the histogram by route and method",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4004 (warning): In-flight gauge not decremented in finally.</summary>
    /// <remarks>
    /// Message: "Gauge '{0}' is incremented here but not decremented in a finally block, so an exception leaves it too high for good: use 'using var _ = ….TrackInProgress();' or move Dec() into finally".
    /// Arguments: metric name.
    /// Reported by the InFlightGaugeAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor InFlightWithoutFinally = Create(
        "MG4004", "In-flight gauge not decremented in finally",
        "Gauge '{0}' is incremented here but not decremented in a finally block, so an exception leaves it too high for good: use 'using var _ = ….TrackInProgress();' or move Dec() into finally",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4005 (warning): Blocking work in a scrape callback.</summary>
    /// <remarks>
    /// Message: "The SetCallback of '{0}' blocks ({1}), and it runs inside every /metrics scrape: keep a value updated in the background and have the callback read it".
    /// Arguments: metric name, the blocking call.
    /// Reported by the BlockingCallbackAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor BlockingCallback = Create(
        "MG4005", "Blocking work in a scrape callback",
        "The SetCallback of '{0}' blocks ({1}), and it runs inside every /metrics scrape: keep a value updated in the background and have the callback read it",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4006 (warning): Timer or in-progress handle not disposed.</summary>
    /// <remarks>
    /// Message: "The handle from {0}() on '{1}' is {2}, so {3}: write 'using var _ = ….{0}();' or dispose it in a finally block".
    /// Arguments: method name, metric name, what happens to the handle, the consequence.
    /// Reported by the UndisposedHandleAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor UndisposedHandle = Create(
        "MG4006", "Timer or in-progress handle not disposed",
        "The handle from {0}() on '{1}' is {2}, so {3}: write 'using var _ = ….{0}();' or dispose it in a finally block",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>MG4007 (warning): Value in the wrong unit.</summary>
    /// <remarks>
    /// Message: "'{0}' is recorded in {1}, but this value is {2}: {3}".
    /// Arguments: metric name, declared unit, what the value is, the fix.
    /// Reported by the UnitMismatchAnalyzer.
    /// </remarks>
    public static readonly DiagnosticDescriptor UnitMismatch = Create(
        "MG4007", "Value in the wrong unit",
        "'{0}' is recorded in {1}, but this value is {2}: {3}",
        UsageCategory, DiagnosticSeverity.Warning);

    /// <summary>Every rule, in ID order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => s_all;

    /// <summary>The rules <c>DeclarationReader</c> can record a problem under.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> ReadFromDeclarations => s_read;

    /// <summary>
    /// True when the generator reports <paramref name="descriptor"/> (an error), false when the analyzer does.
    /// </summary>
    /// <remarks>
    /// Why the generator: a declaration error can leave compiler errors in the project (its own or the user's), and
    /// csc runs no analyzer in a compilation with declaration errors; the error that explains the build failure must
    /// still be on the declaration's line. Why not both: <c>dotnet build</c> would show each error twice. Moving a
    /// rule to or from Error moves it between the two.
    /// </remarks>
    public static bool ReportedByGenerator(DiagnosticDescriptor descriptor) => descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    private static DiagnosticDescriptor Reader(string id, string title, string message, string category, DiagnosticSeverity severity)
    {
        var descriptor = Create(id, title, message, category, severity);
        s_read.Add(descriptor);
        return descriptor;
    }

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] tags)
    {
        var descriptor = new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md", customTags: tags);
        s_all.Add(descriptor);
        return descriptor;
    }
}
